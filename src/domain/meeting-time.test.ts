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
  });
  test('the ambiguous autumn hour takes the first occurrence (summer time)', () => {
    assert.equal(fromAmsterdam('2018-10-28', '02:30')!.toISOString(), '2018-10-28T00:30:00.000Z');
  });
});
