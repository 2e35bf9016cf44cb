// Writes for what happens in a meeting: its agenda items and their documents, decision proposals
// prepared for a later executive meeting, decisions and the body's action list. Same contract as
// ./commands.ts: parsed input, permission first, refusals per field, one transaction with the audit row.
import { and, eq, gt, inArray, isNull, lte, max, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { bodies, people, projects } from '../../db/schema.ts';
import { now } from '../../clock.ts';
import { toAmsterdam } from '../../domain/meeting-time.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { done, FORM_ERROR, refusedField, type Outcome } from '../../domain/outcome.ts';
import { authorize } from '../../policies.ts';
import { refusedForRecord, refusedWhenFrozen, type Base, type MeetingScope } from './commands.ts';
import type { DecisionRef } from './policy.ts';
import type { ActionInput, AgendaItemInput, AttendanceInput, WithdrawInput, DecisionInput, DocumentInput, MoveInput, ProposalInput } from './schema.ts';
import { agendaItemProjects, agendaItems, bodyMemberships, decisionProposals, decisions, meetingActions, meetingAttendance, meetingDocuments, meetings } from './tables.ts';

const amsterdamDay = (instant: Date) => toAmsterdam(instant).date;

async function nextPosition(tx: Db, meetingId: string): Promise<number> {
  const [row] = await tx.select({ top: max(agendaItems.position) }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
  return (row?.top ?? 0) + 1;
}

/** The ids of this programme's projects with these codes; null when a code is not one of them. */
async function projectIdsFor(db: Db, programmeId: string, codes: string[]): Promise<string[] | null> {
  if (codes.length === 0) return [];
  const rows = await db.select({ id: projects.id }).from(projects).where(and(eq(projects.programmeId, programmeId), inArray(projects.code, codes)));
  return rows.length === new Set(codes).size ? rows.map((row) => row.id) : null;
}

export async function addAgendaItem(input: Base & MeetingScope & { item: AgendaItemInput }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'agendaItem.add', input.body);
  const { title, kind, notes = {}, projects: codes = [] } = input.item;
  const projectIds = await projectIdsFor(input.db, input.programmeId, codes);
  if (!projectIds) return refusedField('projects', 'form.error.choice');
  return writeTransaction(input.db, async (tx) => {
    const frozen = await refusedWhenFrozen(tx, input.meeting.id);
    if (frozen) return frozen;
    const position = await nextPosition(tx, input.meeting.id);
    const [item] = await tx.insert(agendaItems).values({ programmeId: input.programmeId, meetingId: input.meeting.id, position, kind, title, notes }).returning();
    if (projectIds.length > 0) {
      await tx.insert(agendaItemProjects).values(projectIds.map((projectId) => ({ programmeId: input.programmeId, agendaItemId: item!.id, projectId })));
    }
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.item.add', objectType: 'meeting_agenda_item', objectId: item!.id, after: { ...item, projects: codes } });
    return done({ id: item!.id });
  });
}

/** Swaps an item with its neighbour (the agenda's order is `position`); null when the item is not on this meeting's agenda. */
export async function moveAgendaItem(input: Base & MeetingScope & { itemId: string; move: MoveInput }): Promise<Outcome<{ id: string }> | null> {
  authorize(input.actor, 'agendaItem.move', input.body);
  const direction = input.move.direction ?? 'up';
  const [exists] = await input.db.select({ id: agendaItems.id }).from(agendaItems).where(and(eq(agendaItems.id, input.itemId), eq(agendaItems.meetingId, input.meeting.id)));
  if (!exists) return null;
  return writeTransaction(input.db, async (tx): Promise<Outcome<{ id: string }>> => {
    const frozen = await refusedWhenFrozen(tx, input.meeting.id);
    if (frozen) return frozen;
    const items = await tx
      .select({ id: agendaItems.id, position: agendaItems.position })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, input.meeting.id))
      .orderBy(agendaItems.position);
    const index = items.findIndex((item) => item.id === input.itemId);
    const self = items[index]!;
    const other = items[direction === 'up' ? index - 1 : index + 1];
    if (!other) return done({ id: self.id });
    await tx.update(agendaItems).set({ position: other.position }).where(eq(agendaItems.id, self.id));
    await tx.update(agendaItems).set({ position: self.position }).where(eq(agendaItems.id, other.id));
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.item.move', objectType: 'meeting_agenda_item', objectId: self.id, after: { direction } });
    return done({ id: self.id });
  });
}

