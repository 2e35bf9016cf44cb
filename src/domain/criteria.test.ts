import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allCriteriaMet, CRITERION_LETTERS, evaluateCriteria, interestedParties, suggestedRecommendation, type PartyOf, type ProposalFacts, type ProposalPartnerFacts } from './criteria.ts';
import { partyOf as partyOfIn } from './parties.ts';

// Parties G (municipality), U (university) and H (university of applied sciences); F1 and F2 are
// faculties of U, X is an organisation that is not a party.
const PARENTS = new Map([['F1', 'U'], ['F2', 'U']]);
const PARTIES = new Set(['G', 'U', 'H']);
const partyOf: PartyOf = (id) => partyOfIn(id, PARENTS, PARTIES);

function partner(organisationId: string, overrides: Partial<ProposalPartnerFacts> = {}): ProposalPartnerFacts {
  return { organisationId, name: `Org ${organisationId}`, role: 'partner', declaredInterest: true, ...overrides };
}

function buildProposal(overrides: Partial<ProposalFacts> = {}): ProposalFacts {
  return {
    partners: [partner('G', { role: 'lead' }), partner('U')],
    safeguarding: 'Opgenomen in de reguliere begroting',
    staffingArrangements: 'Elk 0,2 fte',
    financingArrangements: 'Gemeente en universiteit elk de helft',
    judgements: { c: { met: true, reasoning: 'samen sterker' }, d: { met: true, reasoning: 'nieuw in Leiden' } },
    ...overrides,
  };
}

const evaluate = (facts: ProposalFacts) => evaluateCriteria(facts, partyOf);
const result = (facts: ProposalFacts, letter: string) => evaluate(facts).find((r) => r.letter === letter)!;

