// Every write of the portfolio: each command checks permission itself, changes the data and writes
// its audit row in the same transaction. Records that are edited in forms carry a version: a save
// names the version it started from and is refused (a conflict, nothing written) when it is stale
// (saveVersioned, src/db/versioned.ts).
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { actions, projectPartners, projects, roleAssignments, type ActionState, type Lifecycle, type PartnerRole } from '../../db/schema.ts';
import { saveVersioned, type Conflict, type Saved } from '../../db/versioned.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { refused, refusedField, type Refused } from '../../domain/outcome.ts';
import { emptiedLanguages, staleAfterEdit } from '../../domain/translation.ts';
import type { Actor } from '../../domain/policy.ts';
import { authorize } from '../../policies.ts';
import type { ProjectRef } from './policy.ts';

export { changedFields, type Conflict, type Saved } from '../../db/versioned.ts';

export interface ProjectInput {
  /** Unique per programme (compared without case); only the coordinator changes it. */
  code: string;
  themeId: string | null;
  title: LocalizedText;
  goal: LocalizedText;
  description: LocalizedText;
  status: LocalizedText;
  leadNote: LocalizedText;
  safeguarding: LocalizedText;
  /** Criterion f: the partners' arrangements on staffing/capacity and on financing. */
  staffingArrangements: LocalizedText;
  financingArrangements: LocalizedText;
  lifecycle: Lifecycle;
  leadOrganisationId: string | null;
  published: boolean;
}

type ProjectRow = typeof projects.$inferSelect;

/** The project's bilingual texts whose translations are tracked. */
export const TRANSLATED_PROJECT_FIELDS = ['title', 'goal', 'description', 'status', 'leadNote', 'safeguarding', 'staffingArrangements', 'financingArrangements'] as const;

/** Another project of the programme has the code (compared without case): refused on the code field. */
const codeTaken = (): Refused => refusedField('code', 'pf.error.codeTaken');

/** PostgreSQL's unique_violation, as node-postgres and PGlite report it (drizzle may wrap it). */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * Saves a project's fields: the whole form from the pages, or the fields an API request names
 * (`origin: 'api'`, whose history lists every field the request sent, changed or not).
 */
export async function updateProject(
  db: Db,
  input: { actor: Actor; project: ProjectRef; expectedVersion: number; values: Partial<ProjectInput>; origin?: string },
): Promise<Saved<ProjectRow> | Conflict<ProjectRow> | Refused> {
  authorize(input.actor, 'project.edit', input.project);
  try {
    return await saveVersioned(db, {
      table: projects,
      row: eq(projects.id, input.project.id),
      what: 'project',
      expectedVersion: input.expectedVersion,
      values: input.values,
      refuse: async (tx, current) => {
        // The title is required in each language it has: emptying one would make the page show the other silently.
        const emptied = input.values.title ? emptiedLanguages(current.title, input.values.title) : [];
        if (emptied.length > 0) return refused(Object.fromEntries(emptied.map((locale) => [`title_${locale}`, { key: 'pf.error.titleEmptied' }])));
        if (input.values.code === undefined || input.values.code === current.code) return null;
        // "2D" beside "2d" would be two addresses for what reads as one code.
        const [taken] = await tx
          .select({ id: projects.id })
          .from(projects)
          .where(and(eq(projects.programmeId, current.programmeId), sql`lower(${projects.code}) = lower(${input.values.code})`, ne(projects.id, current.id)));
        return taken ? codeTaken() : null;
      },
      audit: { actor: input.actor, action: 'project.update', objectType: 'project', origin: input.origin, fields: input.origin ? 'named' : 'changed' },
      // The lead organisation is also the project's partner with role lead: moved in the same
      // transaction as the project, under the audit row that records the new lead.
      alsoWrite: async (tx, saved, before) => {
        if (saved.leadOrganisationId && saved.leadOrganisationId !== before.leadOrganisationId) await syncLeadPartner(tx, input.project, saved.leadOrganisationId);
        // A language changed without the other: the other is marked "translation out of date".
        const texts = (row: ProjectRow) => Object.fromEntries(TRANSLATED_PROJECT_FIELDS.map((field) => [field, row[field]]));
        const stale = staleAfterEdit(TRANSLATED_PROJECT_FIELDS, texts(before), texts(saved), before.staleTranslations);
        if (JSON.stringify(stale) !== JSON.stringify(before.staleTranslations)) await tx.update(projects).set({ staleTranslations: stale }).where(eq(projects.id, saved.id));
      },
    });
  } catch (error) {
    // Two renames to the same code at once: the unique index refuses the second.
    if (isUniqueViolation(error)) return codeTaken();
    throw error;
  }
}

