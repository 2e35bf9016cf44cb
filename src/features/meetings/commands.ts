// Writes for a body's members and a meeting's schedule, state and minutes (the agenda, decisions
// and actions are in ./item-commands.ts). Each command takes parsed input (./schema.ts), checks
// permission itself (./policy.ts), refuses per field (Outcome) and writes its audit row in the same
// transaction; a refusal writes nothing.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { organisations, people } from '../../db/schema.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { fromAmsterdam } from '../../domain/meeting-time.ts';
import { now } from '../../clock.ts';
import { recordBlock } from '../../domain/meeting-record.ts';
import { done, FORM_ERROR, hasErrors, refused, refusedField, type FieldErrors, type Outcome, type Refused } from '../../domain/outcome.ts';
import type { Actor } from '../../domain/policy.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { authorize } from '../../policies.ts';
import type { BodyScope } from './policy.ts';
import type { LeaveInput, MeetingChange, MeetingStateInput, MemberInput, MinutesInput, ScheduleInput } from './schema.ts';
import { bodyMemberships, meetings } from './tables.ts';

export interface Base {
  actor: Actor | null;
  db: Db;
  programmeId: string;
  /** A channel other than the pages, recorded in the audit row (the API passes 'api'). */
  origin?: string;
}

/** The meeting a write is about, with the body it belongs to (the permission is answered for it). */
export interface MeetingScope {
  meeting: { id: string; bodyId: string; startsAt: Date };
  body: BodyScope;
}

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

/** The instants of a schedule given in Amsterdam time, checked as a whole: it ends after it starts, somewhere. */
function instantsOf(schedule: ScheduleInput): Outcome<{ startsAt: Date; endsAt: Date; location: string; onlineUrl: string | null }> {
  const startsAt = fromAmsterdam(schedule.date, schedule.startTime);
  const endsAt = fromAmsterdam(schedule.date, schedule.endTime);
  const errors: FieldErrors = {};
  // A wall-clock time that does not exist that day (the spring-forward hour).
  if (!startsAt) errors.startTime = { key: 'meetings.error.time' };
  if (!endsAt) errors.endTime = { key: 'meetings.error.time' };
  else if (startsAt && endsAt <= startsAt) errors.endTime = { key: 'meetings.error.endBeforeStart' };
  if (!schedule.location && !schedule.onlineUrl) errors.location = { key: 'meetings.error.placeOrLink' };
  if (!startsAt || !endsAt || hasErrors(errors)) return refused(errors);
  return done({ startsAt, endsAt, location: schedule.location ?? '', onlineUrl: schedule.onlineUrl ?? null });
}

export async function planMeeting(input: Base & { body: BodyScope; schedule: ScheduleInput }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'meeting.plan', input.body);
  const checked = instantsOf(input.schedule);
  if (!checked.ok) return checked;
  return writeTransaction(input.db, async (tx) => {
    const [meeting] = await tx
      .insert(meetings)
      .values({ programmeId: input.programmeId, bodyId: input.body.id, ...checked.value })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.plan', objectType: 'meeting', objectId: meeting!.id, after: meeting, origin: input.origin });
    return done({ id: meeting!.id });
  });
}

/** A refusal because the meeting changed since the caller saw it (nothing written). */
export type Stale = Refused & { stale: true };

/**
 * Changes a meeting's schedule and state, checked as when planning. Refused as `stale` when the
 * meeting changed since the sequence the caller saw. Cancelling keeps the reason given (the page
 * asks for one; the API may leave it out); any other state clears it. The pages' "reschedule" and
 * "cancel" and the API's PATCH all come here.
 */
export async function rescheduleMeeting(input: Base & MeetingScope & { expectedSequence: number; change: MeetingChange; reason?: string }): Promise<Outcome<{ id: string }> | Stale> {
  authorize(input.actor, 'meeting.update', input.body);
  const checked = instantsOf(input.change);
  if (!checked.ok) return checked;
  return writeTransaction(input.db, async (tx): Promise<Outcome<{ id: string }> | Stale> => {
    const [current] = await tx.select().from(meetings).where(and(eq(meetings.id, input.meeting.id), eq(meetings.programmeId, input.programmeId))).for('update');
    if (!current || current.sequence !== input.expectedSequence) return { ok: false, stale: true, errors: {} };
    const cancelReason = input.change.state === 'cancelled' ? (input.reason ?? current.cancelReason) : null;
    const next = { ...checked.value, state: input.change.state, cancelReason };
    await tx.update(meetings).set({ ...next, sequence: current.sequence + 1, updatedAt: new Date() }).where(eq(meetings.id, current.id));
    const before = { startsAt: current.startsAt, endsAt: current.endsAt, location: current.location, onlineUrl: current.onlineUrl, state: current.state, cancelReason: current.cancelReason };
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.update', objectType: 'meeting', objectId: current.id, before, after: next, origin: input.origin });
    return done({ id: current.id });
  });
}

