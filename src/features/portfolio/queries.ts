// Reads for the programme's portfolio pages. Each page costs a fixed, small number of queries,
// whatever the size of the programme (no query per row).
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { compareForHome, programmeStage } from '../../domain/lifecycle.ts';
import { resolveText, type Locale } from '../../domain/localized.ts';
import { programmeTerms } from '../agreement/term-queries.ts';
import { actions, organisations, programmes, projectPartners, projects, targets, themes, type Lifecycle } from '../../db/schema.ts';

/** Lifecycles the public never sees: a proposal is internal until admitted. */
export const INTERNAL_LIFECYCLES: Lifecycle[] = ['proposed', 'rejected'];

function visibleProjects(programmeId: string, includeInternal: boolean) {
  const scope = eq(projects.programmeId, programmeId);
  return includeInternal ? scope : and(scope, eq(projects.published, true), notInArray(projects.lifecycle, INTERNAL_LIFECYCLES));
}

const leadOrganisation = alias(organisations, 'lead_organisation');

const projectSummaryColumns = {
  id: projects.id,
  code: projects.code,
  title: projects.title,
  goal: projects.goal,
  status: projects.status,
  lifecycle: projects.lifecycle,
  themeId: projects.themeId,
  leadSlug: leadOrganisation.slug,
  leadName: leadOrganisation.name,
  leadNote: projects.leadNote,
};

export type ProjectSummary = Awaited<ReturnType<typeof listProjects>>[number];

export async function listProjects(db: Db, programmeId: string, includeInternal: boolean) {
  return db
    .select(projectSummaryColumns)
    .from(projects)
    .leftJoin(leadOrganisation, eq(leadOrganisation.id, projects.leadOrganisationId))
    .where(visibleProjects(programmeId, includeInternal))
    .orderBy(asc(projects.position), asc(projects.code));
}

export async function getProgramme(db: Db, programmeId: string) {
  const [row] = await db.select().from(programmes).where(eq(programmes.id, programmeId));
  return row!;
}

export async function listThemes(db: Db, programmeId: string) {
  return db.select().from(themes).where(eq(themes.programmeId, programmeId)).orderBy(asc(themes.position));
}

export async function getTheme(db: Db, programmeId: string, code: string) {
  const [row] = await db.select().from(themes).where(and(eq(themes.programmeId, programmeId), eq(themes.code, code)));
  return row ?? null;
}

export async function listThemeProjects(db: Db, programmeId: string, themeId: string, includeInternal: boolean) {
  return db
    .select(projectSummaryColumns)
    .from(projects)
    .leftJoin(leadOrganisation, eq(leadOrganisation.id, projects.leadOrganisationId))
    .where(and(visibleProjects(programmeId, includeInternal), eq(projects.themeId, themeId)))
    .orderBy(asc(projects.position));
}

export async function getProject(db: Db, programmeId: string, code: string) {
  const [row] = await db
    .select({ project: projects, theme: themes, lead: leadOrganisation })
    .from(projects)
    .leftJoin(themes, eq(themes.id, projects.themeId))
    .leftJoin(leadOrganisation, eq(leadOrganisation.id, projects.leadOrganisationId))
    .where(and(eq(projects.programmeId, programmeId), eq(projects.code, code)));
  return row ?? null;
}

export async function listProjectPartners(db: Db, projectId: string) {
  return db
    .select({ partner: projectPartners, organisation: organisations })
    .from(projectPartners)
    .innerJoin(organisations, eq(organisations.id, projectPartners.organisationId))
    .where(eq(projectPartners.projectId, projectId))
    .orderBy(asc(projectPartners.position));
}

export async function listProjectActions(db: Db, projectId: string) {
  return db
    .select({ action: actions, owner: organisations })
    .from(actions)
    .leftJoin(organisations, eq(organisations.id, actions.ownerOrganisationId))
    .where(eq(actions.projectId, projectId))
    .orderBy(asc(actions.position), asc(actions.createdAt));
}

export async function listProjectTargets(db: Db, projectId: string) {
  return db.select().from(targets).where(eq(targets.projectId, projectId)).orderBy(asc(targets.key));
}

export async function getOrganisation(db: Db, programmeId: string, slug: string) {
  const parent = alias(organisations, 'parent');
  const [row] = await db
    .select({ organisation: organisations, parent })
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .where(and(eq(organisations.programmeId, programmeId), eq(organisations.slug, slug)));
  return row ?? null;
}

export async function listOrganisationRoles(db: Db, programmeId: string, organisationId: string, includeInternal: boolean) {
  return db
    .select({ partner: projectPartners, project: { code: projects.code, title: projects.title, lifecycle: projects.lifecycle } })
    .from(projectPartners)
    .innerJoin(projects, eq(projects.id, projectPartners.projectId))
    .where(and(eq(projectPartners.organisationId, organisationId), visibleProjects(programmeId, includeInternal)))
    .orderBy(asc(projects.position));
}

export async function listChildOrganisations(db: Db, programmeId: string, organisationId: string) {
  return db
    .select({ slug: organisations.slug, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.programmeId, programmeId), eq(organisations.parentId, organisationId)))
    .orderBy(asc(organisations.slug));
}

export async function listOrganisations(db: Db, programmeId: string, includeInternal: boolean) {
  const roleCounts = db
    .select({
      organisationId: projectPartners.organisationId,
      leads: sql<number>`count(*) filter (where ${projectPartners.role} = 'lead')`.mapWith(Number).as('leads'),
      total: sql<number>`count(*)`.mapWith(Number).as('total'),
    })
    .from(projectPartners)
    .innerJoin(projects, eq(projects.id, projectPartners.projectId))
    .where(visibleProjects(programmeId, includeInternal))
    .groupBy(projectPartners.organisationId)
    .as('role_counts');
  return db
    .select({
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      parentId: organisations.parentId,
      leads: sql<number>`coalesce(${roleCounts.leads}, 0)`.mapWith(Number),
      total: sql<number>`coalesce(${roleCounts.total}, 0)`.mapWith(Number),
    })
    .from(organisations)
    .leftJoin(roleCounts, eq(roleCounts.organisationId, organisations.id))
    .where(eq(organisations.programmeId, programmeId))
    .orderBy(asc(organisations.slug));
}

/**
 * The installation's programmes for its home page, each with its term and its stage on `today`:
 * running first, then in preparation, then finished (src/domain/lifecycle.ts).
 */
export async function listProgrammes(db: Db, today: string, locale: Locale) {
  const rows = await db.select({ id: programmes.id, slug: programmes.slug, name: programmes.name, city: programmes.city }).from(programmes).orderBy(asc(programmes.slug));
  const terms = await programmeTerms(db, rows.map((row) => row.id));
  return rows
    .map((row) => {
      const term = terms.get(row.id)!;
      return { ...row, startOn: term.startOn, endOn: term.endOn, stage: programmeStage(term, today), label: resolveText(row.name, locale).text };
    })
    .sort((a, b) => compareForHome({ ...a, name: a.label }, { ...b, name: b.label }));
}


/** Projects with a text whose translation is behind the other language, for the translations overview. */
export async function projectsWithStaleTranslations(db: Db, programmeId: string) {
  return db
    .select({ code: projects.code, title: projects.title, stale: projects.staleTranslations })
    .from(projects)
    .where(and(eq(projects.programmeId, programmeId), sql`${projects.staleTranslations} <> '{}'::jsonb`))
    .orderBy(asc(projects.position), asc(projects.code));
}
