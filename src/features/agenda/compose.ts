// Builds annual agenda entries from the portfolio: every admitted or running project with its
// lead, the partners that staff it and its actions, as a snapshot.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { actions, organisations, projectPartners, projects } from '../../db/schema.ts';
import type { AgendaAction, EntrySnapshot } from '../../domain/annual-agenda.ts';
import type { LocalizedText } from '../../domain/localized.ts';

const ON_AGENDA = ['admitted', 'running'] as const;

function joinNames(names: LocalizedText[]): LocalizedText {
  const nl = names.map((n) => n.nl ?? n.en ?? '').filter(Boolean).join(', ');
  const en = names.map((n) => n.en ?? n.nl ?? '').filter(Boolean).join(', ');
  return { nl, en };
}

export async function composeEntries(db: Db, programmeId: string): Promise<EntrySnapshot[]> {
  const projectRows = await db
    .select({ id: projects.id, leadName: organisations.name, leadNote: projects.leadNote })
    .from(projects)
    .leftJoin(organisations, eq(organisations.id, projects.leadOrganisationId))
    .where(and(eq(projects.programmeId, programmeId), inArray(projects.lifecycle, [...ON_AGENDA])))
    .orderBy(asc(projects.position), asc(projects.code));
  if (projectRows.length === 0) return [];
  const ids = projectRows.map((p) => p.id);
  const [partnerRows, actionRows] = await Promise.all([
    db
      .select({ projectId: projectPartners.projectId, name: organisations.name, hours: projectPartners.capacityHours })
      .from(projectPartners)
      .innerJoin(organisations, eq(organisations.id, projectPartners.organisationId))
      .where(and(inArray(projectPartners.projectId, ids), inArray(projectPartners.role, ['lead', 'partner'])))
      .orderBy(asc(projectPartners.position)),
    db
      .select({ action: actions, owner: organisations.name })
      .from(actions)
      .leftJoin(organisations, eq(organisations.id, actions.ownerOrganisationId))
      .where(inArray(actions.projectId, ids))
      .orderBy(asc(actions.position), asc(actions.createdAt)),
  ]);
  return projectRows.map((project) => ({
    projectId: project.id,
    lead: project.leadName ?? project.leadNote ?? {},
    staffing: joinNames(partnerRows.filter((p) => p.projectId === project.id).map((p) => (p.hours ? { nl: `${p.name.nl} (${p.hours} uur)`, en: `${p.name.en} (${p.hours} hours)` } : p.name))),
    actions: actionRows
      .filter((row) => row.action.projectId === project.id)
      .map(
        (row): AgendaAction => ({
          actionId: row.action.id,
          description: row.action.description,
          owner: row.owner ?? {},
          due: Object.keys(row.action.dueLabel).length > 0 ? row.action.dueLabel : row.action.dueOn ? { nl: row.action.dueOn, en: row.action.dueOn } : {},
          state: row.action.state,
        }),
      ),
  }));
}

/** Refreshes the action states of a snapshot from the projects' current actions. */
export async function refreshActionStates(db: Db, entries: EntrySnapshot[]): Promise<EntrySnapshot[]> {
  const ids = entries.flatMap((e) => e.actions.flatMap((a) => (a.actionId ? [a.actionId] : [])));
  if (ids.length === 0) return entries;
  const rows = await db.select({ id: actions.id, state: actions.state }).from(actions).where(inArray(actions.id, ids));
  const state = new Map(rows.map((row) => [row.id, row.state]));
  return entries.map((entry) => ({ ...entry, actions: entry.actions.map((a) => ({ ...a, state: (a.actionId && state.get(a.actionId)) || a.state })) }));
}
