// Reads and writes of projects and actions for the API. Reads are scoped to the programme; writes
// are commands that check permission themselves, update only the version the client saw, and
// write the audit row in the same transaction.
import { and, asc, count, desc, eq, notInArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { actions, organisations, projectPartners, projects, themes, type ActionState } from '../../../db/schema.ts';
import { saveVersioned } from '../../../db/versioned.ts';
import { authorize, type Actor } from '../../../domain/policy.ts';
import { HttpError } from '../../../web/http.ts';
import type { ActionInput as PortfolioActionInput } from '../../portfolio/commands.ts';
import { INTERNAL_LIFECYCLES } from '../../portfolio/queries.ts';
import { mergeLocalized } from '../schemas.ts';

const lead = alias(organisations, 'api_lead_organisation');

export const PROJECT_SORTS = ['code', '-code', 'updatedAt', '-updatedAt'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export interface ProjectFilter {
  theme?: string;
  lifecycle?: string;
  includeInternal: boolean;
}

function projectWhere(programmeId: string, filter: ProjectFilter): SQL {
  const parts: SQL[] = [eq(projects.programmeId, programmeId)];
  if (!filter.includeInternal) {
    parts.push(eq(projects.published, true), notInArray(projects.lifecycle, INTERNAL_LIFECYCLES));
  }
  if (filter.theme) parts.push(eq(themes.code, filter.theme));
  if (filter.lifecycle) parts.push(eq(projects.lifecycle, filter.lifecycle as (typeof projects.$inferSelect)['lifecycle']));
  return and(...parts)!;
}

const ORDER: Record<ProjectSort, SQL[]> = {
  code: [asc(projects.position), asc(projects.code)],
  '-code': [desc(projects.position), desc(projects.code)],
  updatedAt: [asc(projects.updatedAt), asc(projects.code)],
  '-updatedAt': [desc(projects.updatedAt), asc(projects.code)],
};

export async function listProjectsPage(db: Db, programmeId: string, filter: ProjectFilter, sort: ProjectSort, limit: number, offset: number) {
  const where = projectWhere(programmeId, filter);
  const [rows, [total]] = await Promise.all([
    db
      .select({ project: projects, theme: { code: themes.code, title: themes.title }, lead: { slug: lead.slug, name: lead.name } })
      .from(projects)
      .leftJoin(themes, eq(themes.id, projects.themeId))
      .leftJoin(lead, eq(lead.id, projects.leadOrganisationId))
      .where(where)
      .orderBy(...ORDER[sort])
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(projects).leftJoin(themes, eq(themes.id, projects.themeId)).where(where),
  ]);
  return { rows, total: total!.n };
}

export async function findProject(db: Db, programmeId: string, code: string) {
  const [row] = await db
    .select({ project: projects, theme: { code: themes.code, title: themes.title }, lead: { slug: lead.slug, name: lead.name } })
    .from(projects)
    .leftJoin(themes, eq(themes.id, projects.themeId))
    .leftJoin(lead, eq(lead.id, projects.leadOrganisationId))
    .where(and(eq(projects.programmeId, programmeId), eq(projects.code, code)));
  if (!row) return null;
  // A left join without a match yields an object of nulls: make it one null.
  return { ...row, theme: row.theme?.code ? row.theme : null, lead: row.lead?.slug ? row.lead : null };
}

export async function projectPartnersOf(db: Db, projectId: string) {
  return db
    .select({ partner: projectPartners, organisation: organisations })
    .from(projectPartners)
    .innerJoin(organisations, eq(organisations.id, projectPartners.organisationId))
    .where(eq(projectPartners.projectId, projectId))
    .orderBy(asc(projectPartners.position));
}

export async function projectActionsOf(db: Db, projectId: string, options: { state?: ActionState; limit?: number; offset?: number } = {}) {
  const where = options.state ? and(eq(actions.projectId, projectId), eq(actions.state, options.state)) : eq(actions.projectId, projectId);
  const query = db
    .select({ action: actions, owner: { slug: organisations.slug, name: organisations.name } })
    .from(actions)
    .leftJoin(organisations, eq(organisations.id, actions.ownerOrganisationId))
    .where(where)
    .orderBy(asc(actions.position), asc(actions.createdAt), asc(actions.id));
  const rows = options.limit !== undefined ? await query.limit(options.limit).offset(options.offset ?? 0) : await query;
  const [total] = await db.select({ n: count() }).from(actions).where(where);
  return { rows: rows.map((r) => ({ action: r.action, owner: r.owner?.slug ? r.owner : null })), total: total!.n };
}

export async function findAction(db: Db, projectId: string, actionId: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(actionId)) return null;
  const [row] = await db
    .select({ action: actions, owner: { slug: organisations.slug, name: organisations.name } })
    .from(actions)
    .leftJoin(organisations, eq(organisations.id, actions.ownerOrganisationId))
    .where(and(eq(actions.projectId, projectId), eq(actions.id, actionId)));
  return row ? { action: row.action, owner: row.owner?.slug ? row.owner : null } : null;
}

export interface ProjectRefInput {
  id: string;
  programmeId: string;
}

type Text = { nl?: string; en?: string };

export interface ProjectChanges {
  title?: Text;
  goal?: Text;
  description?: Text;
  status?: Text;
}

export async function updateProject(
  db: Db,
  input: { actor: Actor; project: typeof projects.$inferSelect; expectedVersion: number; changes: ProjectChanges },
): Promise<void> {
  const { actor, project, expectedVersion, changes } = input;
  authorize(actor, { do: 'project.edit', project: { id: project.id, programmeId: project.programmeId } });
  const next: Partial<typeof projects.$inferInsert> = {};
  if (changes.title) next.title = mergeLocalized(project.title, changes.title);
  if (changes.goal) next.goal = mergeLocalized(project.goal, changes.goal);
  if (changes.description) next.description = mergeLocalized(project.description, changes.description);
  if (changes.status) next.status = mergeLocalized(project.status, changes.status);
  if (next.title && !next.title.nl && !next.title.en) throw new HttpError(400, 'error.badRequest', 'title: a project needs a title in at least one language', [{ field: 'body.title', messageKey: 'api.invalid.required' }]);
  const saved = await saveVersioned(db, {
    table: projects,
    row: eq(projects.id, project.id),
    what: 'project',
    expectedVersion,
    values: next,
    // The API's history names every field the request sent, changed or not.
    audit: { actor, action: 'project.update', objectType: 'project', fields: 'named', origin: 'api' },
  });
  // Someone saved between our read and this write: their change stands, this one is refused.
  if (!saved.ok) throw new HttpError(412, 'api.error.preconditionFailed');
}

export interface ActionInput {
  description?: Text;
  dueOn?: string | null;
  dueLabel?: Text;
  state?: ActionState;
  ownerOrganisation?: string | null;
}

async function organisationIdBySlug(db: Db, programmeId: string, slug: string | null | undefined): Promise<string | null | undefined> {
  if (slug === undefined) return undefined;
  if (slug === null) return null;
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.programmeId, programmeId), eq(organisations.slug, slug)));
  if (!row) throw new HttpError(400, 'error.badRequest', `body.ownerOrganisation: unknown organisation "${slug}"`, [{ field: 'body.ownerOrganisation', messageKey: 'api.invalid.unknownOrganisation' }]);
  return row.id;
}

