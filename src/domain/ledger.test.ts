import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { available, awardAmounts, deriveBalance, fits, isConsistent, outstanding, violations, withCarryOver, type LedgerEntry } from './ledger.ts';

const e = (kind: LedgerEntry['kind'], amountCents: number, hours = 0, corrects: LedgerEntry['corrects'] = null): LedgerEntry => ({ kind, amountCents, hours, corrects });

describe('ledger balances', () => {
  test('derives contributed, committed, paid, available and outstanding from entries', () => {
    const balance = deriveBalance([e('contribution', 100000, 160), e('contribution', 50000), e('commitment', 60000, 40), e('release', 10000, 10), e('payment', 30000, 20)]);
    assert.deepEqual(balance, { contributed: { cents: 150000, hours: 160 }, committed: { cents: 50000, hours: 30 }, paid: { cents: 30000, hours: 20 } });
    assert.deepEqual(available(balance), { cents: 100000, hours: 130 });
    assert.deepEqual(outstanding(balance), { cents: 20000, hours: 10 });
    assert.ok(isConsistent(balance));
  });

  test('corrections are signed entries applied to what they correct', () => {
    const balance = deriveBalance([e('contribution', 100000), e('correction', -25000, 0, 'contribution'), e('commitment', 10000), e('correction', 500, 0, 'commitment'), e('payment', 5000), e('correction', -1000, 0, 'payment')]);
    assert.deepEqual(balance.contributed, { cents: 75000, hours: 0 });
    assert.deepEqual(balance.committed, { cents: 10500, hours: 0 });
    assert.deepEqual(balance.paid, { cents: 4000, hours: 0 });
    assert.throws(() => deriveBalance([e('correction', 1)]), /must name what it corrects/);
  });

  test('the invariant: paid ≤ committed ≤ contributed, for money and hours', () => {
    const base = deriveBalance([e('contribution', 1000, 10), e('commitment', 900, 10)]);
    assert.ok(fits(base, e('commitment', 100)));
    assert.equal(fits(base, e('commitment', 101)), false);
    assert.equal(fits(base, e('commitment', 0, 1)), false);
    assert.ok(fits(base, e('payment', 900, 10)));
    assert.ok(fits(base, e('correction', -100, 0, 'contribution')));
    assert.equal(fits(base, e('payment', 901)), false);
    assert.equal(fits(base, e('correction', -101, 0, 'contribution')), false);
    assert.ok(fits(base, e('release', 900)));
    assert.equal(fits(deriveBalance([e('contribution', 10), e('commitment', 10), e('payment', 10)]), e('release', 1)), false, 'cannot release what was paid');
    assert.deepEqual(violations(deriveBalance([e('commitment', 1)])), ['committed cents exceeds contributed']);
  });

  test('violations name each broken rule, unit by unit', () => {
    const committed = [e('contribution', 1000, 10), e('commitment', 1000, 10)];
    assert.deepEqual(violations(deriveBalance(committed)), [], 'everything committed is still within the rule');
    assert.deepEqual(violations(deriveBalance([...committed, e('payment', 1000, 10)])), [], 'everything paid too');
    assert.deepEqual(violations(deriveBalance([...committed, e('correction', -1, 0, 'payment')])), ['paid cents negative']);
    assert.deepEqual(violations(deriveBalance([...committed, e('correction', 0, -1, 'payment')])), ['paid hours negative']);
    assert.deepEqual(violations(deriveBalance([...committed, e('payment', 1001, 10)])), ['paid cents exceeds committed']);
    assert.deepEqual(violations(deriveBalance([...committed, e('payment', 1000, 11)])), ['paid hours exceeds committed']);
    assert.deepEqual(violations(deriveBalance([...committed, e('commitment', 0, 1)])), ['committed hours exceeds contributed']);
    assert.equal(isConsistent(deriveBalance([...committed, e('payment', 1001)])), false);
  });

  test('award amounts: full, partial within the request, none', () => {
    const asked = { cents: 5000, hours: 10 };
    assert.deepEqual(awardAmounts('full', asked), asked);
    assert.deepEqual(awardAmounts('none', asked), { cents: 0, hours: 0 });
    assert.deepEqual(awardAmounts('partial', asked, { cents: 2000, hours: 10 }), { cents: 2000, hours: 10 });
    assert.equal(awardAmounts('partial', asked, { cents: 6000, hours: 0 }), 'invalid');
    assert.equal(awardAmounts('partial', asked, asked), 'invalid');
    assert.equal(awardAmounts('partial', asked, { cents: 0, hours: 0 }), 'invalid');
    assert.equal(awardAmounts('partial', asked), 'invalid');
  });

  test('a partial award is less than asked in money or hours, never more in either, and not nothing', () => {
    const asked = { cents: 5000, hours: 10 };
    // The full amount of money with fewer hours (or the other way round) is still less than asked.
    assert.deepEqual(awardAmounts('partial', asked, { cents: 5000, hours: 9 }), { cents: 5000, hours: 9 });
    assert.deepEqual(awardAmounts('partial', asked, { cents: 4999, hours: 10 }), { cents: 4999, hours: 10 });
    // Zero euros with some hours, or money without hours, is a real partial award.
    assert.deepEqual(awardAmounts('partial', asked, { cents: 0, hours: 5 }), { cents: 0, hours: 5 });
    assert.deepEqual(awardAmounts('partial', asked, { cents: 2000, hours: 0 }), { cents: 2000, hours: 0 });
    // More than asked in one unit is refused, even when the other is less.
    assert.equal(awardAmounts('partial', asked, { cents: 5001, hours: 1 }), 'invalid');
    assert.equal(awardAmounts('partial', asked, { cents: 1000, hours: 11 }), 'invalid');
    // Negative amounts are refused, whatever the other unit says.
    assert.equal(awardAmounts('partial', asked, { cents: -1, hours: 5 }), 'invalid');
    assert.equal(awardAmounts('partial', asked, { cents: 1000, hours: -1 }), 'invalid');
    // A request for money only: the partial must be less money.
    const moneyOnly = { cents: 5000, hours: 0 };
    assert.deepEqual(awardAmounts('partial', moneyOnly, { cents: 1, hours: 0 }), { cents: 1, hours: 0 });
    assert.equal(awardAmounts('partial', moneyOnly, { cents: 5000, hours: 0 }), 'invalid');
    // Full and none ignore a partial amount.
    assert.deepEqual(awardAmounts('full', asked, { cents: 1, hours: 1 }), asked);
    assert.deepEqual(awardAmounts('none', asked, { cents: 1, hours: 1 }), { cents: 0, hours: 0 });
  });
});

