// Every write of the meetings capability. Each command checks permission itself, validates its
// input (problems come back per field), changes the data and writes the audit row in the same
// transaction.
import { and, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { done, refusedField, type Outcome } from '../../domain/outcome.ts';
import { authorize } from '../../policies.ts';
import type { LeaveInput, MemberInput } from './schema.ts';
import { bodies, organisations, people, projects } from '../../db/schema.ts';
import { fromAmsterdam } from '../../domain/meeting-time.ts';
import { AccessDenied, type Actor } from '../../domain/policy.ts';
import { field, fields, isHttpUrl, isIsoDate, localized, oneOf, UUID, type FieldErrors, type FormBody } from './forms.ts';
import { canMeetings } from './policy.ts';
import {
  AGENDA_ITEM_KINDS,
  DECISION_OUTCOMES,
  MEETING_STATES,
  MEMBER_POSITIONS,
  agendaItemProjects,
  agendaItems,
  bodyMemberships,
  decisionProposals,
  decisions,
  meetingActions,
  meetingDocuments,
  meetings,
  type MeetingState,
} from './tables.ts';

export type Result = { ok: true; id: string } | { ok: false; errors: FieldErrors };

interface Base {
  actor: Actor | null;
  db: Db;
  programmeId: string;
  /** A channel other than the pages, recorded in the audit row (the API passes 'api'). */
  origin?: string;
}

function requirePreparer(actor: Actor | null): asserts actor is Actor {
  if (!canMeetings(actor, { do: 'meetings.prepare' })) throw new AccessDenied('meetings.prepare');
}

const failed = (errors: FieldErrors): Result => ({ ok: false, errors });

export async function addMember(input: Base & { bodyId: string; member: MemberInput }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'body.manageMembers');
  const { member, db, programmeId } = input;
  let organisationId: string | null = null;
  if (member.organisation) {
    const [org] = await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.programmeId, programmeId), eq(organisations.slug, member.organisation)));
    if (!org) return refusedField('organisation', 'form.error.choice');
    organisationId = org.id;
  }
  // writeTransaction rolls back a refusal, so the person row is never left without its membership.
  return writeTransaction(db, async (tx) => {
    if (member.replaces) {
      const ended = await tx
        .update(bodyMemberships)
        .set({ endsOn: member.startsOn })
        .where(and(eq(bodyMemberships.id, member.replaces), eq(bodyMemberships.bodyId, input.bodyId), sql`${bodyMemberships.endsOn} is null`))
        .returning({ id: bodyMemberships.id });
      if (ended.length === 0) return refusedField('replaces', 'form.error.choice');
    }
    const [person] = await tx.insert(people).values({ programmeId, name: member.name, organisationId }).returning({ id: people.id });
    const [membership] = await tx
      .insert(bodyMemberships)
      .values({ programmeId, bodyId: input.bodyId, personId: person!.id, organisationId, position: member.position, startsOn: member.startsOn, replacesId: member.replaces ?? null })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId, action: 'body.member.add', objectType: 'body_membership', objectId: membership!.id, after: membership });
    return done({ id: membership!.id });
  });
}

/** Ends a seat; null when the membership is not an active one of this body. */
export async function endMembership(input: Base & { bodyId: string; membershipId: string; leave: LeaveInput }): Promise<Outcome<{ id: string }> | null> {
  authorize(input.actor, 'body.manageMembers');
  const { endsOn } = input.leave;
  return input.db.transaction(async (tx) => {
    const [row] = await tx
      .update(bodyMemberships)
      .set({ endsOn })
      .where(and(eq(bodyMemberships.id, input.membershipId), eq(bodyMemberships.bodyId, input.bodyId), sql`${bodyMemberships.endsOn} is null`))
      .returning();
    if (!row) return null;
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'body.member.end', objectType: 'body_membership', objectId: row.id, after: { endsOn } });
    return done({ id: row.id });
  });
}

