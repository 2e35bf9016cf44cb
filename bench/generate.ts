// Synthetic programmes for the benchmark, written through the app's own data layer (drizzle and
// the seed loader). 1x: the default programme plus ~20 projects and ~1k actions. 100x: 50
// programmes, 2,000 projects, 100k actions, with meetings, decisions, measurements and news.
import { eq } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import * as t from '../src/db/tables.ts';
import { loadProgramme } from '../src/seed/load.ts';
import { leiden } from '../src/seed/leiden.ts';

export interface Scale {
  name: '1x' | '100x';
  programmes: number;
  projectsPerProgramme: number;
  actionsPerProject: number;
  meetingsPerProgramme: number;
  decisionsPerMeeting: number;
  measurementsPerTarget: number;
  newsPerProgramme: number;
}

export const SCALES: Record<'1x' | '100x', Scale> = {
  '1x': { name: '1x', programmes: 1, projectsPerProgramme: 37, actionsPerProject: 27, meetingsPerProgramme: 8, decisionsPerMeeting: 3, measurementsPerTarget: 8, newsPerProgramme: 20 },
  '100x': { name: '100x', programmes: 50, projectsPerProgramme: 40, actionsPerProject: 50, meetingsPerProgramme: 20, decisionsPerMeeting: 5, measurementsPerTarget: 24, newsPerProgramme: 100 },
};

const WORDS = ['kennis', 'campus', 'onderwijs', 'huisvesting', 'studenten', 'wijk', 'duurzaamheid', 'gezondheid', 'internationaal', 'onderzoek', 'stad', 'lab', 'samenwerking', 'innovatie'];
const ENGLISH = ['knowledge', 'campus', 'education', 'housing', 'students', 'neighbourhood', 'sustainability', 'health', 'international', 'research', 'city', 'lab', 'cooperation', 'innovation'];

function phrase(i: number, length = 4): { nl: string; en: string } {
  const nl: string[] = [];
  const en: string[] = [];
  for (let k = 0; k < length; k++) {
    const w = (i * 7 + k * 3) % WORDS.length;
    nl.push(WORDS[w]!);
    en.push(ENGLISH[w]!);
  }
  return { nl: `${nl.join(' ')} ${i}`, en: `${en.join(' ')} ${i}` };
}

async function insertBatched<T extends Record<string, unknown>>(db: Db, table: Parameters<Db['insert']>[0], rows: T[], size = 1000): Promise<void> {
  for (let start = 0; start < rows.length; start += size) {
    await db.insert(table).values(rows.slice(start, start + size) as never);
  }
}

