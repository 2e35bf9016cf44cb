import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fromAmsterdam, toAmsterdam } from './meeting-time.ts';

describe('Amsterdam meeting time', () => {
  test('summer time is UTC+2, winter time UTC+1', () => {
    assert.equal(fromAmsterdam('2017-07-07', '15:00')!.toISOString(), '2017-07-07T13:00:00.000Z');
    assert.equal(fromAmsterdam('2018-01-15', '09:30')!.toISOString(), '2018-01-15T08:30:00.000Z');
  });
  test('round trip', () => {
    assert.deepEqual(toAmsterdam(new Date('2018-03-25T00:30:00Z')), { date: '2018-03-25', time: '01:30' });
    assert.deepEqual(toAmsterdam(fromAmsterdam('2018-10-28', '14:00')!), { date: '2018-10-28', time: '14:00' });
  });
  test('invalid and non-existent times are refused', () => {
    assert.equal(fromAmsterdam('2018-02-30', '10:00'), null);
    assert.equal(fromAmsterdam('2018-13-01', '10:00'), null);
    assert.equal(fromAmsterdam('2018-01-01', '24:00'), null);
    assert.equal(fromAmsterdam('yesterday', '10:00'), null);
    assert.equal(fromAmsterdam('2018-03-25', '02:30'), null, 'spring forward skips 02:00-03:00');
    for (const [date, time] of [['2018-00-10', '10:00'], ['2018-01-00', '10:00'], ['2018-01-32', '10:00'], ['2018-01-01', '10:60'], ['2018-1-01', '10:00'], ['2018-01-01', '9:00'], ['2018-01-01 ', '10:00']]) {
      assert.equal(fromAmsterdam(date!, time!), null, `${date} ${time}`);
    }
  });
  test('the first and last valid day, hour and minute are accepted', () => {
    assert.equal(fromAmsterdam('2018-01-01', '00:00')!.toISOString(), '2017-12-31T23:00:00.000Z');
    assert.equal(fromAmsterdam('2018-12-31', '23:59')!.toISOString(), '2018-12-31T22:59:00.000Z');
    assert.equal(fromAmsterdam('2018-07-31', '23:59')!.toISOString(), '2018-07-31T21:59:00.000Z');
    assert.equal(fromAmsterdam('2020-02-29', '12:00')!.toISOString(), '2020-02-29T11:00:00.000Z');
    assert.deepEqual(toAmsterdam(fromAmsterdam('2018-12-31', '23:59')!), { date: '2018-12-31', time: '23:59' });
  });
  test('the ambiguous autumn hour takes the first occurrence (summer time)', () => {
    assert.equal(fromAmsterdam('2018-10-28', '02:30')!.toISOString(), '2018-10-28T00:30:00.000Z');
  });
});
