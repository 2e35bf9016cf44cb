// Who may see and do what with the steering group's bodies and their meetings. Pure and denied by
// default: the coordinator (and admin) prepares everything, as the bodies' secretary; a body's
// members see its non-public items (agenda, minutes, packs, internal decisions); the executive
// level also sees the support level's preparations; everyone else sees only the schedules and
// the public decisions.
//
// The meeting writes are answered for the body the meeting belongs to (a record): a coordinator
// of another programme prepares nothing here, and the API can answer 403 for a meeting that
// exists but may not be changed by the caller (pages answer 404, as for anything else denied).
import type { BodyKind } from '../../db/schema.ts';
import { coordinates, hasRole, inProgramme, programmeRule, publicRecordRule, recordRule, type Actor, type Rules } from '../../domain/policy.ts';

export interface BodyRef {
  id: string;
  kind: BodyKind;
  programmeId: string;
  /** Users with an active membership of this body. */
  memberUserIds: string[];
}

/** The body a meeting write is answered for; a stored body row or a BodyRef will do. */
export type BodyScope = Pick<BodyRef, 'id' | 'kind' | 'programmeId'>;

/** Sees the body's internal records: its members, the coordinator, and the level above it. */
function seesBody(actor: Actor | null, body: BodyRef): boolean {
  if (!actor || !inProgramme(actor, body.programmeId)) return false;
  if (coordinates(actor)) return true;
  if (body.memberUserIds.includes(actor.userId)) return true;
  if (body.kind === 'executive') return hasRole(actor, 'executive');
  if (body.kind === 'support') return hasRole(actor, 'executive', 'support');
  return false;
}

/** A recorded decision as the four-eyes rule sees it. */
export interface DecisionRef {
  programmeId: string;
  /** Users who attended the meeting as members of its body (attendance "present"), the chair included. */
  attendedUserIds: string[];
  /** Who recorded the decision; they never confirm it themselves. */
  recordedByUserId: string | null;
}

/** The chair or another member of the body who attended, never the person who recorded it. */
const confirms = (actor: Actor, decision: DecisionRef) =>
  inProgramme(actor, decision.programmeId) && decision.attendedUserIds.includes(actor.userId) && decision.recordedByUserId !== actor.userId;

/** The secretary's work on a body of this programme. */
const prepares = (actor: Actor, body: BodyScope) => inProgramme(actor, body.programmeId) && coordinates(actor);

/** The meetings capability's named actions. */
export const meetingsRules = {
  /** Make or revoke one's private calendar feed of the meetings one sees inside: the steering group and its secretary. */
  'calendar.subscribe': programmeRule((actor) => coordinates(actor) || hasRole(actor, 'executive', 'support')),
  /** Add members to a body of the steering group and end their seats. */
  'body.manageMembers': programmeRule(coordinates),
  /** A body's internal records: non-public decisions in lists, agendas and minutes in the API. */
  'body.viewInternal': publicRecordRule<BodyRef>(seesBody),
  /** A meeting's page, calendar entry and meeting pack (its agenda, minutes and decisions). */
  'meeting.view': publicRecordRule<BodyRef>(seesBody),
  /** The executive body's mid-term evaluation report. */
  'evaluation.view': publicRecordRule<BodyRef>(seesBody),
  'meeting.plan': recordRule<BodyScope>(prepares),
  /** Change a meeting's schedule or state. */
  'meeting.update': recordRule<BodyScope>(prepares),
  'meeting.recordMinutes': recordRule<BodyScope>(prepares),
  'agendaItem.add': recordRule<BodyScope>(prepares),
  'agendaItem.move': recordRule<BodyScope>(prepares),
  'agendaItem.addDocument': recordRule<BodyScope>(prepares),
  /** A support meeting prepares a decision proposal for a later executive meeting. */
  'decision.propose': recordRule<BodyScope>(prepares),
  'decision.record': recordRule<BodyScope>(prepares),
  /** A recorded decision takes effect when a member of the body who attended confirms it (four eyes). */
  'decision.confirm': recordRule<DecisionRef>(confirms),
  /** Withdraw a recorded decision (audited) until the meeting's minutes are approved. */
  'decision.withdraw': recordRule<BodyScope>(prepares),
  /** Change an agenda item (audited, version-checked) until the meeting's minutes are approved. */
  'agendaItem.edit': recordRule<BodyScope>(prepares),
  /** Withdraw an agenda item (kept as withdrawn, audited) until the minutes are approved. */
  'agendaItem.withdraw': recordRule<BodyScope>(prepares),
  /** Change a recorded decision (audited, version-checked) until the minutes are approved. */
  'decision.edit': recordRule<BodyScope>(prepares),
  /**
   * Record that this meeting approved the previous meeting's minutes, or (when the programme does
   * not approve them at the next meeting) make this meeting's minutes final.
   */
  'meeting.approveMinutes': recordRule<BodyScope>(prepares),
  /** A correction to approved minutes, appended as a note. */
  'meeting.addNote': recordRule<BodyScope>(prepares),
  /** How minutes are approved: a programme setting the agreement does not fix. */
  'meetings.settings': programmeRule(coordinates),
  /** Who of the body's members attended, and who sent apologies. */
  'meeting.recordAttendance': recordRule<BodyScope>(prepares),
  'meetingAction.add': recordRule<BodyScope>(prepares),
  'meetingAction.complete': recordRule<BodyScope>(prepares),
} satisfies Rules;
