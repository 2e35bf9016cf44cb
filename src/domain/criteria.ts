// Admission criteria a-f of the agreement. a, b, e and f follow from the proposal's data; c (added
// value of the cooperation) and d (new and innovative) are judged by people, whose reasoning is
// recorded. A proposal is admissible only when all six are met.

export const CRITERION_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export type CriterionLetter = (typeof CRITERION_LETTERS)[number];
export const JUDGED_CRITERIA = ['c', 'd'] as const;
export type JudgedCriterion = (typeof JUDGED_CRITERIA)[number];

export interface ProposalPartnerFacts {
  organisationId: string;
  name: string;
  role: 'lead' | 'partner' | 'intended_partner';
  declaredInterest: boolean;
  /** Staffing/capacity and financing agreed for this partner. */
  commitmentAgreed: boolean;
}

export interface Judgement {
  met: boolean;
  reasoning: string;
}

export interface ProposalFacts {
  partners: ProposalPartnerFacts[];
  /** How success will be safeguarded, in any language; blank when not described. */
  safeguarding: string;
  judgements: Partial<Record<JudgedCriterion, Judgement>>;
}

export type CriterionState = 'met' | 'missing' | 'pending';

export interface CriterionResult {
  letter: CriterionLetter;
  state: CriterionState;
  /** Message key suffix explaining the state, e.g. "a.tooFew". */
  reason: string;
  /** Values for the explanation: counts, organisation names, the judges' reasoning. */
  values: Record<string, string | number>;
}

const participating = (p: ProposalPartnerFacts) => p.role !== 'intended_partner';

export function evaluateCriteria(facts: ProposalFacts): CriterionResult[] {
  const parties = facts.partners.filter((p) => participating(p) && p.declaredInterest);
  const leads = facts.partners.filter((p) => p.role === 'lead');
  const unagreed = facts.partners.filter((p) => participating(p) && !p.commitmentAgreed);
  const participants = facts.partners.filter(participating);

  const results: CriterionResult[] = [
    parties.length >= 2
      ? { letter: 'a', state: 'met', reason: 'a.met', values: { count: parties.length } }
      : { letter: 'a', state: 'missing', reason: 'a.tooFew', values: { count: parties.length } },
    leads.length === 1
      ? { letter: 'b', state: 'met', reason: 'b.met', values: { name: leads[0]!.name } }
      : leads.length === 0
        ? { letter: 'b', state: 'missing', reason: 'b.none', values: {} }
        : { letter: 'b', state: 'missing', reason: 'b.several', values: { names: leads.map((l) => l.name).join(', ') } },
    judged('c', facts.judgements.c),
    judged('d', facts.judgements.d),
    facts.safeguarding.trim().length > 0
      ? { letter: 'e', state: 'met', reason: 'e.met', values: {} }
      : { letter: 'e', state: 'missing', reason: 'e.missing', values: {} },
    participants.length === 0
      ? { letter: 'f', state: 'missing', reason: 'f.noPartners', values: {} }
      : unagreed.length === 0
        ? { letter: 'f', state: 'met', reason: 'f.met', values: { count: participants.length } }
        : { letter: 'f', state: 'missing', reason: 'f.unagreed', values: { names: unagreed.map((p) => p.name).join(', ') } },
  ];
  return results;
}

function judged(letter: JudgedCriterion, judgement: Judgement | undefined): CriterionResult {
  if (!judgement) return { letter, state: 'pending', reason: `${letter}.pending`, values: {} };
  return { letter, state: judgement.met ? 'met' : 'missing', reason: judgement.met ? `${letter}.met` : `${letter}.notMet`, values: { reasoning: judgement.reasoning } };
}

export function allCriteriaMet(results: CriterionResult[]): boolean {
  return results.length === CRITERION_LETTERS.length && results.every((r) => r.state === 'met');
}

export type Recommendation = 'admit' | 'reject';

/**
 * What the support steering group would advise from the criteria alone: admit when all are met,
 * reject when one is missing; null while a judgement is still pending.
 */
export function suggestedRecommendation(results: CriterionResult[]): Recommendation | null {
  if (results.some((r) => r.state === 'missing')) return 'reject';
  if (results.some((r) => r.state === 'pending')) return null;
  return 'admit';
}
