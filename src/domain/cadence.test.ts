import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { amsterdamYear, checkCadence } from './cadence.ts';

const at = (iso: string, state: 'planned' | 'held' | 'cancelled' = 'planned') => ({ startsAt: new Date(iso), state });

describe('cadence', () => {
  test('support level: four to six meetings a year', () => {
    const meetings = [at('2018-02-01T09:00:00Z', 'held'), at('2018-04-01T09:00:00Z', 'held'), at('2018-06-01T09:00:00Z')];
    const short = checkCadence({ year: 2018, minPerYear: 4, maxPerYear: 6, meetings });
    assert.deepEqual(short, { year: 2018, status: 'short', held: 2, planned: 1, total: 3, min: 4, max: 6 });
    const enough = checkCadence({ year: 2018, minPerYear: 4, maxPerYear: 6, meetings: [...meetings, at('2018-09-01T09:00:00Z')] });
    assert.equal(enough.status, 'ok');
    const seven = [...meetings, ...['07', '08', '09', '10'].map((m) => at(`2018-${m}-01T09:00:00Z`))];
    assert.equal(checkCadence({ year: 2018, minPerYear: 4, maxPerYear: 6, meetings: seven }).status, 'over');
  });

  test('executive level: exactly two is ok, one short, three over', () => {
    const one = [at('2018-03-01T09:00:00Z')];
    assert.equal(checkCadence({ year: 2018, minPerYear: 2, maxPerYear: 2, meetings: one }).status, 'short');
    const two = [...one, at('2018-10-01T09:00:00Z')];
    assert.equal(checkCadence({ year: 2018, minPerYear: 2, maxPerYear: 2, meetings: two }).status, 'ok');
    const three = [...two, at('2018-11-01T09:00:00Z')];
    assert.equal(checkCadence({ year: 2018, minPerYear: 2, maxPerYear: 2, meetings: three }).status, 'over');
  });

  test('cancelled meetings and other years do not count', () => {
    const meetings = [at('2018-03-01T09:00:00Z', 'cancelled'), at('2017-10-01T09:00:00Z', 'held'), at('2018-05-01T09:00:00Z')];
    const result = checkCadence({ year: 2018, minPerYear: 2, maxPerYear: 2, meetings });
    assert.equal(result.total, 1);
    assert.equal(result.status, 'short');
  });

  test('a body without a cadence is unbounded', () => {
    assert.equal(checkCadence({ year: 2018, minPerYear: null, maxPerYear: null, meetings: [] }).status, 'unbounded');
  });

  test('only a minimum, or only a maximum, is checked on its own', () => {
    const three = [at('2018-03-01T09:00:00Z'), at('2018-06-01T09:00:00Z'), at('2018-09-01T09:00:00Z')];
    assert.equal(checkCadence({ year: 2018, minPerYear: 2, maxPerYear: null, meetings: three }).status, 'ok');
    assert.equal(checkCadence({ year: 2018, minPerYear: 4, maxPerYear: null, meetings: three }).status, 'short');
    assert.equal(checkCadence({ year: 2018, minPerYear: null, maxPerYear: 2, meetings: three }).status, 'over');
    assert.equal(checkCadence({ year: 2018, minPerYear: null, maxPerYear: 3, meetings: three }).status, 'ok');
    assert.equal(checkCadence({ year: 2018, minPerYear: null, maxPerYear: 3, meetings: [] }).status, 'ok');
  });

  test('the year is Amsterdam’s: 31 December 23:30 UTC is already next year', () => {
    assert.equal(amsterdamYear(new Date('2018-12-31T23:30:00Z')), 2019);
    const result = checkCadence({ year: 2019, minPerYear: 2, maxPerYear: 2, meetings: [at('2018-12-31T23:30:00Z')] });
    assert.equal(result.total, 1);
  });
});