describe('per-year carry-over', () => {
  const year = (y: number, contributed: [number, number], committed: [number, number], paid: [number, number] = [0, 0]) => ({
    year: y,
    balance: { contributed: { cents: contributed[0], hours: contributed[1] }, committed: { cents: committed[0], hours: committed[1] }, paid: { cents: paid[0], hours: paid[1] } },
  });

  test('money contributed in one year and awarded in the next is carried over, not a shortfall', () => {
    const rows = withCarryOver([year(2018, [100_000, 40], [30_000, 10], [5_000, 0]), year(2019, [0, 0], [50_000, 20]), year(2020, [20_000, 5], [0, 0])]);
    assert.deepEqual(
      rows.map((r) => [r.year, r.broughtForward, r.carriedForward]),
      [
        [2018, { cents: 0, hours: 0 }, { cents: 70_000, hours: 30 }],
        [2019, { cents: 70_000, hours: 30 }, { cents: 20_000, hours: 10 }],
        [2020, { cents: 20_000, hours: 10 }, { cents: 40_000, hours: 15 }],
      ],
    );
    assert.ok(rows.every((r) => r.carriedForward.cents >= 0), 'no year below zero while earlier money covers it');
    assert.equal(rows[1]!.balance.committed.cents, 50_000, 'the year keeps its own figures');
  });

  test('no years, no rows; a single year carries nothing in', () => {
    assert.deepEqual(withCarryOver([]), []);
    const [only] = withCarryOver([year(2021, [1_000, 0], [1_500, 0])]);
    assert.deepEqual(only!.broughtForward, { cents: 0, hours: 0 });
    assert.deepEqual(only!.carriedForward, { cents: -500, hours: 0 });
  });
});