/** A link to a document for an item; null when the item is not on this meeting's agenda. */
export async function addDocument(input: Base & MeetingScope & { itemId: string; document: DocumentInput }): Promise<Outcome<{ id: string }> | null> {
  authorize(input.actor, 'agendaItem.addDocument', input.body);
  const [item] = await input.db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, input.itemId), eq(agendaItems.meetingId, input.meeting.id)));
  if (!item) return null;
  const { docTitle: title, url } = input.document;
  return writeTransaction(input.db, async (tx) => {
    const frozen = await refusedWhenFrozen(tx, input.meeting.id);
    if (frozen) return frozen;
    const [doc] = await tx.insert(meetingDocuments).values({ programmeId: input.programmeId, agendaItemId: item.id, title, url }).returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.document.add', objectType: 'meeting_document', objectId: doc!.id, after: doc });
    return done({ id: doc!.id });
  });
}

/**
 * A support meeting prepares a proposal for a later executive meeting: the proposal is recorded
 * here and lands on that meeting's agenda as a decision item.
 */
export async function prepareProposal(input: Base & MeetingScope & { proposal: ProposalInput }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'decision.propose', input.body);
  if (input.body.kind !== 'support') return refusedField('forMeeting', 'meetings.error.proposalOnlySupport');
  const { title, text, forMeeting } = input.proposal;
  const [target] = await input.db
    .select({ id: meetings.id })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(meetings.id, forMeeting), eq(meetings.programmeId, input.programmeId), eq(bodies.kind, 'executive'), sql`${meetings.startsAt} > ${input.meeting.startsAt.toISOString()}`));
  if (!target) return refusedField('forMeeting', 'meetings.error.laterExecutive');
  return writeTransaction(input.db, async (tx) => {
    const [proposal] = await tx
      .insert(decisionProposals)
      .values({ programmeId: input.programmeId, preparedInMeetingId: input.meeting.id, forMeetingId: target.id, title, text })
      .returning();
    const position = await nextPosition(tx, target.id);
    await tx.insert(agendaItems).values({ programmeId: input.programmeId, meetingId: target.id, position, kind: 'decision', title, proposalId: proposal!.id });
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'decision.propose', objectType: 'decision_proposal', objectId: proposal!.id, after: proposal });
    return done({ id: proposal!.id });
  });
}

export async function recordDecision(input: Base & MeetingScope & { decision: DecisionInput }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'decision.record', input.body);
  const { text, outcome } = input.decision;
  let item: { id: string; proposalId: string | null } | undefined;
  if (input.decision.item) {
    [item] = await input.db
      .select({ id: agendaItems.id, proposalId: agendaItems.proposalId })
      .from(agendaItems)
      .where(and(eq(agendaItems.id, input.decision.item), eq(agendaItems.meetingId, input.meeting.id), isNull(agendaItems.withdrawnAt)));
    if (!item) return refusedField('item', 'form.error.choice');
  }
  return writeTransaction(input.db, async (tx) => {
    const blocked = (await refusedForRecord(tx, input.meeting.id)) ?? (await refusedWhenFrozen(tx, input.meeting.id));
    if (blocked) return blocked;
    // Recorded, not yet in force: it awaits the confirmation of a member who attended (confirmDecision).
    const recordedBy = { recordedByUserId: input.actor!.userId, recordedByName: input.actor!.displayName };
    const [decision] = await tx
      .insert(decisions)
      .values({ programmeId: input.programmeId, meetingId: input.meeting.id, agendaItemId: item?.id ?? null, proposalId: item?.proposalId ?? null, text, outcome, public: input.decision.public === 'yes', ...recordedBy })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'decision.record', objectType: 'decision', objectId: decision!.id, after: decision });
    return done({ id: decision!.id });
  });
}

export async function addAction(input: Base & MeetingScope & { action: ActionInput }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'meetingAction.add', input.body);
  const { description, owner, dueOn } = input.action;
  return writeTransaction(input.db, async (tx) => {
    const [row] = await tx
      .insert(meetingActions)
      .values({ programmeId: input.programmeId, bodyId: input.meeting.bodyId, raisedInMeetingId: input.meeting.id, description, owner, dueOn: dueOn ?? null })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.action.add', objectType: 'meeting_action', objectId: row!.id, after: row });
    return done({ id: row!.id });
  });
}