export interface ActionInput {
  description: LocalizedText;
  ownerOrganisationId: string | null;
  dueOn: string | null;
  dueLabel: LocalizedText;
  state: ActionState;
  completedOn: string | null;
}

type ActionRow = typeof actions.$inferSelect;

/**
 * The position after the project's last action. Locks the project row first, in its own
 * statement, so concurrent creations queue instead of reading the same maximum (measured: without
 * the lock, concurrent API creations on PostgreSQL produced duplicate positions).
 */
export async function nextActionPosition(tx: Db, projectId: string): Promise<number> {
  await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for('update');
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${actions.position}), 0) + 1`.mapWith(Number) })
    .from(actions)
    .where(eq(actions.projectId, projectId));
  return row!.next;
}

/** `origin` names a channel other than the pages in the audit row (the API passes 'api'). */
export async function createAction(db: Db, input: { actor: Actor; project: ProjectRef; values: ActionInput; origin?: string }): Promise<ActionRow> {
  authorize(input.actor, 'projectAction.add', input.project);
  return db.transaction(async (tx) => {
    const next = await nextActionPosition(tx, input.project.id);
    const [row] = await tx.insert(actions).values({ programmeId: input.project.programmeId, projectId: input.project.id, position: next, ...input.values }).returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.project.programmeId, action: 'action.create', objectType: 'project', objectId: input.project.id, after: { actionId: row!.id, ...input.values }, origin: input.origin });
    return row!;
  });
}

export async function updateAction(
  db: Db,
  input: { actor: Actor; project: ProjectRef; actionId: string; expectedVersion: number; values: ActionInput; origin?: string },
): Promise<Saved<ActionRow> | Conflict<ActionRow>> {
  authorize(input.actor, 'projectAction.edit', input.project);
  return saveVersioned(db, {
    table: actions,
    row: and(eq(actions.id, input.actionId), eq(actions.projectId, input.project.id))!,
    what: 'action',
    expectedVersion: input.expectedVersion,
    values: input.values,
    audit: { actor: input.actor, action: 'action.update', objectType: 'project', objectId: input.project.id, subject: (current) => ({ actionId: current.id }), origin: input.origin },
  });
}

export interface PartnerInput {
  role: PartnerRole;
  note: LocalizedText;
  declaredInterest: boolean;
  capacityHours: number | null;
  moneyCents: number | null;
  commitmentAgreed: boolean;
}

type PartnerRow = typeof projectPartners.$inferSelect;

/** Saves one partner's commitment; a form started from an older version is refused, nothing written. */
export async function updatePartner(
  db: Db,
  input: { actor: Actor; project: ProjectRef; organisationId: string; expectedVersion: number; values: PartnerInput },
): Promise<Saved<PartnerRow> | Conflict<PartnerRow>> {
  authorize(input.actor, 'partner.edit', input.project);
  return saveVersioned(db, {
    table: projectPartners,
    row: and(eq(projectPartners.projectId, input.project.id), eq(projectPartners.organisationId, input.organisationId))!,
    what: 'partner',
    expectedVersion: input.expectedVersion,
    values: input.values,
    audit: { actor: input.actor, action: 'partner.update', objectType: 'project', objectId: input.project.id, subject: (current) => ({ organisationId: current.organisationId }) },
  });
}

/** The project's lead organisation is also a partner with role lead; keep the two in step. */
async function syncLeadPartner(tx: Db, project: ProjectRef, leadOrganisationId: string | null): Promise<void> {
  if (!leadOrganisationId) return;
  await tx
    .insert(projectPartners)
    .values({ programmeId: project.programmeId, projectId: project.id, organisationId: leadOrganisationId, role: 'lead', declaredInterest: true })
    .onConflictDoUpdate({ target: [projectPartners.projectId, projectPartners.organisationId], set: { role: 'lead', version: sql`${projectPartners.version} + 1` } });
}

/** A lead becomes a project's lead in the accounts sense too, so they can complete their proposal. */
export async function grantProposerLead(tx: Db, actor: Actor, project: ProjectRef): Promise<void> {
  await tx.insert(roleAssignments).values({ programmeId: project.programmeId, userId: actor.userId, role: 'lead', projectId: project.id });
}