/** Reads date, start and end time (Amsterdam) and place; shared by planning and rescheduling. */
function readSchedule(form: FormBody, errors: FieldErrors) {
  const date = field(form, 'date');
  const start = field(form, 'startTime');
  const end = field(form, 'endTime');
  const startsAt = fromAmsterdam(date, start);
  const endsAt = fromAmsterdam(date, end);
  if (!isIsoDate(date)) errors.date = 'meetings.error.date';
  else if (!startsAt) errors.startTime = 'meetings.error.time';
  else if (!endsAt) errors.endTime = 'meetings.error.time';
  else if (endsAt <= startsAt) errors.endTime = 'meetings.error.endBeforeStart';
  const location = field(form, 'location', 300);
  const onlineUrl = field(form, 'onlineUrl', 500);
  if (onlineUrl && !isHttpUrl(onlineUrl)) errors.onlineUrl = 'meetings.error.url';
  if (!location && !onlineUrl) errors.location = 'meetings.error.placeOrLink';
  return { startsAt, endsAt, location, onlineUrl: onlineUrl || null };
}

export async function planMeeting(input: Base & { bodyId: string; form: FormBody }): Promise<Result> {
  requirePreparer(input.actor);
  const errors: FieldErrors = {};
  const schedule = readSchedule(input.form, errors);
  if (Object.keys(errors).length > 0) return failed(errors);
  return input.db.transaction(async (tx) => {
    const [meeting] = await tx
      .insert(meetings)
      .values({ programmeId: input.programmeId, bodyId: input.bodyId, startsAt: schedule.startsAt!, endsAt: schedule.endsAt!, location: schedule.location, onlineUrl: schedule.onlineUrl })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.plan', objectType: 'meeting', objectId: meeting!.id, after: meeting, origin: input.origin });
    return { ok: true as const, id: meeting!.id };
  });
}

/**
 * Changes a meeting's schedule and state, read with the planning form's rules. Refused (`stale`,
 * nothing written) when the meeting changed since the sequence the caller saw.
 */
export async function rescheduleMeeting(input: Base & { meetingId: string; expectedSequence: number; form: FormBody }): Promise<Result | { ok: false; stale: true }> {
  requirePreparer(input.actor);
  const errors: FieldErrors = {};
  const schedule = readSchedule(input.form, errors);
  const state = oneOf(field(input.form, 'state'), MEETING_STATES);
  if (!state) errors.state = 'meetings.error.choose';
  if (Object.keys(errors).length > 0) return failed(errors);
  return input.db.transaction(async (tx) => {
    const [current] = await tx.select().from(meetings).where(and(eq(meetings.id, input.meetingId), eq(meetings.programmeId, input.programmeId))).for('update');
    if (!current || current.sequence !== input.expectedSequence) return { ok: false as const, stale: true as const };
    const next = { startsAt: schedule.startsAt!, endsAt: schedule.endsAt!, location: schedule.location, onlineUrl: schedule.onlineUrl, state: state! };
    await tx.update(meetings).set({ ...next, sequence: current.sequence + 1, updatedAt: new Date() }).where(eq(meetings.id, current.id));
    const before = { startsAt: current.startsAt, endsAt: current.endsAt, location: current.location, onlineUrl: current.onlineUrl, state: current.state };
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.update', objectType: 'meeting', objectId: current.id, before, after: next, origin: input.origin });
    return { ok: true as const, id: current.id };
  });
}

export async function setMeetingState(input: Base & { meetingId: string; form: FormBody }): Promise<Result> {
  requirePreparer(input.actor);
  const state = oneOf(field(input.form, 'state'), MEETING_STATES);
  if (!state) return failed({ state: 'meetings.error.choose' });
  return input.db.transaction(async (tx) => {
    const [row] = await tx
      .update(meetings)
      .set({ state: state as MeetingState, sequence: sql`${meetings.sequence} + 1`, updatedAt: new Date() })
      .where(and(eq(meetings.id, input.meetingId), eq(meetings.programmeId, input.programmeId)))
      .returning({ id: meetings.id });
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.state', objectType: 'meeting', objectId: row!.id, after: { state } });
    return { ok: true as const, id: row!.id };
  });
}

export async function saveMinutes(input: Base & { meetingId: string; form: FormBody }): Promise<Result> {
  requirePreparer(input.actor);
  const errors: FieldErrors = {};
  const minutes = localized(input.form, 'minutes', errors, true, 50_000);
  if (Object.keys(errors).length > 0) return failed(errors);
  return input.db.transaction(async (tx) => {
    await tx.update(meetings).set({ minutes, updatedAt: new Date() }).where(and(eq(meetings.id, input.meetingId), eq(meetings.programmeId, input.programmeId)));
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.minutes', objectType: 'meeting', objectId: input.meetingId, after: { minutes } });
    return { ok: true as const, id: input.meetingId };
  });
}

