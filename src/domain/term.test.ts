import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, endDate, endDateAfterRenewal, termWarning } from './term.ts';

const leiden = { signedOn: '2017-07-07', termYears: 5, renewalYears: 5, renewals: 0 };

describe('agreement term', () => {
  test('five years from signing, ending the day before the anniversary', () => {
    assert.equal(endDate(leiden), '2022-07-06');
    assert.equal(endDate({ ...leiden, renewals: 1 }), '2027-07-06');
    assert.equal(endDate({ ...leiden, renewals: 2 }), '2032-07-06');
    assert.equal(endDateAfterRenewal(leiden), '2027-07-06');
    assert.equal(endDate({ ...leiden, signedOn: '2017-01-01' }), '2021-12-31');
  });

  test('leap days', () => {
    // Signed on a leap day: the anniversary in a common year is 1 March, so it ends on 28 February.
    assert.equal(endDate({ ...leiden, signedOn: '2016-02-29' }), '2021-02-28');
    // Ending in a leap year: the anniversary 29 February 2020 exists, so the last day is the 28th.
    assert.equal(endDate({ signedOn: '2016-02-29', termYears: 4, renewalYears: 4, renewals: 0 }), '2020-02-28');
    // Signed 1 March: the day before in a leap year is 29 February.
    assert.equal(endDate({ ...leiden, signedOn: '2019-03-01' }), '2024-02-29');
    assert.equal(endDate({ ...leiden, signedOn: '2018-03-01' }), '2023-02-28');
  });

  test('month arithmetic clamps to the month end', () => {
    assert.equal(addMonths('2022-08-31', -6), '2022-02-28');
    assert.equal(addMonths('2024-08-31', -6), '2024-02-29');
    assert.equal(addMonths('2022-07-06', -6), '2022-01-06');
    assert.equal(addMonths('2022-01-31', 1), '2022-02-28');
    assert.equal(addMonths('2022-11-15', 3), '2023-02-15');
  });

  test('warnings from six and three months before the end', () => {
    assert.equal(termWarning(leiden, '2022-01-05'), 'none');
    assert.equal(termWarning(leiden, '2022-01-06'), 'six-months');
    assert.equal(termWarning(leiden, '2022-04-05'), 'six-months');
    assert.equal(termWarning(leiden, '2022-04-06'), 'three-months');
    assert.equal(termWarning(leiden, '2022-07-06'), 'three-months');
    assert.equal(termWarning(leiden, '2022-07-07'), 'ended');
    assert.equal(termWarning({ ...leiden, renewals: 1 }, '2022-07-07'), 'none');
    // End 28 February 2021 (leap-day signing): six months before is 28 August 2020.
    const leap = { ...leiden, signedOn: '2016-02-29' };
    assert.equal(termWarning(leap, '2020-08-27'), 'none');
    assert.equal(termWarning(leap, '2020-08-28'), 'six-months');
    assert.equal(termWarning(leap, '2020-11-28'), 'three-months');
  });

  test('refuses dates that do not exist and invalid terms', () => {
    assert.throws(() => endDate({ ...leiden, signedOn: '2017-02-29' }), /calendar date/);
    assert.throws(() => endDate({ ...leiden, signedOn: '7 July 2017' }), /ISO date/);
    assert.throws(() => endDate({ ...leiden, termYears: 0 }), /Invalid term/);
    assert.throws(() => endDate({ ...leiden, renewalYears: 0 }), /Invalid term/);
    assert.throws(() => endDate({ ...leiden, renewals: -1 }), /Invalid term/);
    assert.throws(() => endDate({ ...leiden, signedOn: '2017-13-01' }), /calendar date/);
    assert.throws(() => endDate({ ...leiden, signedOn: '2017-04-31' }), /calendar date/);
    assert.throws(() => endDate({ ...leiden, signedOn: '2017-07-07x' }), /ISO date/);
    assert.throws(() => endDate({ ...leiden, signedOn: 'x2017-07-07' }), /ISO date/);
    assert.throws(() => addMonths('2017-00-10', 1), /calendar date/);
  });
});

test('dates that do not exist are refused, not rolled over', () => {
  for (const bad of ['2019-02-29', '2019-02-30', '2019-04-31', '2019-13-01', '2019-00-10', '2019-01-00', '2019-1-01', 'soon']) {
    assert.throws(() => addMonths(bad, 1), /Not an ISO date|Not a calendar date/, bad);
    assert.throws(() => endDate({ ...leiden, signedOn: bad }), /Not an ISO date|Not a calendar date/, bad);
  }
  assert.equal(addMonths('2020-02-29', 12), '2021-02-28');
  assert.equal(addMonths('2019-12-31', 0), '2019-12-31');
});
