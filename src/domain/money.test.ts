import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { centsForInput, formatCents, formatFte, formatHours, fteToHours, hoursToFte, MAX_CENTS, MAX_HOURS, parseHours, parseMoney } from './money.ts';

const ok = (input: string, locale: 'nl' | 'en' = 'nl') => {
  const result = parseMoney(input, locale);
  assert.ok(result.ok, `${input} (${locale}) should parse, got ${JSON.stringify(result)}`);
  return result.value;
};
const err = (input: unknown, locale: 'nl' | 'en' = 'nl') => {
  const result = parseMoney(input, locale);
  assert.equal(result.ok, false, `${String(input)} (${locale}) should be refused`);
  return (result as { error: string }).error;
};

describe('parseMoney', () => {
  test('Dutch and English notation, with and without the euro sign', () => {
    assert.equal(ok('1.500,50'), 150050);
    assert.equal(ok('1500.50'), 150050);
    assert.equal(ok('€ 1.500'), 150000);
    assert.equal(ok('€1.500', 'nl'), 150000);
    assert.equal(ok('1,500.50', 'en'), 150050);
    assert.equal(ok('1.500,50', 'en'), 150050);
    assert.equal(ok('1500,5'), 150050);
    assert.equal(ok('1.500,-'), 150000);
    assert.equal(ok('1 500,50'), 150050);
    assert.equal(ok('1.000.000'), 100000000);
    assert.equal(ok('1,000,000', 'en'), 100000000);
    assert.equal(ok('  42  '), 4200);
    assert.equal(ok('0,01'), 1);
    assert.equal(ok(',5'), 50);
    assert.equal(ok('EUR 10'), 1000);
    assert.equal(ok('10 euro'), 1000);
    assert.equal(ok('12,500'), 1250, 'Dutch: comma is the decimal separator');
  });

  test('a lone separator before three digits follows the reader language', () => {
    assert.equal(ok('1.500', 'nl'), 150000);
    assert.equal(ok('1,500', 'en'), 150000);
    assert.equal(ok('1,500', 'nl'), 150);
    assert.equal(ok('1.500', 'en'), 150);
  });

  test('refuses negative, non-numeric, absurdly large, sub-cent and zero amounts with a reason', () => {
    assert.equal(err('-5'), 'fund.money.negative');
    assert.equal(err('€ -1.500'), 'fund.money.negative');
    assert.equal(err('−5'), 'fund.money.negative');
    assert.equal(err('abc'), 'fund.money.invalid');
    assert.equal(err('12a'), 'fund.money.invalid');
    assert.equal(err('1e5'), 'fund.money.invalid');
    assert.equal(err('1.2.3,4,5'), 'fund.money.invalid');
    assert.equal(err('1.50.0'), 'fund.money.invalid');
    assert.equal(err('1 50'), 'fund.money.invalid');
    assert.equal(err('.'), 'fund.money.invalid');
    assert.equal(err('€'), 'fund.money.invalid');
    assert.equal(err('Infinity'), 'fund.money.invalid');
    assert.equal(err('0x10'), 'fund.money.invalid');
    assert.equal(err(''), 'fund.money.required');
    assert.equal(err('   '), 'fund.money.required');
    assert.equal(err(undefined), 'fund.money.required');
    assert.equal(err(['1']), 'fund.money.required');
    assert.equal(err('1,505'), 'fund.money.subCent');
    assert.equal(err('10.001', 'en'), 'fund.money.subCent');
    assert.equal(err('0,001'), 'fund.money.subCent');
    assert.equal(err('100000001'), 'fund.money.tooLarge');
    assert.equal(err('999999999999999999999'), 'fund.money.tooLarge');
    assert.equal(err('9'.repeat(50)), 'fund.money.tooLarge');
    assert.equal(err('0'), 'fund.money.zero');
    assert.equal(err('0,00'), 'fund.money.zero');
    assert.deepEqual(parseMoney('0', 'nl', { allowZero: true }), { ok: true, value: 0 });
    assert.equal(ok('100.000.000'), MAX_CENTS);
    assert.equal(ok('10,000'), 1000, 'trailing zeros beyond cents are fine');
  });

  test('a minus sign before or after the euro sign, with or without spaces, is a negative amount', () => {
    for (const input of ['-€ 5', '- € 5', '−€ 5', '€ −5', '€-5', 'EUR - 5']) assert.equal(err(input), 'fund.money.negative', input);
  });

  test('the length limit counts the amount, not the spaces around it', () => {
    assert.equal(ok(`${' '.repeat(40)}10`), 1000);
    assert.equal(ok(`10,${'0'.repeat(37)}`), 1000, '40 characters');
    assert.equal(err(`10,${'0'.repeat(38)}`), 'fund.money.tooLarge', '41 characters');
  });

  test('leading zeros are not digits of the amount', () => {
    assert.equal(ok('0100'), 10000);
    assert.equal(ok(`${'0'.repeat(14)}100`), 10000);
  });

  test('a leading separator is the decimal one, whatever the language', () => {
    assert.equal(ok('.500', 'nl'), 50);
    assert.equal(ok(',500', 'en'), 50);
  });

  test('spaces group thousands only in threes, optionally with decimals', () => {
    assert.equal(ok('1 500'), 150000);
    assert.equal(ok('15 000'), 1500000);
    assert.equal(ok('1 000 000'), 100000000);
    assert.equal(ok('1\u00a0500,50'), 150050);
    for (const input of ['1 500 0', ',5 000', '1 50 000']) assert.equal(err(input), 'fund.money.invalid', input);
  });

  test('a currency or a round-amount dash inside the number is not an amount', () => {
    for (const input of ['1€5', '1eur5', '1,-5']) assert.equal(err(input), 'fund.money.invalid', input);
  });
});

