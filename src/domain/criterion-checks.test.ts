import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assessmentOf, checkOf, CHECK_KINDS, evaluateCheck, isCheckKind, LEIDEN_CHECKS, type CriterionCheck } from './criterion-checks.ts';
import { CRITERION_LETTERS, evaluateCriteria, type PartyOf, type ProposalFacts, type ProposalPartnerFacts } from './criteria.ts';

const PARTIES = new Set(['G', 'U', 'H']);
const partyOf: PartyOf = (id) => (id === 'F1' ? 'U' : PARTIES.has(id) ? id : null);
const partner = (organisationId: string, overrides: Partial<ProposalPartnerFacts> = {}): ProposalPartnerFacts => ({ organisationId, name: `Org ${organisationId}`, role: 'partner', declaredInterest: true, ...overrides });
const facts = (overrides: Partial<ProposalFacts> = {}): ProposalFacts => ({
  partners: [partner('G', { role: 'lead' }), partner('U')],
  safeguarding: 'begroting',
  staffingArrangements: '0,2 fte',
  financingArrangements: 'de helft',
  judgements: {},
  ...overrides,
});

describe('criterion checks', () => {
  test('the fixed set, and which kinds are known', () => {
    assert.deepEqual([...CHECK_KINDS], ['interest', 'lead', 'arrangements', 'judged']);
    assert.equal(isCheckKind('lead'), true);
    assert.equal(isCheckKind('safeguarding'), false);
    assert.equal(isCheckKind(undefined), false);
  });

  test('checkOf needs a whole number of parties in bounds for interest only', () => {
    assert.deepEqual(checkOf('interest', 3), { kind: 'interest', minParties: 3 });
    assert.deepEqual(checkOf('interest', 1), { kind: 'interest', minParties: 1 });
    assert.deepEqual(checkOf('interest', 50), { kind: 'interest', minParties: 50 });
    assert.equal(checkOf('interest', 0), null);
    assert.equal(checkOf('interest', 51), null);
    assert.equal(checkOf('interest', 2.5), null);
    assert.equal(checkOf('interest'), null);
    assert.deepEqual(checkOf('lead', 7), { kind: 'lead' });
    assert.deepEqual(checkOf('judged'), { kind: 'judged' });
  });

  test('only judged criteria are assessed by people', () => {
    assert.equal(assessmentOf({ kind: 'judged' }), 'judgement');
    for (const check of [{ kind: 'lead' }, { kind: 'arrangements' }, { kind: 'interest', minParties: 2 }] as CriterionCheck[]) assert.equal(assessmentOf(check), 'data');
  });

  test('interest counts distinct interested parties against N', () => {
    const two = { kind: 'interest', minParties: 2 } as const;
    assert.deepEqual(evaluateCheck('a', two, facts(), partyOf), { letter: 'a', state: 'met', reason: 'interest.met', values: { count: 2, min: 2 } });
    // A faculty counts as its party; an organisation that is no party does not count.
    assert.equal(evaluateCheck('a', two, facts({ partners: [partner('U', { role: 'lead' }), partner('F1'), partner('X')] }), partyOf).state, 'missing');
    assert.equal(evaluateCheck('a', { kind: 'interest', minParties: 3 }, facts({ partners: [partner('G'), partner('U'), partner('H')] }), partyOf).state, 'met');
    assert.equal(evaluateCheck('a', { kind: 'interest', minParties: 3 }, facts(), partyOf).reason, 'interest.tooFew');
  });

  test('lead: none, one or several', () => {
    assert.equal(evaluateCheck('b', { kind: 'lead' }, facts({ partners: [partner('G')] }), partyOf).reason, 'lead.none');
    assert.deepEqual(evaluateCheck('b', { kind: 'lead' }, facts(), partyOf), { letter: 'b', state: 'met', reason: 'lead.met', values: { names: 'Org G' } });
    assert.equal(evaluateCheck('b', { kind: 'lead' }, facts({ partners: [partner('G', { role: 'lead' }), partner('U', { role: 'lead' })] }), partyOf).reason, 'lead.metSeveral');
  });

  test('arrangements need staffing and financing', () => {
    const check = { kind: 'arrangements' } as const;
    assert.equal(evaluateCheck('f', check, facts(), partyOf).state, 'met');
    assert.equal(evaluateCheck('f', check, facts({ financingArrangements: ' ' }), partyOf).reason, 'arrangements.noFinancing');
    assert.equal(evaluateCheck('f', check, facts({ staffingArrangements: '' }), partyOf).reason, 'arrangements.noStaffing');
    assert.equal(evaluateCheck('f', check, facts({ staffingArrangements: '', financingArrangements: '' }), partyOf).reason, 'arrangements.none');
  });

  test('judged: pending until people judge, with their reasons', () => {
    const check = { kind: 'judged' } as const;
    assert.equal(evaluateCheck('c', check, facts(), partyOf).state, 'pending');
    assert.deepEqual(evaluateCheck('c', check, facts(), partyOf, { met: false, reasoning: 'niets nieuws' }), { letter: 'c', state: 'missing', reason: 'judged.notMet', values: { reasoning: 'niets nieuws' } });
    assert.equal(evaluateCheck('c', check, facts(), partyOf, { met: true, reasoning: 'ja' }).state, 'met');
  });

  test('the Leiden model gives the same states as the Leiden criteria for a, b, c, d and f', () => {
    const proposal = facts({ judgements: { c: { met: true, reasoning: 'x' }, d: { met: false, reasoning: 'y' } } });
    const leiden = evaluateCriteria(proposal, partyOf);
    for (const letter of CRITERION_LETTERS.filter((l) => l !== 'e')) {
      const judgement = letter === 'c' || letter === 'd' ? proposal.judgements[letter] : undefined;
      assert.equal(evaluateCheck(letter, LEIDEN_CHECKS[letter], proposal, partyOf, judgement).state, leiden.find((r) => r.letter === letter)!.state, letter);
    }
  });
});
