// The unanimity rule of the cooperation agreement: "once all parties have agreed, the amendment is
// recorded in writing and incorporated". Pure: it only sees the parties and their answers.

export type Answer = 'consent' | 'objection';

export interface PartyAnswer {
  partyId: string;
  answer: Answer;
  /** A withdrawn answer counts as no answer: the party has to answer again. */
  withdrawn: boolean;
}

/**
 * pending   – no objection stands, but at least one party has not (or no longer) answered;
 * blocked   – at least one party objects (whatever the others said);
 * unanimous – every party consented: the amendment may be adopted.
 */
export type ConsentState = 'pending' | 'blocked' | 'unanimous';

export interface ConsentOutcome {
  state: ConsentState;
  consenting: string[];
  objecting: string[];
  /** Parties that have not answered, in the order given. */
  waiting: string[];
}

/**
 * Decides the state from each party's standing answer. At most one answer per party may stand
 * (not withdrawn); an answer from someone who is not a party is a programming error, not a vote.
 */
export function decideConsent(partyIds: readonly string[], answers: readonly PartyAnswer[]): ConsentOutcome {
  if (partyIds.length === 0) throw new Error('An agreement without parties cannot decide anything');
  const standing = new Map<string, Answer>();
  for (const answer of answers) {
    if (!partyIds.includes(answer.partyId)) throw new Error(`Answer from a non-party: ${answer.partyId}`);
    if (answer.withdrawn) continue;
    if (standing.has(answer.partyId)) throw new Error(`Two standing answers from party ${answer.partyId}`);
    standing.set(answer.partyId, answer.answer);
  }
  const consenting = partyIds.filter((id) => standing.get(id) === 'consent');
  const objecting = partyIds.filter((id) => standing.get(id) === 'objection');
  const waiting = partyIds.filter((id) => !standing.has(id));
  const state: ConsentState = objecting.length > 0 ? 'blocked' : waiting.length > 0 ? 'pending' : 'unanimous';
  return { state, consenting, objecting, waiting };
}
