import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decideConsent, type PartyAnswer } from './consent.ts';

// Each party's history, as far as the rule can see it: no answer, a standing answer, or an
// answer that was withdrawn (and possibly followed by a new one).
type Status = 'none' | 'consent' | 'objection' | 'objection-withdrawn' | 'consent-withdrawn' | 'objection-withdrawn-then-consent';
const STATUSES: Status[] = ['none', 'consent', 'objection', 'objection-withdrawn', 'consent-withdrawn', 'objection-withdrawn-then-consent'];

function answersFor(partyId: string, status: Status): PartyAnswer[] {
  switch (status) {
    case 'none':
      return [];
    case 'consent':
      return [{ partyId, answer: 'consent', withdrawn: false }];
    case 'objection':
      return [{ partyId, answer: 'objection', withdrawn: false }];
    case 'objection-withdrawn':
      return [{ partyId, answer: 'objection', withdrawn: true }];
    case 'consent-withdrawn':
      return [{ partyId, answer: 'consent', withdrawn: true }];
    case 'objection-withdrawn-then-consent':
      return [
        { partyId, answer: 'objection', withdrawn: true },
        { partyId, answer: 'consent', withdrawn: false },
      ];
  }
}

function* combinations(n: number): Generator<Status[]> {
  if (n === 0) {
    yield [];
    return;
  }
  for (const rest of combinations(n - 1)) for (const status of STATUSES) yield [...rest, status];
}

describe('unanimity rule', () => {
  for (let n = 1; n <= 5; n++) {
    test(`every combination of answers for ${n} part${n === 1 ? 'y' : 'ies'}`, () => {
      const parties = Array.from({ length: n }, (_, i) => `p${i + 1}`);
      let count = 0;
      const seen = new Set<string>();
      for (const statuses of combinations(n)) {
        count++;
        const answers = statuses.flatMap((status, i) => answersFor(parties[i]!, status));
        // Order of answers must not matter.
        const outcome = decideConsent(parties, answers);
        const reversed = decideConsent(parties, [...answers].reverse());
        assert.deepEqual(reversed, outcome);

        const objects = statuses.map((s) => s === 'objection');
        const consents = statuses.map((s) => s === 'consent' || s === 'objection-withdrawn-then-consent');
        const expected = objects.some(Boolean) ? 'blocked' : consents.every(Boolean) ? 'unanimous' : 'pending';
        assert.equal(outcome.state, expected, `${statuses.join(',')}`);
        assert.deepEqual(outcome.objecting, parties.filter((_, i) => objects[i]));
        assert.deepEqual(outcome.consenting, parties.filter((_, i) => consents[i]));
        assert.deepEqual(outcome.waiting, parties.filter((_, i) => !objects[i] && !consents[i]));
        assert.equal(outcome.objecting.length + outcome.consenting.length + outcome.waiting.length, n);
        seen.add(outcome.state);
      }
      assert.equal(count, STATUSES.length ** n);
      assert.deepEqual([...seen].sort(), ['blocked', 'pending', 'unanimous']);
    });
  }

  test('adopted only when every party consented: one missing party keeps it pending', () => {
    const parties = ['a', 'b', 'c', 'd'];
    const three = ['a', 'b', 'c'].map((partyId) => ({ partyId, answer: 'consent' as const, withdrawn: false }));
    assert.equal(decideConsent(parties, three).state, 'pending');
    assert.deepEqual(decideConsent(parties, three).waiting, ['d']);
    assert.equal(decideConsent(parties, [...three, { partyId: 'd', answer: 'consent', withdrawn: false }]).state, 'unanimous');
  });

  test('one objection blocks; withdrawing it unblocks', () => {
    const parties = ['a', 'b'];
    const objection = { partyId: 'b', answer: 'objection' as const, withdrawn: false };
    const consentA = { partyId: 'a', answer: 'consent' as const, withdrawn: false };
    assert.equal(decideConsent(parties, [consentA, objection]).state, 'blocked');
    assert.equal(decideConsent(parties, [consentA, { ...objection, withdrawn: true }]).state, 'pending');
    assert.equal(decideConsent(parties, [consentA, { ...objection, withdrawn: true }, { partyId: 'b', answer: 'consent', withdrawn: false }]).state, 'unanimous');
  });

  test('refuses answers from non-parties, double standing answers and an empty party list', () => {
    assert.throws(() => decideConsent(['a'], [{ partyId: 'x', answer: 'consent', withdrawn: false }]), /non-party/);
    assert.throws(
      () =>
        decideConsent(['a'], [
          { partyId: 'a', answer: 'consent', withdrawn: false },
          { partyId: 'a', answer: 'consent', withdrawn: false },
        ]),
      /Two standing answers/,
    );
    assert.throws(() => decideConsent([], []), /without parties/);
  });
});