export async function setMeetingState(input: Base & MeetingScope & { change: MeetingStateInput }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'meeting.update', input.body);
  const { state } = input.change;
  return writeTransaction(input.db, async (tx) => {
    await tx
      .update(meetings)
      .set({ state, ...(state === 'cancelled' ? {} : { cancelReason: null }), sequence: sql`${meetings.sequence} + 1`, updatedAt: new Date() })
      .where(and(eq(meetings.id, input.meeting.id), eq(meetings.programmeId, input.programmeId)));
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.state', objectType: 'meeting', objectId: input.meeting.id, after: { state } });
    return done({ id: input.meeting.id });
  });
}

/**
 * Minutes, attendance and decisions record what happened: refused (nothing stored) for a meeting
 * that has not started yet on the programme's clock, or that was cancelled. Read from the stored
 * meeting, inside the write's transaction, whatever the caller passed.
 */
export async function refusedForRecord(tx: Db, meetingId: string): Promise<Refused | null> {
  const [row] = await tx.select({ startsAt: meetings.startsAt, state: meetings.state }).from(meetings).where(eq(meetings.id, meetingId)).for('update');
  if (!row) return refusedField(FORM_ERROR, 'form.error.choice');
  const block = recordBlock(row, now());
  return block ? refusedField(FORM_ERROR, `meetings.error.${block}`) : null;
}

/** Refused when the meeting's minutes are approved: its record (minutes, agenda, decisions) is frozen. */
export async function refusedWhenFrozen(tx: Db, meetingId: string): Promise<Refused | null> {
  const [row] = await tx.select({ approvedAt: meetings.minutesApprovedAt }).from(meetings).where(eq(meetings.id, meetingId));
  return row?.approvedAt ? refusedField(FORM_ERROR, 'meetings.error.frozen') : null;
}

/** The minutes as saved now, when a save started from an older version of them (nothing written). */
export interface MinutesConflict {
  ok: false;
  conflict: true;
  current: { minutes: LocalizedText; minutesVersion: number };
}

/**
 * Saves the minutes from the version the form was opened at (src/db/versioned.ts's rule, on the
 * meeting's own minutes counter): a stale version is a conflict and writes nothing; a save that
 * changes nothing writes nothing.
 */
export async function saveMinutes(input: Base & MeetingScope & { minutes: MinutesInput }): Promise<Outcome<{ id: string }> | MinutesConflict> {
  authorize(input.actor, 'meeting.recordMinutes', input.body);
  const { minutes, version } = input.minutes;
  return writeTransaction(input.db, async (tx): Promise<Outcome<{ id: string }> | MinutesConflict> => {
    const blocked = (await refusedForRecord(tx, input.meeting.id)) ?? (await refusedWhenFrozen(tx, input.meeting.id));
    if (blocked) return blocked;
    const where = and(eq(meetings.id, input.meeting.id), eq(meetings.programmeId, input.programmeId));
    const [current] = await tx.select({ minutes: meetings.minutes, minutesVersion: meetings.minutesVersion }).from(meetings).where(where).for('update');
    if (!current) return refusedField(FORM_ERROR, 'form.error.choice');
    if (current.minutesVersion !== version) return { ok: false, conflict: true, current };
    if (sameText(current.minutes, minutes)) return done({ id: input.meeting.id });
    await tx
      .update(meetings)
      .set({ minutes, minutesVersion: current.minutesVersion + 1, updatedAt: new Date() })
      .where(and(where, eq(meetings.minutesVersion, version)));
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.minutes', objectType: 'meeting', objectId: input.meeting.id, after: { minutes, minutesVersion: version + 1 } });
    return done({ id: input.meeting.id });
  });
}

function sameText(a: LocalizedText, b: LocalizedText): boolean {
  return (a.nl ?? '') === (b.nl ?? '') && (a.en ?? '') === (b.en ?? '');
}
