// Default data: the first annual agenda, 2017-2018, was annexed to the agreement ("De eerste
// jaaragenda 2017-2018 is als bijlage bij deze samenwerkingsovereenkomst gevoegd") and adopted by
// it on 7 July 2017. Its source is the agreement itself, not a meeting: no meeting or decision is
// invented for it.
import { registerSeedExtension } from '../../seed/load.ts';
import { composeEntries } from './compose.ts';
import { annualAgendaEntries, annualAgendas } from './tables.ts';

registerSeedExtension('agenda:2017-2018', async (tx, context) => {
  // Leiden's agreement annexed this agenda; a programme loaded from another file has none of its own yet.
  if (context.seed.slug !== 'leiden') return;
  const { programmeId } = context;
  const [agenda] = await tx
    .insert(annualAgendas)
    .values({ programmeId, startYear: 2017, endYear: 2018, state: 'published', adoptedBy: 'agreement' })
    .returning({ id: annualAgendas.id });
  const entries = await composeEntries(tx, programmeId);
  if (entries.length > 0) {
    await tx.insert(annualAgendaEntries).values(
      entries.map((entry, position) => ({ programmeId, agendaId: agenda!.id, projectId: entry.projectId, position, lead: entry.lead, staffing: entry.staffing, actions: entry.actions })),
    );
  }
});