type ActionRow = typeof actions.$inferSelect;

/**
 * The API's edge onto the portfolio's action commands: a JSON body changes only the fields it
 * names, refers to the owner by slug and may set one language of a text; the commands take the
 * whole action. Setting state to done records today as completedOn (kept when already done).
 */
export async function actionValues(db: Db, programmeId: string, values: ActionInput, previous: ActionRow | null): Promise<PortfolioActionInput> {
  const owner = await organisationIdBySlug(db, programmeId, values.ownerOrganisation);
  const description = mergeLocalized(previous?.description ?? {}, values.description ?? {});
  if (!description.nl && !description.en) {
    throw new HttpError(400, 'error.badRequest', 'body.description: an action needs a description', [{ field: 'body.description', messageKey: 'api.invalid.required' }]);
  }
  const state = values.state ?? previous?.state ?? 'open';
  const completedOn = state !== 'done' ? null : previous?.state === 'done' ? previous.completedOn : new Date().toISOString().slice(0, 10);
  return {
    description,
    dueLabel: mergeLocalized(previous?.dueLabel ?? {}, values.dueLabel ?? {}),
    dueOn: values.dueOn !== undefined ? values.dueOn : (previous?.dueOn ?? null),
    state,
    completedOn,
    ownerOrganisationId: owner !== undefined ? owner : (previous?.ownerOrganisationId ?? null),
  };
}