describe('parseHours', () => {
  test('whole hours with grouping; empty is zero only when optional', () => {
    assert.deepEqual(parseHours('1600'), { ok: true, value: 1600 });
    assert.deepEqual(parseHours('1.600'), { ok: true, value: 1600 });
    assert.deepEqual(parseHours('1,600 uur'), { ok: true, value: 1600 });
    assert.deepEqual(parseHours('40,0'), { ok: true, value: 40 });
    assert.deepEqual(parseHours('', { optional: true }), { ok: true, value: 0 });
    assert.deepEqual(parseHours(''), { ok: false, error: 'fund.hours.required' });
    assert.deepEqual(parseHours('-4'), { ok: false, error: 'fund.hours.negative' });
    assert.deepEqual(parseHours('2,5'), { ok: false, error: 'fund.hours.whole' });
    assert.deepEqual(parseHours('veel'), { ok: false, error: 'fund.hours.invalid' });
    assert.deepEqual(parseHours('2000000'), { ok: false, error: 'fund.hours.tooLarge' });
    assert.deepEqual(parseHours('99999999999999'), { ok: false, error: 'fund.hours.tooLarge' });
  });

  test('nothing typed is required, or zero when optional; a number that is not text is invalid', () => {
    for (const input of [undefined, null, '', '   ']) {
      assert.deepEqual(parseHours(input), { ok: false, error: 'fund.hours.required' }, String(input));
      assert.deepEqual(parseHours(input, { optional: true }), { ok: true, value: 0 }, String(input));
    }
    assert.deepEqual(parseHours(40), { ok: false, error: 'fund.hours.invalid' });
  });

  test('units and spaces around the number', () => {
    for (const input of ['  40  ', '40h', '40 h', '40 uur', '40 uren', '40 hour', '40 hours', '40 Hours']) {
      assert.deepEqual(parseHours(input), { ok: true, value: 40 }, input);
    }
    for (const input of ['h40', 'uur 40']) assert.deepEqual(parseHours(input), { ok: false, error: 'fund.hours.invalid' }, input);
  });

  test('whole hours: zero decimals are fine, any other fraction is refused as not whole', () => {
    for (const input of ['40,00', '40.0', '40,0000']) assert.deepEqual(parseHours(input), { ok: true, value: 40 }, input);
    for (const input of ['12,5', '2,25', '2,05', '1.5']) assert.deepEqual(parseHours(input), { ok: false, error: 'fund.hours.whole' }, input);
    for (const input of ['40,0005', 'x40,00', 'a2,5', '10-12', '1.6000', '1000.500']) {
      assert.deepEqual(parseHours(input), { ok: false, error: 'fund.hours.invalid' }, input);
    }
  });

  test('thousands grouping with dots, commas or spaces, in groups of three', () => {
    assert.deepEqual(parseHours('16.000'), { ok: true, value: 16000 });
    assert.deepEqual(parseHours('1 600'), { ok: true, value: 1600 });
    assert.deepEqual(parseHours('1\u00a0600'), { ok: true, value: 1600 });
    assert.deepEqual(parseHours('000001600'), { ok: true, value: 1600 }, 'leading zeros do not make it too large');
  });

  test('the largest number of hours is accepted, one more is too large', () => {
    assert.deepEqual(parseHours('1.000.000'), { ok: true, value: MAX_HOURS });
    assert.deepEqual(parseHours('1000001'), { ok: false, error: 'fund.hours.tooLarge' });
  });
});

describe('formatting and FTE', () => {
  test('formats cents per locale and round-trips through the form', () => {
    assert.equal(formatCents('nl', 150050).replace(/\s/g, ' '), '€ 1.500,50');
    assert.equal(formatCents('en', 150050), '€1,500.50');
    assert.equal(centsForInput('nl', 150050), '1500,50');
    assert.equal(centsForInput('en', 150050), '1500.50');
    for (const cents of [1, 99, 100, 150050, 123456789]) {
      for (const locale of ['nl', 'en'] as const) assert.deepEqual(parseMoney(centsForInput(locale, cents), locale), { ok: true, value: cents });
      assert.deepEqual(parseMoney(formatCents('nl', cents), 'nl'), { ok: true, value: cents }, `nl ${cents}`);
      assert.deepEqual(parseMoney(formatCents('en', cents), 'en'), { ok: true, value: cents }, `en ${cents}`);
    }
  });

  test('hours and FTE convert with the programme hours per FTE', () => {
    assert.equal(hoursToFte(800, 1600), 0.5);
    assert.equal(hoursToFte(1000, 1600), 0.63);
    assert.equal(fteToHours(0.5, 1600), 800);
    assert.equal(formatFte('nl', 800, 1600), '0,50');
    assert.equal(formatFte('en', 2400, 1600), '1.50');
    assert.throws(() => hoursToFte(10, 0), /hours per FTE must be positive/);
    assert.throws(() => hoursToFte(10, Number.NaN), /hours per FTE must be positive/);
    assert.throws(() => fteToHours(1, -5), /hours per FTE must be positive/);
    assert.throws(() => fteToHours(1, 0), /hours per FTE must be positive/);
    assert.throws(() => fteToHours(1, Number.POSITIVE_INFINITY), /hours per FTE must be positive/);
  });

  test('hours are shown as whole numbers with the locale\'s grouping', () => {
    assert.equal(formatHours('nl', 1600), '1.600');
    assert.equal(formatHours('en', 1600), '1,600');
    assert.equal(formatHours('nl', 1600.4), '1.600');
    assert.equal(formatHours('en', 1600.6), '1,601', 'whole hours in English too');
    assert.equal(formatHours('en', 0), '0');
  });
});
