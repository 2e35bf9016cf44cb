// Reads for the cross-over and network page: the visible projects with their partners and texts,
// and the recorded cross-overs, in three queries.
import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { organisations, projectPartners, projects } from '../../db/schema.ts';
import { INTERNAL_LIFECYCLES } from './queries.ts';
import { crossOvers } from './tables.ts';

export async function loadNetwork(db: Db, programmeId: string, includeInternal: boolean) {
  const scope = includeInternal
    ? eq(projects.programmeId, programmeId)
    : and(eq(projects.programmeId, programmeId), eq(projects.published, true), notInArray(projects.lifecycle, INTERNAL_LIFECYCLES));
  const visible = await db
    .select({ id: projects.id, code: projects.code, title: projects.title, goal: projects.goal, description: projects.description, lifecycle: projects.lifecycle })
    .from(projects)
    .where(scope)
    .orderBy(asc(projects.position), asc(projects.code));
  const ids = visible.map((p) => p.id);
  if (ids.length === 0) return { projects: visible, partnerships: [], links: [] };
  const a = alias(projects, 'project_a');
  const b = alias(projects, 'project_b');
  const [partnerships, links] = await Promise.all([
    db
      .select({ projectId: projectPartners.projectId, organisationId: organisations.id, slug: organisations.slug, name: organisations.name, role: projectPartners.role })
      .from(projectPartners)
      .innerJoin(organisations, eq(organisations.id, projectPartners.organisationId))
      .where(inArray(projectPartners.projectId, ids))
      .orderBy(asc(projectPartners.position)),
    db
      .select({ id: crossOvers.id, a: crossOvers.projectAId, b: crossOvers.projectBId, aCode: a.code, bCode: b.code, aTitle: a.title, bTitle: b.title, reason: crossOvers.reason, example: crossOvers.example })
      .from(crossOvers)
      .innerJoin(a, eq(a.id, crossOvers.projectAId))
      .innerJoin(b, eq(b.id, crossOvers.projectBId))
      .where(and(eq(crossOvers.programmeId, programmeId), inArray(crossOvers.projectAId, ids), inArray(crossOvers.projectBId, ids))),
  ]);
  return { projects: visible, partnerships, links };
}
