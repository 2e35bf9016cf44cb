// Corrections to a meeting's record until its minutes are approved, and the approval itself.
//
// Agenda items and decisions can be edited (with the version check of src/db/versioned.ts: a stale
// save is refused, nothing written) or withdrawn (kept in the record, shown as withdrawn), each with
// its audit row, until the meeting's minutes are approved. The programme setting
// minutesApprovedAtNextMeeting (not in the agreement; on by default) says how that happens:
// - on: a later meeting of the same body, once it has started and was not cancelled (the record
//   rules of src/domain/meeting-record.ts), approves the minutes of the body's previous meeting;
// - off: the secretary makes a meeting's minutes final themselves, after the meeting.
// Either way minutesApprovedAt is set (with the approving meeting when there is one) and from then
// on the meeting's minutes, agenda and decisions are frozen: a correction is a new note, appended.
import { and, desc, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import { now } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { programmes } from '../../db/schema.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { saveVersioned, type Conflict } from '../../db/versioned.ts';
import { resolveText } from '../../domain/localized.ts';
import { done, FORM_ERROR, refusedField, type Outcome, type Refused } from '../../domain/outcome.ts';
import { authorize } from '../../policies.ts';
import { refusedForRecord, refusedWhenFrozen, type Base, type MeetingScope } from './commands.ts';
import type { AgendaItemEdit, DecisionEdit, MinutesSettingInput, NoteInput, WithdrawInput } from './schema.ts';
import { agendaItems, decisions, meetings, minutesNotes } from './tables.ts';

type Item = typeof agendaItems.$inferSelect;
type Decision = typeof decisions.$inferSelect;

/** Whether the programme approves minutes at the body's next meeting (the setting; on by default). */
export async function approvesAtNextMeeting(db: Db, programmeId: string): Promise<boolean> {
  const [row] = await db.select({ on: programmes.minutesApprovedAtNextMeeting }).from(programmes).where(eq(programmes.id, programmeId));
  return row?.on ?? true;
}

const decisionInUse = async (tx: Db, decisionId: string) =>
  ((await tx.execute(sql`select 1 from annual_agendas where adopted_by_decision_id = ${decisionId} union all select 1 from fund_applications where decision_id = ${decisionId} limit 1`)) as unknown as { rows: unknown[] }).rows.length > 0;

/**
 * Changes an agenda item's title, kind and notes. Refused when the minutes are approved or the
 * item was withdrawn; a stale version answers the conflict with the item as saved now; null when
 * the meeting has no such item.
 */
export async function editAgendaItem(input: Base & MeetingScope & { itemId: string; expectedVersion: number; edit: AgendaItemEdit }): Promise<Outcome<Item> | Conflict<Item> | null> {
  authorize(input.actor, 'agendaItem.edit', input.body);
  const where = and(eq(agendaItems.id, input.itemId), eq(agendaItems.meetingId, input.meeting.id), eq(agendaItems.programmeId, input.programmeId))!;
  const [exists] = await input.db.select({ id: agendaItems.id }).from(agendaItems).where(where);
  if (!exists) return null;
  const { title, kind, notes = {} } = input.edit;
  return saveVersioned(input.db, {
    table: agendaItems,
    row: where,
    what: 'agenda item',
    expectedVersion: input.expectedVersion,
    values: { title, kind, notes },
    refuse: async (tx, current) => (await refusedWhenFrozen(tx, input.meeting.id)) ?? (current.withdrawnAt ? refusedField(FORM_ERROR, 'meetings.error.itemWithdrawn') : null),
    audit: { actor: input.actor, action: 'meeting.item.edit', objectType: 'meeting_agenda_item', origin: input.origin },
  });
}

/**
 * Withdraws an agenda item: it stays in the record, shown as withdrawn, audited with the reason.
 * Refused when the minutes are approved, when it was withdrawn already, and while a decision that
 * is not withdrawn was recorded on it; null when the meeting has no such item.
 */
export async function withdrawAgendaItem(input: Base & MeetingScope & { itemId: string; withdrawal: WithdrawInput }): Promise<Outcome<{ id: string }> | null> {
  authorize(input.actor, 'agendaItem.withdraw', input.body);
  const where = and(eq(agendaItems.id, input.itemId), eq(agendaItems.meetingId, input.meeting.id), eq(agendaItems.programmeId, input.programmeId));
  const [exists] = await input.db.select({ id: agendaItems.id }).from(agendaItems).where(where);
  if (!exists) return null;
  return writeTransaction(input.db, async (tx) => {
    const [current] = await tx.select().from(agendaItems).where(where).for('update');
    const frozen = await refusedWhenFrozen(tx, input.meeting.id);
    if (frozen) return frozen;
    if (current!.withdrawnAt) return refusedField(FORM_ERROR, 'meetings.error.itemWithdrawn');
    const [decided] = await tx.select({ id: decisions.id }).from(decisions).where(and(eq(decisions.agendaItemId, current!.id), sql`${decisions.withdrawnAt} is null`)).limit(1);
    if (decided) return refusedField(FORM_ERROR, 'meetings.error.itemHasDecision');
    const withdrawnAt = now();
    await tx.update(agendaItems).set({ withdrawnAt, version: current!.version + 1 }).where(eq(agendaItems.id, current!.id));
    const { title, kind } = current!;
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.item.withdraw', objectType: 'meeting_agenda_item', objectId: current!.id, before: { title, kind }, after: { withdrawnAt, reason: input.withdrawal.reason }, origin: input.origin });
    return done({ id: current!.id });
  });
}

/**
 * Changes a decision's text, outcome, public flag and agenda item. Refused when the minutes are
 * approved, when it was withdrawn, and while an annual agenda or a fund award rests on it. A
 * confirmed decision whose content changes awaits confirmation again (four eyes on what it now
 * says). A stale version answers the conflict; null when the meeting has no such decision.
 */
export async function editDecision(input: Base & MeetingScope & { decisionId: string; expectedVersion: number; edit: DecisionEdit }): Promise<Outcome<Decision> | Conflict<Decision> | null> {
  authorize(input.actor, 'decision.edit', input.body);
  const where = and(eq(decisions.id, input.decisionId), eq(decisions.meetingId, input.meeting.id), eq(decisions.programmeId, input.programmeId))!;
  const [exists] = await input.db.select({ id: decisions.id }).from(decisions).where(where);
  if (!exists) return null;
  let item: { id: string; proposalId: string | null } | undefined;
  if (input.edit.item) {
    [item] = await input.db
      .select({ id: agendaItems.id, proposalId: agendaItems.proposalId })
      .from(agendaItems)
      .where(and(eq(agendaItems.id, input.edit.item), eq(agendaItems.meetingId, input.meeting.id), sql`${agendaItems.withdrawnAt} is null`));
    if (!item) return refusedField('item', 'form.error.choice');
  }
  const { text, outcome } = input.edit;
  return saveVersioned(input.db, {
    table: decisions,
    row: where,
    what: 'decision',
    expectedVersion: input.expectedVersion,
    values: { text, outcome, public: input.edit.public === 'yes', agendaItemId: item?.id ?? null, proposalId: item?.proposalId ?? null },
    refuse: async (tx, current) => {
      const frozen = await refusedWhenFrozen(tx, input.meeting.id);
      if (frozen) return frozen;
      if (current.withdrawnAt) return refusedField(FORM_ERROR, 'meetings.error.decisionEditWithdrawn');
      if (await decisionInUse(tx, current.id)) return refusedField(FORM_ERROR, 'meetings.error.decisionEditInUse');
      return null;
    },
    alsoWrite: async (tx, saved, before) => {
      if (!before.confirmedAt) return;
      const reset = { confirmedAt: null, confirmedByUserId: null, confirmedByName: null };
      await tx.update(decisions).set(reset).where(eq(decisions.id, saved.id));
      await recordAudit(tx, {
        actor: input.actor,
        programmeId: input.programmeId,
        action: 'decision.unconfirm',
        objectType: 'decision',
        objectId: saved.id,
        before: { confirmedAt: before.confirmedAt, confirmedByName: before.confirmedByName },
        after: { ...reset, reason: 'edited' },
        origin: input.origin,
      });
    },
    audit: { actor: input.actor, action: 'decision.edit', objectType: 'decision', origin: input.origin },
  });
}

/** The body's meeting before this one that was not cancelled (whose minutes this one approves). */
export async function previousMeeting(db: Db, meeting: { id: string; bodyId: string; startsAt: Date }) {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.bodyId, meeting.bodyId), lt(meetings.startsAt, meeting.startsAt), ne(meetings.state, 'cancelled'), ne(meetings.id, meeting.id)))
    .orderBy(desc(meetings.startsAt))
    .limit(1);
  return row ?? null;
}