describe('criteria a-f', () => {
  test('a complete proposal meets all six, with the values each explanation shows', () => {
    const results = evaluate(buildProposal());
    assert.deepEqual(results, [
      { letter: 'a', state: 'met', reason: 'a.met', values: { count: 2 } },
      { letter: 'b', state: 'met', reason: 'b.met', values: { names: 'Org G' } },
      { letter: 'c', state: 'met', reason: 'c.met', values: { reasoning: 'samen sterker' } },
      { letter: 'd', state: 'met', reason: 'd.met', values: { reasoning: 'nieuw in Leiden' } },
      { letter: 'e', state: 'met', reason: 'e.met', values: {} },
      { letter: 'f', state: 'met', reason: 'f.met', values: {} },
    ]);
    assert.equal(allCriteriaMet(results), true);
    assert.equal(suggestedRecommendation(results), 'admit');
  });

  test('a lacking proposal: each criterion says why', () => {
    const lacking = buildProposal({
      partners: [partner('U'), partner('H', { declaredInterest: false })],
      safeguarding: '',
      staffingArrangements: ' ',
      financingArrangements: '',
      judgements: { d: { met: false, reasoning: 'bestaat al' } },
    });
    assert.deepEqual(evaluate(lacking), [
      { letter: 'a', state: 'missing', reason: 'a.tooFew', values: { count: 1 } },
      { letter: 'b', state: 'missing', reason: 'b.none', values: {} },
      { letter: 'c', state: 'pending', reason: 'c.pending', values: {} },
      { letter: 'd', state: 'missing', reason: 'd.notMet', values: { reasoning: 'bestaat al' } },
      { letter: 'e', state: 'missing', reason: 'e.missing', values: {} },
      { letter: 'f', state: 'missing', reason: 'f.none', values: {} },
    ]);
    assert.equal(suggestedRecommendation(evaluate(lacking)), 'reject', 'a missing criterion outweighs a pending one');
  });

  test('all criteria met needs all six results, each met', () => {
    const results = evaluate(buildProposal());
    assert.equal(allCriteriaMet(results.slice(0, 5)), false);
    assert.equal(allCriteriaMet([]), false);
    assert.equal(allCriteriaMet([...results.slice(0, 5), { ...results[5]!, state: 'pending' }]), false);
  });

  describe('a: an interest of two or more of the participating parties', () => {
    test('two parties meet it', () => {
      assert.equal(result(buildProposal({ partners: [partner('G', { role: 'lead' }), partner('H')] }), 'a').state, 'met');
    });

    test('two organisations that are not parties do not', () => {
      const a = result(buildProposal({ partners: [partner('X', { role: 'lead' }), partner('Y')] }), 'a');
      assert.deepEqual(a, { letter: 'a', state: 'missing', reason: 'a.tooFew', values: { count: 0 } });
    });

    test('two units of one party count once; a unit and another party count twice', () => {
      assert.deepEqual(result(buildProposal({ partners: [partner('F1', { role: 'lead' }), partner('F2')] }), 'a').values, { count: 1 });
      assert.equal(result(buildProposal({ partners: [partner('F1', { role: 'lead' }), partner('U')] }), 'a').state, 'missing', 'a unit and its own party are one party');
      assert.deepEqual(result(buildProposal({ partners: [partner('F1', { role: 'lead' }), partner('G')] }), 'a'), { letter: 'a', state: 'met', reason: 'a.met', values: { count: 2 } });
    });

    test('intended partners and partners without an interest do not count', () => {
      const facts = buildProposal({ partners: [partner('G', { role: 'lead' }), partner('U', { declaredInterest: false }), partner('H', { role: 'intended_partner' })] });
      assert.deepEqual(result(facts, 'a').values, { count: 1 });
      assert.deepEqual(interestedParties(facts.partners, partyOf), ['G']);
    });

    test('three parties with a non-party beside them count three', () => {
      const facts = buildProposal({ partners: [partner('G', { role: 'lead' }), partner('U'), partner('H'), partner('X')] });
      assert.deepEqual(interestedParties(facts.partners, partyOf), ['G', 'U', 'H']);
      assert.equal(result(facts, 'a').values.count, 3);
    });
  });

  describe('b: one of the partners leads', () => {
    test('no lead is missing', () => {
      assert.deepEqual(result(buildProposal({ partners: [partner('G'), partner('U')] }), 'b'), { letter: 'b', state: 'missing', reason: 'b.none', values: {} });
    });

    test('two leads meet it, naming both (as 3b and 3d in the agreement)', () => {
      const b = result(buildProposal({ partners: [partner('G', { role: 'lead' }), partner('U', { role: 'lead' })] }), 'b');
      assert.deepEqual(b, { letter: 'b', state: 'met', reason: 'b.metSeveral', values: { names: 'Org G, Org U' } });
    });

    test('a lead of any organisation counts, and an intended partner is no lead', () => {
      assert.equal(result(buildProposal({ partners: [partner('X', { role: 'lead' })] }), 'b').state, 'met');
      assert.equal(result(buildProposal({ partners: [partner('G', { role: 'intended_partner' })] }), 'b').state, 'missing');
    });
  });

  test('c and d stay pending until judged, and carry the reasoning', () => {
    const pending = evaluate(buildProposal({ judgements: {} }));
    assert.equal(pending[2]!.state, 'pending');
    assert.equal(pending[3]!.state, 'pending');
    assert.equal(pending[3]!.reason, 'd.pending');
    assert.equal(allCriteriaMet(pending), false);
    assert.equal(suggestedRecommendation(pending), null);
    const judged = evaluate(buildProposal({ judgements: { c: { met: false, reasoning: 'geen meerwaarde' }, d: { met: true, reasoning: 'ok' } } }));
    assert.deepEqual(judged[2], { letter: 'c', state: 'missing', reason: 'c.notMet', values: { reasoning: 'geen meerwaarde' } });
    assert.equal(suggestedRecommendation(judged), 'reject');
  });

  test('e: a safeguarding plan must be described', () => {
    assert.deepEqual(result(buildProposal({ safeguarding: '   ' }), 'e'), { letter: 'e', state: 'missing', reason: 'e.missing', values: {} });
  });

  describe('f: per project, the partners state arrangements on staffing/capacity and on financing', () => {
    test('both stated meet it', () => {
      assert.equal(result(buildProposal(), 'f').state, 'met');
    });

    test('one missing names which', () => {
      assert.deepEqual(result(buildProposal({ financingArrangements: ' ' }), 'f'), { letter: 'f', state: 'missing', reason: 'f.noFinancing', values: {} });
      assert.deepEqual(result(buildProposal({ staffingArrangements: '' }), 'f'), { letter: 'f', state: 'missing', reason: 'f.noStaffing', values: {} });
      assert.deepEqual(result(buildProposal({ staffingArrangements: '', financingArrangements: '' }), 'f'), { letter: 'f', state: 'missing', reason: 'f.none', values: {} });
    });

    test('it does not depend on each partner', () => {
      const facts = buildProposal({ partners: [partner('G', { role: 'lead' }), partner('U'), partner('H', { role: 'intended_partner' })] });
      assert.equal(result(facts, 'f').state, 'met');
    });
  });

  test('a project admitted by the agreement shows that for every criterion, never "not met"', () => {
    const results = evaluate(buildProposal({ admittedByAgreement: true, partners: [], safeguarding: '', staffingArrangements: '', financingArrangements: '', judgements: {} }));
    assert.deepEqual(
      results,
      CRITERION_LETTERS.map((letter) => ({ letter, state: 'byAgreement', reason: 'byAgreement', values: {} })),
    );
    assert.equal(suggestedRecommendation(results), null);
    assert.equal(allCriteriaMet(results), false, 'there is nothing to admit again');
    assert.equal(evaluate(buildProposal({ admittedByAgreement: false }))[0]!.state, 'met');
  });
});
