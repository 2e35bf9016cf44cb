// Writes of meetings through the API: plan a meeting and change its schedule or state. Times come
// in as UTC instants (the forms take Amsterdam local time, so the meetings feature's own commands,
// which read form fields, do not fit). Same permission as the pages: only who prepares meetings
// (the coordinator). Each change bumps the sequence (calendar clients and ETags follow it) and is
// audited in the same transaction; an update only applies to the sequence the client saw.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { recordAudit } from '../../../db/audit.ts';
import { AccessDenied, type Actor } from '../../../domain/policy.ts';
import { HttpError } from '../../../web/http.ts';
import { canMeetings } from '../../meetings/policy.ts';
import type { Meeting } from '../../meetings/queries.ts';
import { meetings, type MeetingState } from '../../meetings/tables.ts';

export interface MeetingInput {
  startsAt?: string;
  endsAt?: string;
  location?: string;
  onlineUrl?: string | null;
  state?: MeetingState;
}

function requirePreparer(actor: Actor | null): asserts actor is Actor {
  if (!canMeetings(actor, { do: 'meetings.prepare' })) throw new AccessDenied('meetings.prepare');
}

/** The rules the planning form applies: ends after it starts; a place or a link. All problems at once. */
function checkSchedule(next: { startsAt: Date; endsAt: Date; location: string; onlineUrl: string | null }): void {
  const problems: { field: string; messageKey: string; text: string }[] = [];
  if (next.endsAt <= next.startsAt) problems.push({ field: 'body.endsAt', messageKey: 'meetings.error.endBeforeStart', text: 'the meeting must end after it starts' });
  if (!next.location.trim() && !next.onlineUrl) problems.push({ field: 'body.location', messageKey: 'meetings.error.placeOrLink', text: 'give a location or an online link' });
  if (problems.length > 0) {
    throw new HttpError(400, 'error.badRequest', problems.map((p) => `${p.field}: ${p.text}`).join('; '), problems.map(({ field, messageKey }) => ({ field, messageKey })));
  }
}

export async function createMeeting(db: Db, input: { actor: Actor | null; programmeId: string; bodyId: string; values: MeetingInput & { startsAt: string; endsAt: string } }): Promise<Meeting> {
  requirePreparer(input.actor);
  const row = {
    programmeId: input.programmeId,
    bodyId: input.bodyId,
    startsAt: new Date(input.values.startsAt),
    endsAt: new Date(input.values.endsAt),
    location: (input.values.location ?? '').trim(),
    onlineUrl: input.values.onlineUrl?.trim() || null,
    state: input.values.state ?? 'planned',
  };
  checkSchedule(row);
  const actor = input.actor;
  return db.transaction(async (tx) => {
    const [meeting] = await tx.insert(meetings).values(row).returning();
    await recordAudit(tx, { actor, programmeId: input.programmeId, action: 'meeting.plan', objectType: 'meeting', objectId: meeting!.id, after: meeting, origin: 'api' });
    return meeting!;
  });
}

export async function updateMeeting(db: Db, input: { actor: Actor | null; meeting: Meeting; expectedSequence: number; values: MeetingInput }): Promise<void> {
  requirePreparer(input.actor);
  const { meeting, values } = input;
  const next: Partial<typeof meetings.$inferInsert> = {};
  if (values.startsAt !== undefined) next.startsAt = new Date(values.startsAt);
  if (values.endsAt !== undefined) next.endsAt = new Date(values.endsAt);
  if (values.location !== undefined) next.location = values.location.trim();
  if (values.onlineUrl !== undefined) next.onlineUrl = values.onlineUrl?.trim() || null;
  if (values.state !== undefined) next.state = values.state;
  checkSchedule({
    startsAt: next.startsAt ?? meeting.startsAt,
    endsAt: next.endsAt ?? meeting.endsAt,
    location: next.location ?? meeting.location,
    onlineUrl: next.onlineUrl !== undefined ? next.onlineUrl : meeting.onlineUrl,
  });
  const actor = input.actor;
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(meetings)
      .set({ ...next, sequence: sql`${meetings.sequence} + 1`, updatedAt: new Date() })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.sequence, input.expectedSequence)))
      .returning({ id: meetings.id });
    if (updated.length === 0) throw new HttpError(412, 'api.error.preconditionFailed');
    const before = Object.fromEntries(Object.keys(next).map((key) => [key, meeting[key as keyof Meeting]]));
    await recordAudit(tx, { actor, programmeId: meeting.programmeId, action: 'meeting.update', objectType: 'meeting', objectId: meeting.id, before, after: next, origin: 'api' });
  });
}
