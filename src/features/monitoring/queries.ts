// Reads for monitoring pages: a fixed number of queries per page, whatever the number of targets.
import { and, asc, desc, eq, inArray, isNotNull, lte, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { actions, organisations, people, programmes, projects, roleAssignments, targets, users } from '../../db/schema.ts';
import { projectTrend, type Trend } from '../../domain/trend.ts';
import { mailOutbox, measurements, progressReports } from './tables.ts';

export type TargetRow = typeof targets.$inferSelect;
export type MeasurementRow = typeof measurements.$inferSelect;

export interface TargetWithTrend {
  target: TargetRow;
  projectCode: string | null;
  measurements: MeasurementRow[];
  trend: Trend;
  baselineOn: string;
}

export async function listTargetsWithTrend(db: Db, programmeId: string, today: string, key?: string): Promise<TargetWithTrend[]> {
  const [programme] = await db.select({ periodStart: programmes.periodStart }).from(programmes).where(eq(programmes.id, programmeId));
  const rows = await db
    .select({ target: targets, projectCode: projects.code })
    .from(targets)
    .leftJoin(projects, eq(projects.id, targets.projectId))
    .where(key === undefined ? eq(targets.programmeId, programmeId) : and(eq(targets.programmeId, programmeId), eq(targets.key, key)))
    .orderBy(asc(projects.code), asc(targets.createdAt), asc(targets.key));
  if (rows.length === 0) return [];
  const points = await db
    .select()
    .from(measurements)
    .where(inArray(measurements.targetId, rows.map((r) => r.target.id)))
    .orderBy(asc(measurements.measuredOn), asc(measurements.createdAt));
  const baselineOn = programme!.periodStart;
  return rows.map(({ target, projectCode }) => {
    const own = points.filter((p) => p.targetId === target.id);
    const trend = projectTrend({
      targetValue: target.targetValue,
      baselineValue: target.baselineValue,
      baselineOn,
      deadlineOn: target.deadlineOn,
      measurements: own.map((p) => ({ on: p.measuredOn, value: p.value })),
      today,
    });
    return { target, projectCode, measurements: own, trend, baselineOn };
  });
}

export async function projectLeadIds(db: Db, projectId: string): Promise<string[]> {
  const rows = await db.select({ userId: roleAssignments.userId }).from(roleAssignments).where(and(eq(roleAssignments.projectId, projectId), eq(roleAssignments.role, 'lead')));
  return rows.map((r) => r.userId);
}

export async function getProjectByCode(db: Db, programmeId: string, code: string) {
  const [row] = await db.select().from(projects).where(and(eq(projects.programmeId, programmeId), eq(projects.code, code)));
  return row ?? null;
}

export async function listReports(db: Db, projectId: string) {
  return db.select().from(progressReports).where(eq(progressReports.projectId, projectId)).orderBy(desc(progressReports.period));
}

/** Projects that are under way; only these owe a progress report. */
export const REPORTING_LIFECYCLES = ['admitted', 'running'] as const;

/** Running projects without a report for the period, with who leads them (organisation, and users with the lead role). */
export async function listMissingReports(db: Db, programmeId: string, period: string) {
  const leadOrg = alias(organisations, 'lead_org');
  const missing = await db
    .select({ id: projects.id, code: projects.code, title: projects.title, leadName: leadOrg.name })
    .from(projects)
    .leftJoin(leadOrg, eq(leadOrg.id, projects.leadOrganisationId))
    .leftJoin(progressReports, and(eq(progressReports.projectId, projects.id), eq(progressReports.period, period)))
    .where(and(eq(projects.programmeId, programmeId), inArray(projects.lifecycle, [...REPORTING_LIFECYCLES]), sql`${progressReports.id} is null`))
    .orderBy(asc(projects.position), asc(projects.code));
  if (missing.length === 0) return [];
  const leads = await db
    .select({ projectId: roleAssignments.projectId, userId: users.id, name: users.displayName, email: users.email, locale: users.locale })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.role, 'lead'), inArray(roleAssignments.projectId, missing.map((m) => m.id))));
  return missing.map((m) => ({ ...m, leads: leads.filter((l) => l.projectId === m.id) }));
}

export interface DeadlineRow {
  id: string;
  projectId: string;
  projectCode: string;
  projectTitle: Record<string, string | undefined>;
  description: Record<string, string | undefined>;
  dueOn: string;
  dueLabel: Record<string, string | undefined>;
  state: string;
  organisationSlug: string | null;
  organisationName: Record<string, string | undefined> | null;
  personName: string | null;
  personUserId: string | null;
}

/** Open actions due on or before `until` (overdue and due soon), oldest first, across projects. */
export async function listDeadlines(db: Db, programmeId: string, until: string, limit = 500): Promise<DeadlineRow[]> {
  return db
    .select({
      id: actions.id,
      projectId: projects.id,
      projectCode: projects.code,
      projectTitle: projects.title,
      description: actions.description,
      dueOn: sql<string>`${actions.dueOn}`,
      dueLabel: actions.dueLabel,
      state: actions.state,
      organisationSlug: organisations.slug,
      organisationName: organisations.name,
      personName: people.name,
      personUserId: people.userId,
    })
    .from(actions)
    .innerJoin(projects, eq(projects.id, actions.projectId))
    .leftJoin(organisations, eq(organisations.id, actions.ownerOrganisationId))
    .leftJoin(people, eq(people.id, actions.ownerPersonId))
    .where(and(eq(actions.programmeId, programmeId), isNotNull(actions.dueOn), lte(actions.dueOn, until), notInArray(actions.state, ['done', 'cancelled'])))
    .orderBy(asc(actions.dueOn), asc(projects.code), asc(actions.position))
    .limit(limit);
}

export async function listOutbox(db: Db, limit = 100) {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(limit);
}
