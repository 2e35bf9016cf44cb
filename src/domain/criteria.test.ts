import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allCriteriaMet, evaluateCriteria, suggestedRecommendation, type ProposalFacts, type ProposalPartnerFacts } from './criteria.ts';

function partner(overrides: Partial<ProposalPartnerFacts> = {}): ProposalPartnerFacts {
  return { organisationId: overrides.name ?? 'x', name: 'Partner', role: 'partner', declaredInterest: true, commitmentAgreed: true, ...overrides };
}

function buildProposal(overrides: Partial<ProposalFacts> = {}): ProposalFacts {
  return {
    partners: [partner({ name: 'Gemeente', role: 'lead' }), partner({ name: 'Universiteit' })],
    safeguarding: 'Opgenomen in de reguliere begroting',
    judgements: { c: { met: true, reasoning: 'samen sterker' }, d: { met: true, reasoning: 'nieuw in Leiden' } },
    ...overrides,
  };
}

const stateOf = (facts: ProposalFacts) => Object.fromEntries(evaluateCriteria(facts).map((r) => [r.letter, r.state]));

describe('criteria a-f', () => {
  test('a complete proposal meets all six', () => {
    const results = evaluateCriteria(buildProposal());
    assert.deepEqual(results.map((r) => r.state), ['met', 'met', 'met', 'met', 'met', 'met']);
    assert.equal(allCriteriaMet(results), true);
    assert.equal(suggestedRecommendation(results), 'admit');
  });

  test('each result names its letter, the reason and the values the explanation shows', () => {
    assert.deepEqual(evaluateCriteria(buildProposal()), [
      { letter: 'a', state: 'met', reason: 'a.met', values: { count: 2 } },
      { letter: 'b', state: 'met', reason: 'b.met', values: { name: 'Gemeente' } },
      { letter: 'c', state: 'met', reason: 'c.met', values: { reasoning: 'samen sterker' } },
      { letter: 'd', state: 'met', reason: 'd.met', values: { reasoning: 'nieuw in Leiden' } },
      { letter: 'e', state: 'met', reason: 'e.met', values: {} },
      { letter: 'f', state: 'met', reason: 'f.met', values: { count: 2 } },
    ]);
    const lacking = buildProposal({
      partners: [partner({ name: 'U', commitmentAgreed: false }), partner({ name: 'V', commitmentAgreed: false, declaredInterest: false })],
      safeguarding: '',
      judgements: { d: { met: false, reasoning: 'bestaat al' } },
    });
    assert.deepEqual(evaluateCriteria(lacking), [
      { letter: 'a', state: 'missing', reason: 'a.tooFew', values: { count: 1 } },
      { letter: 'b', state: 'missing', reason: 'b.none', values: {} },
      { letter: 'c', state: 'pending', reason: 'c.pending', values: {} },
      { letter: 'd', state: 'missing', reason: 'd.notMet', values: { reasoning: 'bestaat al' } },
      { letter: 'e', state: 'missing', reason: 'e.missing', values: {} },
      { letter: 'f', state: 'missing', reason: 'f.unagreed', values: { names: 'U, V' } },
    ]);
    assert.equal(suggestedRecommendation(evaluateCriteria(lacking)), 'reject', 'a missing criterion outweighs a pending one');
  });

  test('all criteria met needs all six results', () => {
    const results = evaluateCriteria(buildProposal());
    assert.equal(allCriteriaMet(results.slice(0, 5)), false);
    assert.equal(allCriteriaMet([]), false);
  });

  test('a: two parties must declare an interest; intended partners do not count', () => {
    const facts = buildProposal({
      partners: [partner({ name: 'G', role: 'lead' }), partner({ name: 'U', declaredInterest: false }), partner({ name: 'H', role: 'intended_partner' })],
    });
    const a = evaluateCriteria(facts)[0]!;
    assert.equal(a.state, 'missing');
    assert.equal(a.values.count, 1);
  });

  test('b: exactly one lead', () => {
    assert.equal(stateOf(buildProposal({ partners: [partner({ name: 'G' }), partner({ name: 'U' })] })).b, 'missing');
    const two = evaluateCriteria(buildProposal({ partners: [partner({ name: 'G', role: 'lead' }), partner({ name: 'U', role: 'lead' })] }))[1]!;
    assert.equal(two.state, 'missing');
    assert.equal(two.letter, 'b');
    assert.equal(two.reason, 'b.several');
    assert.equal(two.values.names, 'G, U');
  });

  test('c and d stay pending until judged, and carry the reasoning', () => {
    const pending = evaluateCriteria(buildProposal({ judgements: {} }));
    assert.equal(pending[2]!.state, 'pending');
    assert.equal(pending[3]!.state, 'pending');
    assert.equal(allCriteriaMet(pending), false);
    assert.equal(suggestedRecommendation(pending), null);
    const judged = evaluateCriteria(buildProposal({ judgements: { c: { met: false, reasoning: 'geen meerwaarde' }, d: { met: true, reasoning: 'ok' } } }));
    assert.equal(judged[2]!.state, 'missing');
    assert.equal(judged[2]!.values.reasoning, 'geen meerwaarde');
    assert.equal(suggestedRecommendation(judged), 'reject');
  });

  test('e: a safeguarding plan must be described', () => {
    assert.equal(stateOf(buildProposal({ safeguarding: '   ' })).e, 'missing');
  });

  test('f: every participating partner agreed capacity and financing; names the ones that did not', () => {
    const facts = buildProposal({
      partners: [partner({ name: 'G', role: 'lead' }), partner({ name: 'U', commitmentAgreed: false }), partner({ name: 'H', role: 'intended_partner', commitmentAgreed: false })],
    });
    const f = evaluateCriteria(facts)[5]!;
    assert.equal(f.state, 'missing');
    assert.equal(f.values.names, 'U');
    assert.equal(stateOf(buildProposal({ partners: [] })).f, 'missing');
    const onlyIntended = evaluateCriteria(buildProposal({ partners: [partner({ name: 'H', role: 'intended_partner' })] }))[5]!;
    assert.deepEqual(onlyIntended, { letter: 'f', state: 'missing', reason: 'f.noPartners', values: {} }, 'intended partners alone are no participants');
  });
});