const hasMinutes = (minutes: { nl?: string; en?: string }) => Boolean(resolveText(minutes, 'nl').text.trim());

/**
 * Approved minutes freeze the record, and a decision can no longer be confirmed then: so the
 * minutes wait until every decision in them is confirmed or withdrawn.
 */
async function refusedWhileAwaitingConfirmation(tx: Db, meetingId: string): Promise<Refused | null> {
  return (await hasDecisionAwaitingConfirmation(tx, meetingId)) ? refusedField(FORM_ERROR, 'meetings.error.decisionsAwaitConfirmation') : null;
}

/** Whether a decision of the meeting is neither confirmed nor withdrawn. */
export async function hasDecisionAwaitingConfirmation(db: Db, meetingId: string): Promise<boolean> {
  const [waiting] = await db
    .select({ id: decisions.id })
    .from(decisions)
    .where(and(eq(decisions.meetingId, meetingId), isNull(decisions.confirmedAt), isNull(decisions.withdrawnAt)))
    .limit(1);
  return Boolean(waiting);
}

/**
 * This meeting approves the minutes of the body's previous meeting (the setting on). Refused
 * (nothing stored) when the setting is off, when this meeting has not started or was cancelled,
 * when its own record is frozen, when there is no previous meeting, when that one has no minutes
 * or they were approved already.
 */
