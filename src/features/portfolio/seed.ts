// Example cross-overs: links between projects that the agreement's text suggests (2a names the
// Regionaal Steunpunt, 2d names public health). The reasons are our wording, so they are flagged as examples.
import { registerSeedExtension } from '../../seed/load.ts';
import { crossOvers } from './tables.ts';

const LINKS: { a: string; b: string; nl: string; en: string }[] = [
  { a: '2a', b: '2b', nl: 'Het Huis van het Onderwijs en het Regionaal Steunpunt verkennen hun onderlinge verbinding.', en: 'The House of Education and the Regional Support Centre explore how they connect.' },
  { a: '2d', b: '4c', nl: 'Kennis over geestelijke gezondheid versterkt gezonde school en gezonde wijk.', en: 'Knowledge on mental health strengthens the healthy school and healthy neighbourhood.' },
];

registerSeedExtension('portfolio-cross-overs', async (tx, context) => {
  const codes = new Set(context.seed.projects.map((p) => p.code));
  const rows = LINKS.filter((l) => codes.has(l.a) && codes.has(l.b)).map((l) => {
    const [x, y] = [context.projectId(l.a), context.projectId(l.b)].sort() as [string, string];
    return { programmeId: context.programmeId, projectAId: x, projectBId: y, reason: { nl: l.nl, en: l.en }, example: true };
  });
  if (rows.length > 0) await tx.insert(crossOvers).values(rows).onConflictDoNothing();
});