async function nextPosition(tx: Db, meetingId: string): Promise<number> {
  const [row] = await tx.select({ top: max(agendaItems.position) }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
  return (row?.top ?? 0) + 1;
}

async function projectIdsFor(tx: Db, programmeId: string, codes: string[]): Promise<string[] | null> {
  if (codes.length === 0) return [];
  const rows = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.programmeId, programmeId), inArray(projects.code, codes)));
  return rows.length === new Set(codes).size ? rows.map((row) => row.id) : null;
}

export async function addAgendaItem(input: Base & { meetingId: string; form: FormBody }): Promise<Result> {
  requirePreparer(input.actor);
  const errors: FieldErrors = {};
  const title = localized(input.form, 'title', errors, true, 300);
  const notes = localized(input.form, 'notes', errors, false);
  const kind = oneOf(field(input.form, 'kind'), AGENDA_ITEM_KINDS);
  if (!kind) errors.kind = 'meetings.error.choose';
  const codes = fields(input.form, 'projects').slice(0, 50);
  const projectIds = await projectIdsFor(input.db, input.programmeId, codes);
  if (!projectIds) errors.projects = 'meetings.error.choose';
  if (Object.keys(errors).length > 0) return failed(errors);
  return input.db.transaction(async (tx) => {
    const position = await nextPosition(tx, input.meetingId);
    const [item] = await tx.insert(agendaItems).values({ programmeId: input.programmeId, meetingId: input.meetingId, position, kind: kind!, title, notes }).returning();
    if (projectIds!.length > 0) {
      await tx.insert(agendaItemProjects).values(projectIds!.map((projectId) => ({ programmeId: input.programmeId, agendaItemId: item!.id, projectId })));
    }
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.item.add', objectType: 'meeting_agenda_item', objectId: item!.id, after: { ...item, projects: codes } });
    return { ok: true as const, id: item!.id };
  });
}

/** Swaps an item with its neighbour; the order of the agenda is the order of `position`. */
export async function moveAgendaItem(input: Base & { meetingId: string; itemId: string; direction: 'up' | 'down' }): Promise<boolean> {
  requirePreparer(input.actor);
  return input.db.transaction(async (tx) => {
    const items = await tx
      .select({ id: agendaItems.id, position: agendaItems.position })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, input.meetingId))
      .orderBy(agendaItems.position);
    const index = items.findIndex((item) => item.id === input.itemId);
    if (index < 0) return false;
    const other = items[input.direction === 'up' ? index - 1 : index + 1];
    if (!other) return true;
    const self = items[index]!;
    await tx.update(agendaItems).set({ position: other.position }).where(eq(agendaItems.id, self.id));
    await tx.update(agendaItems).set({ position: self.position }).where(eq(agendaItems.id, other.id));
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.item.move', objectType: 'meeting_agenda_item', objectId: self.id, after: { direction: input.direction } });
    return true;
  });
}

export async function addDocument(input: Base & { meetingId: string; itemId: string; form: FormBody }): Promise<Result> {
  requirePreparer(input.actor);
  const errors: FieldErrors = {};
  const title = localized(input.form, 'docTitle', errors, true, 300);
  const url = field(input.form, 'url', 1000);
  if (!isHttpUrl(url)) errors.url = 'meetings.error.url';
  if (Object.keys(errors).length > 0) return failed(errors);
  return input.db.transaction(async (tx) => {
    const [doc] = await tx.insert(meetingDocuments).values({ programmeId: input.programmeId, agendaItemId: input.itemId, title, url }).returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.document.add', objectType: 'meeting_document', objectId: doc!.id, after: doc });
    return { ok: true as const, id: doc!.id };
  });
}

/**
 * A support meeting prepares a proposal for a later executive meeting: the proposal is recorded
 * here and lands on that meeting's agenda as a decision item.
 */