export async function approvePreviousMinutes(input: Base & MeetingScope): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'meeting.approveMinutes', input.body);
  return writeTransaction(input.db, async (tx) => {
    if (!(await approvesAtNextMeeting(tx, input.programmeId))) return refusedField(FORM_ERROR, 'meetings.error.settingOff');
    const blocked = (await refusedForRecord(tx, input.meeting.id)) ?? (await refusedWhenFrozen(tx, input.meeting.id));
    if (blocked) return blocked;
    const previous = await previousMeeting(tx, input.meeting);
    if (!previous) return refusedField(FORM_ERROR, 'meetings.error.noPreviousMeeting');
    const [locked] = await tx.select().from(meetings).where(eq(meetings.id, previous.id)).for('update');
    if (locked!.minutesApprovedAt) return refusedField(FORM_ERROR, 'meetings.error.previousApproved');
    if (!hasMinutes(locked!.minutes)) return refusedField(FORM_ERROR, 'meetings.error.noMinutes');
    const awaiting = await refusedWhileAwaitingConfirmation(tx, previous.id);
    if (awaiting) return awaiting;
    const approved = { minutesApprovedAt: now(), minutesApprovedInMeetingId: input.meeting.id };
    await tx.update(meetings).set({ ...approved, updatedAt: new Date() }).where(eq(meetings.id, previous.id));
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.minutes.approve', objectType: 'meeting', objectId: previous.id, before: { minutesApprovedAt: null }, after: approved, origin: input.origin });
    return done({ id: previous.id });
  });
}

/**
 * The secretary makes this meeting's minutes final (the setting off). Refused when the setting is
 * on, when the meeting has not started or was cancelled, when there are no minutes, or when they
 * are final already.
 */
export async function finaliseMinutes(input: Base & MeetingScope): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'meeting.approveMinutes', input.body);
  return writeTransaction(input.db, async (tx) => {
    if (await approvesAtNextMeeting(tx, input.programmeId)) return refusedField(FORM_ERROR, 'meetings.error.settingOn');
    const blocked = await refusedForRecord(tx, input.meeting.id);
    if (blocked) return blocked;
    const [current] = await tx.select().from(meetings).where(eq(meetings.id, input.meeting.id)).for('update');
    if (current!.minutesApprovedAt) return refusedField(FORM_ERROR, 'meetings.error.alreadyFinal');
    if (!hasMinutes(current!.minutes)) return refusedField(FORM_ERROR, 'meetings.error.noMinutes');
    const awaiting = await refusedWhileAwaitingConfirmation(tx, current!.id);
    if (awaiting) return awaiting;
    const approved = { minutesApprovedAt: now(), minutesApprovedInMeetingId: null };
    await tx.update(meetings).set({ ...approved, updatedAt: new Date() }).where(eq(meetings.id, current!.id));
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.minutes.finalise', objectType: 'meeting', objectId: current!.id, before: { minutesApprovedAt: null }, after: approved, origin: input.origin });
    return done({ id: current!.id });
  });
}

/** A correction to approved minutes, appended as a note (never changing them). Refused while the minutes are not approved. */
export async function addMinutesNote(input: Base & MeetingScope & { note: NoteInput }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'meeting.addNote', input.body);
  return writeTransaction(input.db, async (tx) => {
    const [current] = await tx.select({ approvedAt: meetings.minutesApprovedAt }).from(meetings).where(eq(meetings.id, input.meeting.id)).for('update');
    if (!current?.approvedAt) return refusedField(FORM_ERROR, 'meetings.error.notFrozen');
    const [note] = await tx
      .insert(minutesNotes)
      .values({ programmeId: input.programmeId, meetingId: input.meeting.id, text: input.note.note, authorUserId: input.actor!.userId, authorName: input.actor!.displayName, createdAt: now() })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.minutes.note', objectType: 'meeting', objectId: input.meeting.id, after: note, origin: input.origin });
    return done({ id: note!.id });
  });
}

/** The coordinator sets how minutes are approved (a programme setting the agreement does not fix). */
export async function setMinutesSetting(input: Base & { setting: MinutesSettingInput }): Promise<Outcome<{ on: boolean }>> {
  authorize(input.actor, 'meetings.settings');
  const on = input.setting.approval === 'nextMeeting';
  return writeTransaction(input.db, async (tx) => {
    const [before] = await tx.select({ on: programmes.minutesApprovedAtNextMeeting }).from(programmes).where(eq(programmes.id, input.programmeId)).for('update');
    if (before!.on !== on) {
      await tx.update(programmes).set({ minutesApprovedAtNextMeeting: on }).where(eq(programmes.id, input.programmeId));
      await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'programme.minutesApproval', objectType: 'programme', objectId: input.programmeId, before: { minutesApprovedAtNextMeeting: before!.on }, after: { minutesApprovedAtNextMeeting: on }, origin: input.origin });
    }
    return done({ on });
  });
}
