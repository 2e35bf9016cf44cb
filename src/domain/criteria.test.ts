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
  });
});