/** Marks an open action of the body done at this meeting; null when there is no such open action. */
export async function completeAction(input: Base & MeetingScope & { actionId: string }): Promise<Outcome<{ id: string }> | null> {
  authorize(input.actor, 'meetingAction.complete', input.body);
  return input.db.transaction(async (tx) => {
    const [row] = await tx
      .update(meetingActions)
      .set({ state: 'done', doneInMeetingId: input.meeting.id })
      .where(and(eq(meetingActions.id, input.actionId), eq(meetingActions.bodyId, input.meeting.bodyId), eq(meetingActions.state, 'open')))
      .returning({ id: meetingActions.id });
    if (!row) return null;
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.action.done', objectType: 'meeting_action', objectId: row.id, after: { doneInMeetingId: input.meeting.id } });
    return done({ id: row.id });
  });
}

/** The four-eyes facts of a meeting's decisions: who attended as a member of its body. */
export async function attendedUserIds(db: Db, meetingId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: people.userId })
    .from(meetingAttendance)
    .innerJoin(bodyMemberships, eq(bodyMemberships.id, meetingAttendance.membershipId))
    .innerJoin(people, eq(people.id, bodyMemberships.personId))
    .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.presence, 'present')));
  return rows.flatMap((row) => (row.userId ? [row.userId] : []));
}

/** A decision of this meeting as the policy sees it; null when the meeting has no such decision. */
export async function decisionRef(db: Db, programmeId: string, meetingId: string, decisionId: string): Promise<DecisionRef | null> {
  const [row] = await db
    .select({ recordedByUserId: decisions.recordedByUserId })
    .from(decisions)
    .where(and(eq(decisions.id, decisionId), eq(decisions.meetingId, meetingId), eq(decisions.programmeId, programmeId)));
  if (!row) return null;
  return { programmeId, attendedUserIds: await attendedUserIds(db, meetingId), recordedByUserId: row.recordedByUserId };
}

/**
 * The chair or another member of the body who attended confirms a recorded decision; from then on
 * it is in force and can back an award or an agenda's adoption. Refused when it was already
 * confirmed or withdrawn; null when the meeting has no such decision.
 */
export async function confirmDecision(input: Base & { meetingId: string; decisionId: string }): Promise<Outcome<{ id: string }> | null> {
  const ref = await decisionRef(input.db, input.programmeId, input.meetingId, input.decisionId);
  if (!ref) return null;
  authorize(input.actor, 'decision.confirm', ref);
  return writeTransaction(input.db, async (tx) => {
    const [current] = await tx.select().from(decisions).where(eq(decisions.id, input.decisionId)).for('update');
    if (!current) return refusedField(FORM_ERROR, 'form.error.choice');
    if (current.withdrawnAt) return refusedField(FORM_ERROR, 'meetings.error.decisionWithdrawn');
    if (current.confirmedAt) return refusedField(FORM_ERROR, 'meetings.error.alreadyConfirmed');
    // Approved minutes are the record: a decision still unconfirmed then stays without effect.
    const frozen = await refusedWhenFrozen(tx, current.meetingId);
    if (frozen) return frozen;
    const confirmed = { confirmedAt: now(), confirmedByUserId: input.actor!.userId, confirmedByName: input.actor!.displayName };
    await tx.update(decisions).set(confirmed).where(eq(decisions.id, current.id));
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'decision.confirm', objectType: 'decision', objectId: current.id, before: { confirmedAt: null }, after: confirmed, origin: input.origin });
    return done({ id: current.id });
  });
}

/**
 * Who of the body's members attended, and who sent apologies: replaces the meeting's list. Only
 * members whose seat covered the meeting's day; a member cannot be both. Refused for a meeting that
 * has not started or was cancelled.
 */
