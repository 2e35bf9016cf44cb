// A partner organisation's contact asks to join a project; the lead (or the coordinator) accepts —
// through joinProject (./joining.ts), with the steering group's advice where the rules ask for it —
// or declines with a reason; the requester may withdraw an open request. Every write checks its
// permission, the request's state and version, and writes its audit row in one transaction. The
// requester is told by mail (the outbox when no mail server is configured).
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { organisations, projects, users } from '../../db/schema.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { resolveText, type Locale, type LocalizedText } from '../../domain/localized.ts';
import { done, FORM_ERROR, refusedField, type Outcome } from '../../domain/outcome.ts';
import type { Actor } from '../../domain/policy.ts';
import { authorize } from '../../policies.ts';
import { translate } from '../../web/i18n.ts';
import './join-request-messages.ts';
import { sendAccountMail } from '../accounts/mail.ts';
import { organisationsThatMayAsk, type ProjectRef } from './policy.ts';
import { joinRequests, type JoinRequestStatus } from './tables.ts';
import { now } from '../../clock.ts';

export type JoinRequest = typeof joinRequests.$inferSelect;

/** Asks, for one of the actor's organisations that is not yet a partner; one open request per organisation. */
export async function askToJoin(db: Db, input: { actor: Actor; project: ProjectRef; organisationId: string; motivation: LocalizedText }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'joinRequest.ask', input.project);
  if (!organisationsThatMayAsk(input.actor, input.project).includes(input.organisationId)) return refusedField('organisationId', 'form.error.choice');
  const { programmeId, id: projectId } = input.project;
  return writeTransaction(db, async (tx): Promise<Outcome<{ id: string }>> => {
    const rows = await tx
      .insert(joinRequests)
      .values({ programmeId, projectId, organisationId: input.organisationId, motivation: input.motivation, requestedBy: input.actor.userId, requestedByLabel: input.actor.displayName })
      .onConflictDoNothing()
      .returning();
    if (rows.length === 0) return refusedField(FORM_ERROR, 'pf.joinRequest.alreadyOpen');
    const row = rows[0]!;
    await recordAudit(tx, { actor: input.actor, programmeId, action: 'joinRequest.ask', objectType: 'project', objectId: projectId, after: { joinRequestId: row.id, organisationId: row.organisationId, motivation: row.motivation } });
    return done({ id: row.id });
  });
}

/** Closes an open request (declined by the lead, withdrawn by who asked), refused when it changed since `expectedVersion`. */
async function close(
  db: Db,
  input: { actor: Actor; request: JoinRequest; expectedVersion: number; status: Extract<JoinRequestStatus, 'declined' | 'withdrawn'>; reason: LocalizedText },
): Promise<Outcome<{ id: string }>> {
  const { actor, request } = input;
  return writeTransaction(db, async (tx): Promise<Outcome<{ id: string }>> => {
    const [current] = await tx.select().from(joinRequests).where(eq(joinRequests.id, request.id)).for('update');
    if (!current || current.status !== 'requested' || current.version !== input.expectedVersion) return refusedField(FORM_ERROR, 'pf.joinRequest.stale');
    await tx
      .update(joinRequests)
      .set({ status: input.status, decidedBy: actor.userId, decidedByLabel: actor.displayName, decidedAt: now(), reason: input.reason, updatedAt: new Date(), version: current.version + 1 })
      .where(eq(joinRequests.id, current.id));
    await recordAudit(tx, {
      actor,
      programmeId: current.programmeId,
      action: input.status === 'declined' ? 'joinRequest.decline' : 'joinRequest.withdraw',
      objectType: 'project',
      objectId: current.projectId,
      before: { joinRequestId: current.id, status: current.status },
      after: { joinRequestId: current.id, status: input.status, reason: input.reason },
    });
    return done({ id: current.id });
  });
}

/** The lead (or coordinator) declines, always saying why. */
export async function declineJoinRequest(db: Db, input: { actor: Actor; project: ProjectRef; request: JoinRequest; expectedVersion: number; reason: LocalizedText }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'partner.join', input.project);
  if (input.request.projectId !== input.project.id) return refusedField(FORM_ERROR, 'form.error.choice');
  if (!input.reason.nl && !input.reason.en) return refusedField('reason', 'form.error.required');
  return close(db, { ...input, status: 'declined' });
}

/** Who asked takes an open request back. */
export async function withdrawJoinRequest(db: Db, input: { actor: Actor; request: JoinRequest; expectedVersion: number }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'joinRequest.withdraw', input.request);
  return close(db, { ...input, status: 'withdrawn', reason: {} });
}

