// What a programme's admission criterion checks, from a fixed set, so a programme adopts Leiden's
// criteria a-f as a model and adjusts them without code. A criterion is its text plus one check:
//
//   interest     at least N of the programme's parties declare an interest (Leiden's a, N = 2);
//   lead         one or more of the partners leads (Leiden's b);
//   arrangements the partners state their arrangements on staffing and on financing (Leiden's f);
//   judged       people judge it and record their reasons (Leiden's c and d).
//
// The fixed set has no check for Leiden's e (how success is safeguarded); as a model it is judged.
import { interestedParties, type CriterionResult, type CriterionLetter, type Judgement, type PartyOf, type ProposalFacts } from './criteria.ts';

export const CHECK_KINDS = ['interest', 'lead', 'arrangements', 'judged'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

export type CriterionCheck = { kind: 'interest'; minParties: number } | { kind: 'lead' } | { kind: 'arrangements' } | { kind: 'judged' };

/** Bounds of N in "at least N parties": one party alone is no cooperation's interest, 50 is more than any agreement has parties. */
export const MIN_PARTIES = { min: 1, max: 50 } as const;

export function isCheckKind(value: unknown): value is CheckKind {
  return typeof value === 'string' && (CHECK_KINDS as readonly string[]).includes(value);
}

/** The check a kind and (for `interest`) a number make, or null when the number is not a whole number in bounds. */
export function checkOf(kind: CheckKind, minParties?: number): CriterionCheck | null {
  if (kind !== 'interest') return { kind };
  if (minParties === undefined || !Number.isInteger(minParties) || minParties < MIN_PARTIES.min || minParties > MIN_PARTIES.max) return null;
  return { kind, minParties };
}

/** How a criterion with this check is assessed: from the proposal's data, or by people. */
export function assessmentOf(check: CriterionCheck): 'data' | 'judgement' {
  return check.kind === 'judged' ? 'judgement' : 'data';
}

/** Leiden's criteria a-f as a model of checks (the texts come from the agreement). */
export const LEIDEN_CHECKS: Record<CriterionLetter, CriterionCheck> = {
  a: { kind: 'interest', minParties: 2 },
  b: { kind: 'lead' },
  c: { kind: 'judged' },
  d: { kind: 'judged' },
  e: { kind: 'judged' },
  f: { kind: 'arrangements' },
};

/** One criterion's state for a proposal, by its check. */
export function evaluateCheck(letter: CriterionLetter, check: CriterionCheck, facts: ProposalFacts, partyOf: PartyOf, judgement?: Judgement): CriterionResult {
  switch (check.kind) {
    case 'interest': {
      const count = interestedParties(facts.partners, partyOf).length;
      return { letter, state: count >= check.minParties ? 'met' : 'missing', reason: count >= check.minParties ? 'interest.met' : 'interest.tooFew', values: { count, min: check.minParties } };
    }
    case 'lead': {
      const leads = facts.partners.filter((p) => p.role === 'lead');
      if (leads.length === 0) return { letter, state: 'missing', reason: 'lead.none', values: {} };
      return { letter, state: 'met', reason: leads.length === 1 ? 'lead.met' : 'lead.metSeveral', values: { names: leads.map((l) => l.name).join(', ') } };
    }
    case 'arrangements': {
      const staffing = facts.staffingArrangements.trim().length > 0;
      const financing = facts.financingArrangements.trim().length > 0;
      if (staffing && financing) return { letter, state: 'met', reason: 'arrangements.met', values: {} };
      return { letter, state: 'missing', reason: staffing ? 'arrangements.noFinancing' : financing ? 'arrangements.noStaffing' : 'arrangements.none', values: {} };
    }
    case 'judged':
      if (!judgement) return { letter, state: 'pending', reason: 'judged.pending', values: {} };
      return { letter, state: judgement.met ? 'met' : 'missing', reason: judgement.met ? 'judged.met' : 'judged.notMet', values: { reasoning: judgement.reasoning } };
  }
}