/** Loads `scale` into an empty, migrated database; returns the slug of the first programme. */
export async function generate(db: Db, scale: Scale, log: (message: string) => void = () => {}): Promise<string> {
  const started = performance.now();
  const slugs: string[] = [];
  for (let p = 0; p < scale.programmes; p++) {
    const slug = p === 0 ? 'leiden' : `stad-${p}`;
    slugs.push(slug);
    await loadProgramme(db, p === 0 ? leiden : { ...leiden, slug, city: `Stad ${p}`, name: { nl: `Kennisstad ${p}`, en: `Knowledge City ${p}` } });
  }
  log(`${scale.programmes} programme(s) loaded in ${Math.round(performance.now() - started)} ms`);

  for (const slug of slugs) {
    const [programme] = await db.select().from(t.programmes).where(eq(t.programmes.slug, slug));
    const programmeId = programme!.id;
    const themeRows = await db.select().from(t.themes).where(eq(t.themes.programmeId, programmeId));
    const orgRows = await db.select().from(t.organisations).where(eq(t.organisations.programmeId, programmeId));
    const existing = await db.select().from(t.projects).where(eq(t.projects.programmeId, programmeId));

    const extra = Math.max(0, scale.projectsPerProgramme - existing.length);
    const newProjects = Array.from({ length: extra }, (_, i) => ({
      programmeId,
      themeId: themeRows[i % themeRows.length]!.id,
      code: `x${i + 1}`,
      position: 100 + i,
      title: phrase(i, 3),
      goal: phrase(i + 1, 12),
      status: { nl: 'nieuw', en: 'new' },
      lifecycle: (i % 5 === 0 ? 'admitted' : 'running') as t.Lifecycle,
      leadOrganisationId: orgRows[i % orgRows.length]!.id,
    }));
    const inserted = newProjects.length ? await db.insert(t.projects).values(newProjects).returning({ id: t.projects.id }) : [];
    const projectIds = [...existing.map((row) => row.id), ...inserted.map((row) => row.id)];

    await insertBatched(
      db,
      t.projectPartners,
      inserted.flatMap((project, i) =>
        [0, 1, 2].map((k) => ({
          programmeId,
          projectId: project.id,
          organisationId: orgRows[(i + k * 5) % orgRows.length]!.id,
          role: (k === 0 ? 'lead' : k === 1 ? 'partner' : 'intended_partner') as t.PartnerRole,
          position: k,
          declaredInterest: k < 2,
        })),
      ),
    );

    const actionRows = [];
    for (const [index, projectId] of projectIds.entries()) {
      const have = index < existing.length ? 3 : 0;
      for (let a = have; a < scale.actionsPerProject; a++) {
        const day = 1 + ((index * 31 + a * 7) % 1500);
        const due = new Date(Date.UTC(2017, 6, 1) + day * 86_400_000).toISOString().slice(0, 10);
        actionRows.push({
          programmeId,
          projectId,
          position: a,
          description: phrase(index * 100 + a, 8),
          ownerOrganisationId: orgRows[(index + a) % orgRows.length]!.id,
          dueOn: due,
          state: (a % 4 === 0 ? 'done' : a % 4 === 1 ? 'in_progress' : 'open') as t.ActionState,
        });
      }
    }
    await insertBatched(db, t.actions, actionRows);

    const bodyRows = await db.select().from(t.bodies).where(eq(t.bodies.programmeId, programmeId));
    const meetingValues = Array.from({ length: scale.meetingsPerProgramme }, (_, m) => {
      const startsAt = new Date(Date.UTC(2018, 0, 15) + m * 30 * 86_400_000);
      return {
        programmeId,
        bodyId: bodyRows[m % 2]!.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        location: 'Stadhuis',
        state: (m < scale.meetingsPerProgramme / 2 ? 'held' : 'planned') as 'held' | 'planned',
      };
    });
    const meetingIds = meetingValues.length ? await db.insert(t.meetings).values(meetingValues).returning({ id: t.meetings.id }) : [];
    await insertBatched(
      db,
      t.decisions,
      meetingIds.flatMap((meeting, m) =>
        Array.from({ length: scale.decisionsPerMeeting }, (_, d) => ({
          programmeId,
          meetingId: meeting.id,
          text: phrase(m * 10 + d, 10),
          outcome: 'adopted' as const,
          public: d % 2 === 0,
        })),
      ),
    );

    const targetRows = await db.select().from(t.targets).where(eq(t.targets.programmeId, programmeId));
    await insertBatched(
      db,
      t.measurements,
      targetRows.flatMap((target) =>
        Array.from({ length: scale.measurementsPerTarget }, (_, k) => ({
          programmeId,
          targetId: target.id,
          measuredOn: new Date(Date.UTC(2017, 8, 1) + k * 45 * 86_400_000).toISOString().slice(0, 10),
          value: Math.round(((target.targetValue ?? 1) * (k + 1)) / (scale.measurementsPerTarget + 2)),
          source: 'benchmark',
          enteredByName: 'Benchmark',
        })),
      ),
    );

    await insertBatched(
      db,
      t.newsItems,
      Array.from({ length: scale.newsPerProgramme }, (_, n) => ({
        programmeId,
        slug: `bench-${n}`,
        title: phrase(n, 5),
        summary: phrase(n + 3, 15),
        body: phrase(n + 5, 60),
        status: 'published' as const,
        publishAt: new Date(Date.UTC(2018, 0, 1) + n * 86_400_000),
      })),
    );
  }
  const [projectCount] = await db.$count(t.projects).then((n) => [n]);
  const actionCount = await db.$count(t.actions);
  log(`${scale.name}: ${projectCount} projects, ${actionCount} actions in ${Math.round(performance.now() - started)} ms`);
  return slugs[0]!;
}
