// The API's reads of projects and actions: pages of them in the API's order, scoped to the
// programme. Writes go through the portfolio's own commands (project-input.ts).
import { and, asc, count, desc, eq, notInArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { actions, organisations, projectPartners, projects, themes, type ActionState } from '../../../db/schema.ts';
import { isUuid } from '../../../web/forms.ts';
import { INTERNAL_LIFECYCLES } from '../../portfolio/queries.ts';

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
  if (!isUuid(actionId)) return null;
  const [row] = await db
    .select({ action: actions, owner: { slug: organisations.slug, name: organisations.name } })
    .from(actions)
    .leftJoin(organisations, eq(organisations.id, actions.ownerOrganisationId))
    .where(and(eq(actions.projectId, projectId), eq(actions.id, actionId)));
  return row ? { action: row.action, owner: row.owner?.slug ? row.owner : null } : null;
}
