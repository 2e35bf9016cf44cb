// Admission criteria a-f of the agreement, exactly as it words them. a, b, e and f follow from the
// proposal's data; c (added value of the cooperation) and d (new and innovative) are judged by
// people, whose reasoning is recorded. A proposal is admissible only when all six are met.
//
//   a. er is sprake van een belang van twee of meer van de deelnemende partijen;
//   b. één van de partners is bereid het initiatief te nemen en als trekker te fungeren;
//   e. het moet bij de start duidelijk zijn hoe een initiatief, bij gebleken succes, geborgd wordt;
//   f. per project maken de betrokken partners afspraken over bemensing/capaciteit en financiering.
//
// a counts the programme's parties (the signatories): a unit (faculty, institute) counts as the
// party it belongs to, so two units of one party count once, and an organisation that is no party
// does not count. b asks for a lead from among the partners, and one or more is fine (the
// agreement's own 3b and 3d have two). f is per project: the partners together state their
// arrangements on staffing/capacity and on financing. The projects of the agreement's annex were
// admitted by the agreement itself; their criteria are not re-judged.

export const CRITERION_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export type CriterionLetter = (typeof CRITERION_LETTERS)[number];
export const JUDGED_CRITERIA = ['c', 'd'] as const;
export type JudgedCriterion = (typeof JUDGED_CRITERIA)[number];

export interface ProposalPartnerFacts {
  organisationId: string;
  name: string;
  role: 'lead' | 'partner' | 'intended_partner';
  /** The partner states an interest in the project (criterion a's "belang"). */
  declaredInterest: boolean;
}

export interface Judgement {
  met: boolean;
  reasoning: string;
}

export interface ProposalFacts {
  partners: ProposalPartnerFacts[];
  /** How success will be safeguarded, in any language; blank when not described. */
  safeguarding: string;
  /** Criterion f: the partners' arrangements on staffing/capacity, in any language; blank when not stated. */
  staffingArrangements: string;
  /** Criterion f: the partners' arrangements on financing, in any language; blank when not stated. */
  financingArrangements: string;
  judgements: Partial<Record<JudgedCriterion, Judgement>>;
  /** Admitted by the agreement itself (its annex): shown as such, not evaluated. */
  admittedByAgreement?: boolean;
}

/**
 * The party an organisation counts as: its own id when it is a party, its parent party's id when it
 * is one of a party's units, null when it belongs to no party (src/domain/parties.ts).
 */
export type PartyOf = (organisationId: string) => string | null;

export type CriterionState = 'met' | 'missing' | 'pending' | 'byAgreement';

export interface CriterionResult {
  letter: CriterionLetter;
  state: CriterionState;
  /** Message key suffix explaining the state, e.g. "a.tooFew". */
  reason: string;
  /** Values for the explanation: counts, organisation names, the judges' reasoning. */
  values: Record<string, string | number>;
}

const participating = (p: ProposalPartnerFacts) => p.role !== 'intended_partner';
const stated = (text: string) => text.trim().length > 0;

/** Criterion a: the distinct parties among the participating partners that state an interest. */
export function interestedParties(partners: ProposalPartnerFacts[], partyOf: PartyOf): string[] {
  const parties = new Set<string>();
  for (const partner of partners) {
    if (!participating(partner) || !partner.declaredInterest) continue;
    const party = partyOf(partner.organisationId);
    if (party !== null) parties.add(party);
  }
  return [...parties];
}

function criterionA(partners: ProposalPartnerFacts[], partyOf: PartyOf): CriterionResult {
  const count = interestedParties(partners, partyOf).length;
  return count >= 2 ? { letter: 'a', state: 'met', reason: 'a.met', values: { count } } : { letter: 'a', state: 'missing', reason: 'a.tooFew', values: { count } };
}

function criterionB(partners: ProposalPartnerFacts[]): CriterionResult {
  const leads = partners.filter((p) => p.role === 'lead');
  if (leads.length === 0) return { letter: 'b', state: 'missing', reason: 'b.none', values: {} };
  return { letter: 'b', state: 'met', reason: leads.length === 1 ? 'b.met' : 'b.metSeveral', values: { names: leads.map((l) => l.name).join(', ') } };
}

function criterionF(facts: ProposalFacts): CriterionResult {
  const staffing = stated(facts.staffingArrangements);
  const financing = stated(facts.financingArrangements);
  if (staffing && financing) return { letter: 'f', state: 'met', reason: 'f.met', values: {} };
  const reason = staffing ? 'f.noFinancing' : financing ? 'f.noStaffing' : 'f.none';
  return { letter: 'f', state: 'missing', reason, values: {} };
}

export function evaluateCriteria(facts: ProposalFacts, partyOf: PartyOf): CriterionResult[] {
  if (facts.admittedByAgreement) return CRITERION_LETTERS.map((letter) => ({ letter, state: 'byAgreement', reason: 'byAgreement', values: {} }));
  return [
    criterionA(facts.partners, partyOf),
    criterionB(facts.partners),
    judged('c', facts.judgements.c),
    judged('d', facts.judgements.d),
    stated(facts.safeguarding) ? { letter: 'e', state: 'met', reason: 'e.met', values: {} } : { letter: 'e', state: 'missing', reason: 'e.missing', values: {} },
    criterionF(facts),
  ];
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
 * reject when one is missing; null while a judgement is still pending (or when the agreement
 * admitted the project and there is nothing to advise).
 */
export function suggestedRecommendation(results: CriterionResult[]): Recommendation | null {
  if (results.some((r) => r.state === 'missing')) return 'reject';
  if (!allCriteriaMet(results)) return null;
  return 'admit';
}