export async function prepareProposal(input: Base & { meeting: { id: string; bodyKind: string; startsAt: Date }; form: FormBody }): Promise<Result> {
  requirePreparer(input.actor);
  const errors: FieldErrors = {};
  if (input.meeting.bodyKind !== 'support') errors.forMeeting = 'meetings.error.proposalOnlySupport';
  const title = localized(input.form, 'title', errors, true, 300);
  const text = localized(input.form, 'text', errors, true);
  const forMeetingId = field(input.form, 'forMeeting');
  let target: { id: string } | undefined;
  if (UUID.test(forMeetingId)) {
    [target] = await input.db
      .select({ id: meetings.id })
      .from(meetings)
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .where(and(eq(meetings.id, forMeetingId), eq(meetings.programmeId, input.programmeId), eq(bodies.kind, 'executive'), sql`${meetings.startsAt} > ${input.meeting.startsAt.toISOString()}`));
  }
  if (!target && !errors.forMeeting) errors.forMeeting = 'meetings.error.laterExecutive';
  if (Object.keys(errors).length > 0) return failed(errors);
  return input.db.transaction(async (tx) => {
    const [proposal] = await tx
      .insert(decisionProposals)
      .values({ programmeId: input.programmeId, preparedInMeetingId: input.meeting.id, forMeetingId: target!.id, title, text })
      .returning();
    const position = await nextPosition(tx, target!.id);
    await tx.insert(agendaItems).values({ programmeId: input.programmeId, meetingId: target!.id, position, kind: 'decision', title, proposalId: proposal!.id });
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'decision.propose', objectType: 'decision_proposal', objectId: proposal!.id, after: proposal });
    return { ok: true as const, id: proposal!.id };
  });
}

export async function recordDecision(input: Base & { meetingId: string; form: FormBody }): Promise<Result> {
  requirePreparer(input.actor);
  const errors: FieldErrors = {};
  const text = localized(input.form, 'text', errors, true);
  const outcome = oneOf(field(input.form, 'outcome'), DECISION_OUTCOMES);
  if (!outcome) errors.outcome = 'meetings.error.choose';
  const isPublic = field(input.form, 'public') === 'yes';
  const itemId = field(input.form, 'item');
  let item: { id: string; proposalId: string | null } | undefined;
  if (itemId) {
    if (UUID.test(itemId)) {
      [item] = await input.db
        .select({ id: agendaItems.id, proposalId: agendaItems.proposalId })
        .from(agendaItems)
        .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, input.meetingId)));
    }
    if (!item) errors.item = 'meetings.error.choose';
  }
  if (Object.keys(errors).length > 0) return failed(errors);
  return input.db.transaction(async (tx) => {
    const [decision] = await tx
      .insert(decisions)
      .values({ programmeId: input.programmeId, meetingId: input.meetingId, agendaItemId: item?.id ?? null, proposalId: item?.proposalId ?? null, text, outcome: outcome!, public: isPublic })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'decision.record', objectType: 'decision', objectId: decision!.id, after: decision });
    return { ok: true as const, id: decision!.id };
  });
}

export async function addAction(input: Base & { meeting: { id: string; bodyId: string }; form: FormBody }): Promise<Result> {
  requirePreparer(input.actor);
  const errors: FieldErrors = {};
  const description = localized(input.form, 'description', errors, true, 1000);
  const owner = field(input.form, 'owner', 200);
  if (!owner) errors.owner = 'meetings.error.required';
  const dueOn = field(input.form, 'dueOn');
  if (dueOn && !isIsoDate(dueOn)) errors.dueOn = 'meetings.error.date';
  if (Object.keys(errors).length > 0) return failed(errors);
  return input.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetingActions)
      .values({ programmeId: input.programmeId, bodyId: input.meeting.bodyId, raisedInMeetingId: input.meeting.id, description, owner, dueOn: dueOn || null })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.action.add', objectType: 'meeting_action', objectId: row!.id, after: row });
    return { ok: true as const, id: row!.id };
  });
}

export async function completeAction(input: Base & { meeting: { id: string; bodyId: string }; actionId: string }): Promise<boolean> {
  requirePreparer(input.actor);
  return input.db.transaction(async (tx) => {
    const [row] = await tx
      .update(meetingActions)
      .set({ state: 'done', doneInMeetingId: input.meeting.id })
      .where(and(eq(meetingActions.id, input.actionId), eq(meetingActions.bodyId, input.meeting.bodyId), eq(meetingActions.state, 'open')))
      .returning({ id: meetingActions.id });
    if (!row) return false;
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.action.done', objectType: 'meeting_action', objectId: row.id, after: { doneInMeetingId: input.meeting.id } });
    return true;
  });
}
