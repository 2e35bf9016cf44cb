// What may be recorded about a meeting, and when a decision counts. Pure: the caller passes the
// programme's clock (src/clock.ts).
//
// Minutes, attendance and decisions are a record of what happened, so they can be recorded only
// for a meeting whose start has passed and that was not cancelled. A decision recorded by the
// secretary takes effect only when someone else confirms it: the chair or another member of the
// body who attended the meeting (four eyes). Until then it backs nothing (no fund award, no annual
// agenda), and a withdrawn decision never does.

export interface MeetingFacts {
  startsAt: Date;
  state: 'planned' | 'held' | 'cancelled';
}

/** Why nothing may be recorded for this meeting yet (null: it may). */
export type RecordBlock = 'notYetStarted' | 'cancelled';

export function recordBlock(meeting: MeetingFacts, now: Date): RecordBlock | null {
  if (meeting.state === 'cancelled') return 'cancelled';
  if (meeting.startsAt.getTime() > now.getTime()) return 'notYetStarted';
  return null;
}

export interface DecisionFacts {
  confirmedAt: Date | null;
  withdrawnAt: Date | null;
}

export type DecisionStatus = 'awaitingConfirmation' | 'confirmed' | 'withdrawn';

export function decisionStatus(decision: DecisionFacts): DecisionStatus {
  if (decision.withdrawnAt) return 'withdrawn';
  return decision.confirmedAt ? 'confirmed' : 'awaitingConfirmation';
}

/** Whether a decision can back anything (an award, an agenda's adoption): confirmed and not withdrawn. */
export function inForce(decision: DecisionFacts): boolean {
  return decisionStatus(decision) === 'confirmed';
}
