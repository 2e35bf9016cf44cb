import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePeriod } from './periods.ts';

describe('parsePeriod', () => {
  test('the agreement\'s own wordings', () => {
    assert.deepEqual(parsePeriod('najaar 2017'), { start: '2017-09-01', end: '2017-11-30' });
    assert.deepEqual(parsePeriod('autumn 2017'), { start: '2017-09-01', end: '2017-11-30' });
    assert.deepEqual(parsePeriod('Q1 2018'), { start: '2018-01-01', end: '2018-03-31' });
    assert.deepEqual(parsePeriod('voor 1 november 2017'), { start: '2017-11-01', end: '2017-10-31' });
    assert.deepEqual(parsePeriod('before 1 November 2017'), { start: '2017-11-01', end: '2017-10-31' });
  });

  test('quarters, months, halves and years', () => {
    assert.equal(parsePeriod('Q4 2019')?.end, '2019-12-31');
    assert.equal(parsePeriod('2e kwartaal 2018')?.end, '2018-06-30');
    assert.equal(parsePeriod('februari 2020')?.end, '2020-02-29');
    assert.equal(parsePeriod('eind 2018')?.end, '2018-12-31');
    assert.equal(parsePeriod('begin 2018')?.end, '2018-03-31');
    assert.equal(parsePeriod('medio 2019')?.end, '2019-07-31');
    assert.equal(parsePeriod('eerste helft 2018')?.end, '2018-06-30');
    assert.equal(parsePeriod('2021')?.start, '2021-01-01');
  });

  test('winter runs into the next year', () => {
    assert.deepEqual(parsePeriod('winter 2017'), { start: '2017-12-01', end: '2018-02-28' });
  });

  test('exact dates in several forms', () => {
    assert.equal(parsePeriod('2018-05-17')?.end, '2018-05-17');
    assert.equal(parsePeriod('17-5-2018')?.end, '2018-05-17');
    assert.equal(parsePeriod('1 maart 2018')?.end, '2018-03-01');
    assert.equal(parsePeriod('March 1, 2018')?.end, '2018-03-01');
    assert.equal(parsePeriod('by 1 March 2018')?.end, '2018-03-01');
    assert.equal(parsePeriod('voor de zomer van 2018')?.end, '2018-05-31');
  });

  test('nonsense and impossible dates are not understood', () => {
    assert.equal(parsePeriod(''), null);
    assert.equal(parsePeriod('binnenkort'), null);
    assert.equal(parsePeriod('31 februari 2018'), null);
    assert.equal(parsePeriod('Q5 2018'), null);
  });
});