export async function recordAttendance(input: Base & MeetingScope & { attendance: AttendanceInput }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'meeting.recordAttendance', input.body);
  const present = [...new Set(input.attendance.present ?? [])];
  const apologies = [...new Set(input.attendance.apologies ?? [])];
  // The meeting's time first: before its start nothing else about the form matters.
  const notYet = await refusedForRecord(input.db, input.meeting.id);
  if (notYet) return notYet;
  if (present.length + apologies.length === 0) return refusedField('present', 'meetings.error.attendanceEmpty');
  if (present.some((id) => apologies.includes(id))) return refusedField('apologies', 'meetings.error.presentAndApologies');
  const day = amsterdamDay(input.meeting.startsAt);
  const seated = await input.db
    .select({ id: bodyMemberships.id })
    .from(bodyMemberships)
    .where(and(eq(bodyMemberships.bodyId, input.meeting.bodyId), lte(bodyMemberships.startsOn, day), or(isNull(bodyMemberships.endsOn), gt(bodyMemberships.endsOn, day))));
  const seatedIds = new Set(seated.map((row) => row.id));
  if (present.some((id) => !seatedIds.has(id))) return refusedField('present', 'form.error.choice');
  if (apologies.some((id) => !seatedIds.has(id))) return refusedField('apologies', 'form.error.choice');
  return writeTransaction(input.db, async (tx) => {
    const blocked = (await refusedForRecord(tx, input.meeting.id)) ?? (await refusedWhenFrozen(tx, input.meeting.id));
    if (blocked) return blocked;
    const before = await tx.select({ membershipId: meetingAttendance.membershipId, presence: meetingAttendance.presence }).from(meetingAttendance).where(eq(meetingAttendance.meetingId, input.meeting.id));
    await tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, input.meeting.id));
    const rows = [
      ...present.map((membershipId) => ({ programmeId: input.programmeId, meetingId: input.meeting.id, membershipId, presence: 'present' as const })),
      ...apologies.map((membershipId) => ({ programmeId: input.programmeId, meetingId: input.meeting.id, membershipId, presence: 'apologies' as const })),
    ];
    if (rows.length > 0) await tx.insert(meetingAttendance).values(rows);
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'meeting.attendance', objectType: 'meeting', objectId: input.meeting.id, before, after: { present, apologies }, origin: input.origin });
    return done({ id: input.meeting.id });
  });
}

/**
 * The secretary withdraws a decision (a mistake, a wrong text): it stays in the record, shown as
 * withdrawn, audited, and backs nothing from then on. Refused once the meeting's minutes are
 * approved (the record is frozen) and while an annual agenda or a fund award rests on it; null when
 * the meeting has no such decision.
 */
export async function withdrawDecision(input: Base & MeetingScope & { decisionId: string; withdrawal: WithdrawInput }): Promise<Outcome<{ id: string }> | null> {
  authorize(input.actor, 'decision.withdraw', input.body);
  const [exists] = await input.db
    .select({ id: decisions.id })
    .from(decisions)
    .where(and(eq(decisions.id, input.decisionId), eq(decisions.meetingId, input.meeting.id), eq(decisions.programmeId, input.programmeId)));
  if (!exists) return null;
  return writeTransaction(input.db, async (tx) => {
    const [current] = await tx
      .select({ decision: decisions, minutesApprovedAt: meetings.minutesApprovedAt })
      .from(decisions)
      .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
      .where(and(eq(decisions.id, input.decisionId), eq(decisions.meetingId, input.meeting.id), eq(decisions.programmeId, input.programmeId)))
      .for('update');
    if (!current) return refusedField(FORM_ERROR, 'form.error.choice');
    if (current.minutesApprovedAt) return refusedField(FORM_ERROR, 'meetings.error.frozen');
    if (current.decision.withdrawnAt) return refusedField(FORM_ERROR, 'meetings.error.decisionWithdrawn');
    const used = await tx.execute(sql`select 1 from annual_agendas where adopted_by_decision_id = ${input.decisionId} union all select 1 from fund_applications where decision_id = ${input.decisionId} limit 1`);
    if ((used as unknown as { rows: unknown[] }).rows.length > 0) return refusedField(FORM_ERROR, 'meetings.error.decisionInUse');
    const withdrawnAt = now();
    await tx.update(decisions).set({ withdrawnAt }).where(eq(decisions.id, input.decisionId));
    const { confirmedAt, confirmedByName, text, outcome } = current.decision;
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'decision.withdraw', objectType: 'decision', objectId: input.decisionId, before: { text, outcome, confirmedAt, confirmedByName }, after: { withdrawnAt, reason: input.withdrawal.reason }, origin: input.origin });
    return done({ id: input.decisionId });
  });
}