export async function getJoinRequest(db: Db, projectId: string, requestId: string): Promise<JoinRequest | null> {
  const [row] = await db.select().from(joinRequests).where(and(eq(joinRequests.id, requestId), eq(joinRequests.projectId, projectId)));
  return row ?? null;
}

export interface JoinRequestRow {
  request: JoinRequest;
  organisation: { id: string; slug: string; name: LocalizedText };
  project: { code: string; title: LocalizedText };
}

const rowColumns = {
  request: joinRequests,
  organisation: { id: organisations.id, slug: organisations.slug, name: organisations.name },
  project: { code: projects.code, title: projects.title },
};

/** A project's requests, newest first: open ones for the lead, and what became of the others. */
export async function listProjectJoinRequests(db: Db, projectId: string): Promise<JoinRequestRow[]> {
  return db
    .select(rowColumns)
    .from(joinRequests)
    .innerJoin(organisations, eq(organisations.id, joinRequests.organisationId))
    .innerJoin(projects, eq(projects.id, joinRequests.projectId))
    .where(eq(joinRequests.projectId, projectId))
    .orderBy(desc(joinRequests.createdAt))
    .limit(50);
}

/** Open requests for the projects a lead leads (or every project, for the coordinator: `projectIds` null). */
export async function openJoinRequests(db: Db, programmeId: string, projectIds: string[] | null): Promise<JoinRequestRow[]> {
  if (projectIds !== null && projectIds.length === 0) return [];
  return db
    .select(rowColumns)
    .from(joinRequests)
    .innerJoin(organisations, eq(organisations.id, joinRequests.organisationId))
    .innerJoin(projects, eq(projects.id, joinRequests.projectId))
    .where(and(eq(joinRequests.programmeId, programmeId), eq(joinRequests.status, 'requested'), projectIds === null ? undefined : inArray(joinRequests.projectId, projectIds)))
    .orderBy(joinRequests.createdAt)
    .limit(50);
}

/** The requests a partner contact's organisations made, newest first. */
export async function organisationJoinRequests(db: Db, programmeId: string, organisationIds: string[]): Promise<JoinRequestRow[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select(rowColumns)
    .from(joinRequests)
    .innerJoin(organisations, eq(organisations.id, joinRequests.organisationId))
    .innerJoin(projects, eq(projects.id, joinRequests.projectId))
    .where(and(eq(joinRequests.programmeId, programmeId), inArray(joinRequests.organisationId, organisationIds)))
    .orderBy(desc(joinRequests.createdAt))
    .limit(50);
}

/**
 * Tells who asked what became of their request, in their own language, with a link to the project.
 * Sent after the decision is stored; a mail that cannot be sent stays in the outbox as failed.
 */
export async function mailOutcome(db: Db, input: { request: JoinRequest; baseUrl: string; programmeSlug: string; projectCode: string; projectTitle: LocalizedText; organisation: LocalizedText }): Promise<void> {
  const { request } = input;
  if (!request.requestedBy) return;
  const [user] = await db.select({ email: users.email, name: users.displayName, locale: users.locale, disabledAt: users.disabledAt }).from(users).where(eq(users.id, request.requestedBy));
  if (!user?.email || user.disabledAt) return;
  const locale = (user.locale === 'en' ? 'en' : 'nl') as Locale;
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const project = `${input.projectCode}. ${resolveText(input.projectTitle, locale).text}`;
  const organisation = resolveText(input.organisation, locale).text;
  const reason = resolveText(request.reason, locale).text;
  const lines = [
    t('mail.greeting', { name: user.name }),
    '',
    t(`pf.joinRequest.mail.${request.status}`, { project, organisation, who: request.decidedByLabel ?? '' }),
    ...(reason ? ['', `${t('pf.joinRequest.reason')}: ${reason}`] : []),
    '',
    `${input.baseUrl}/${locale}/${input.programmeSlug}/projects/${encodeURIComponent(input.projectCode)}#join-requests`,
    '',
  ];
  await sendAccountMail(db, { programmeId: request.programmeId, kind: 'joinRequest', to: user.email, subject: t(`pf.joinRequest.mail.subject.${request.status}`, { project }), body: lines.join('\n') });
}

/** One request of a project with its organisation, or null. */
export async function getJoinRequestRow(db: Db, projectId: string, requestId: string): Promise<JoinRequestRow | null> {
  const [row] = await db
    .select(rowColumns)
    .from(joinRequests)
    .innerJoin(organisations, eq(organisations.id, joinRequests.organisationId))
    .innerJoin(projects, eq(projects.id, joinRequests.projectId))
    .where(and(eq(joinRequests.id, requestId), eq(joinRequests.projectId, projectId)));
  return row ?? null;
}
