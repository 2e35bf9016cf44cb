// Reads the editing pages need: the record with its permission reference, choice lists for
// selects, and the project's history from the audit trail.
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { actions, auditEvents, organisations, projectPartners, projects, themes } from '../../db/schema.ts';
import { resolveText, type Locale } from '../../domain/localized.ts';
import type { ProjectRef } from './policy.ts';
import { isUuid } from '../../web/forms.ts';
import type { Choice } from './edit-views.tsx';
import { partnerConsultations } from './tables.ts';

export async function loadProjectRecord(db: Db, programmeId: string, code: string) {
  const [project] = await db.select().from(projects).where(and(eq(projects.programmeId, programmeId), eq(projects.code, code)));
  if (!project) return null;
  const partners = await db.select({ organisationId: projectPartners.organisationId }).from(projectPartners).where(eq(projectPartners.projectId, project.id));
  const ref: ProjectRef = { id: project.id, programmeId, partnerOrganisationIds: partners.map((p) => p.organisationId) };
  return { project, ref };
}

export async function organisationChoices(db: Db, programmeId: string, locale: Locale): Promise<Choice[]> {
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.programmeId, programmeId));
  return rows.map((r) => ({ id: r.id, label: resolveText(r.name, locale).text })).sort((a, b) => a.label.localeCompare(b.label, locale));
}

export async function themeChoices(db: Db, programmeId: string, locale: Locale): Promise<Choice[]> {
  const rows = await db.select({ id: themes.id, code: themes.code, title: themes.title }).from(themes).where(eq(themes.programmeId, programmeId)).orderBy(asc(themes.position));
  return rows.map((r) => ({ id: r.id, label: `${r.code}. ${resolveText(r.title, locale).text}` }));
}

export async function getAction(db: Db, projectId: string, actionId: string) {
  if (!isUuid(actionId)) return null;
  const [row] = await db.select().from(actions).where(and(eq(actions.id, actionId), eq(actions.projectId, projectId)));
  return row ?? null;
}

export async function getPartner(db: Db, programmeId: string, projectId: string, slug: string) {
  const [row] = await db
    .select({ partner: projectPartners, organisation: organisations })
    .from(projectPartners)
    .innerJoin(organisations, eq(organisations.id, projectPartners.organisationId))
    .where(and(eq(projectPartners.projectId, projectId), eq(organisations.programmeId, programmeId), eq(organisations.slug, slug)));
  return row ?? null;
}

/**
 * The newest change of one kind to a project: who saved the version a stale form collided with.
 * `subject` narrows it to one action or one partner's commitment (the key the audit row names it by).
 */
export async function lastChange(db: Db, projectId: string, actions: string[], subject?: { actionId: string } | { organisationId: string }) {
  const [subjectKey, subjectId] = subject ? Object.entries(subject)[0]! : [];
  const [row] = await db
    .select({ actorLabel: auditEvents.actorLabel, at: auditEvents.at })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.objectType, 'project'),
        eq(auditEvents.objectId, projectId),
        inArray(auditEvents.action, actions),
        subjectKey ? sql`${auditEvents.after}->>${subjectKey} = ${subjectId}` : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row ?? null;
}

/** Every recorded change to a project, newest first (the history on the project page). */
export async function projectHistory(db: Db, projectId: string, limit = 50) {
  return db
    .select({ id: auditEvents.id, actorLabel: auditEvents.actorLabel, action: auditEvents.action, before: auditEvents.before, after: auditEvents.after, at: auditEvents.at })
    .from(auditEvents)
    .where(and(or(eq(auditEvents.objectType, 'project')), eq(auditEvents.objectId, projectId), eq(auditEvents.result, 'ok')))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

export async function listConsultations(db: Db, projectId: string) {
  return db
    .select({
      organisationId: partnerConsultations.organisationId,
      organisation: organisations.name,
      consultedOn: partnerConsultations.consultedOn,
      level: partnerConsultations.level,
      outcome: partnerConsultations.outcome,
      note: partnerConsultations.note,
      recordedByLabel: partnerConsultations.recordedByLabel,
    })
    .from(partnerConsultations)
    .innerJoin(organisations, eq(organisations.id, partnerConsultations.organisationId))
    .where(eq(partnerConsultations.projectId, projectId))
    .orderBy(desc(partnerConsultations.consultedOn));
}

/**
 * The project that used `code` before it was renamed (from the history), so old links keep
 * working. Null when no project of the programme ever had that code.
 */
export async function renamedProjectCode(db: Db, programmeId: string, code: string): Promise<string | null> {
  const [row] = await db
    .select({ code: projects.code })
    .from(auditEvents)
    .innerJoin(projects, sql`${projects.id}::text = ${auditEvents.objectId}`)
    .where(
      and(
        eq(auditEvents.programmeId, programmeId),
        eq(auditEvents.objectType, 'project'),
        eq(auditEvents.action, 'project.update'),
        sql`${auditEvents.before}->>'code' = ${code}`,
        eq(projects.programmeId, programmeId),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row && row.code !== code ? row.code : null;
}
