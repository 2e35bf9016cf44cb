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

  test('every season name, Dutch and English', () => {
    for (const name of ['voorjaar', 'lente', 'spring']) assert.deepEqual(parsePeriod(`${name} 2018`), { start: '2018-03-01', end: '2018-05-31' }, name);
    for (const name of ['zomer', 'summer']) assert.deepEqual(parsePeriod(`${name} 2018`), { start: '2018-06-01', end: '2018-08-31' }, name);
    for (const name of ['najaar', 'herfst', 'autumn', 'fall']) assert.deepEqual(parsePeriod(`${name} 2018`), { start: '2018-09-01', end: '2018-11-30' }, name);
    assert.deepEqual(parsePeriod('in de zomer van 2018'), { start: '2018-06-01', end: '2018-08-31' });
    assert.deepEqual(parsePeriod('winter 2019'), { start: '2019-12-01', end: '2020-02-29' });
  });

  test('quarters and halves in every wording', () => {
    for (const label of ['Q2 2018', 'kw2 2018', 'K2 2018', '2e kwartaal 2018', '2 kwartaal 2018', '2nd quarter of 2018', '2nd quarter 2018']) {
      assert.deepEqual(parsePeriod(label), { start: '2018-04-01', end: '2018-06-30' }, label);
    }
    assert.deepEqual(parsePeriod('3rd quarter 2018'), { start: '2018-07-01', end: '2018-09-30' });
    for (const label of ['eerste helft 2018', '1e helft van 2018', 'first half of 2018', 'H1 2018']) {
      assert.deepEqual(parsePeriod(label), { start: '2018-01-01', end: '2018-06-30' }, label);
    }
    for (const label of ['tweede helft 2018', '2e helft van 2018', 'second half of 2018', 'second half 2018', 'H2 2018']) {
      assert.deepEqual(parsePeriod(label), { start: '2018-07-01', end: '2018-12-31' }, label);
    }
  });

  test('parts of a year', () => {
    for (const label of ['begin 2018', 'start of 2018', 'early 2018']) assert.deepEqual(parsePeriod(label), { start: '2018-01-01', end: '2018-03-31' }, label);
    for (const label of ['medio 2019', 'mid 2019', 'midden 2019']) assert.deepEqual(parsePeriod(label), { start: '2019-06-01', end: '2019-07-31' }, label);
    for (const label of ['eind 2018', 'end of 2018', 'late 2018', 'in 2018', '2018']) assert.deepEqual(parsePeriod(label), { start: '2018-01-01', end: '2018-12-31' }, label);
    assert.deepEqual(parsePeriod('eind maart 2018'), { start: '2018-03-01', end: '2018-03-31' });
  });

  test('on or no later than a date: due that day', () => {
    for (const label of ['uiterlijk 1 maart 2018', 'op 1-3-2018', 'on 1 March 2018', 'no later than March 1st, 2018']) {
      assert.deepEqual(parsePeriod(label), { start: '2018-03-01', end: '2018-03-01' }, label);
    }
    assert.deepEqual(parsePeriod('uiterlijk voor 1 maart 2018'), { start: '2018-03-01', end: '2018-02-28' });
  });

  test('spacing, capitals and a closing full stop do not matter', () => {
    assert.deepEqual(parsePeriod('  Q1 2018  '), { start: '2018-01-01', end: '2018-03-31' });
    assert.deepEqual(parsePeriod('2e  kwartaal   2018'), { start: '2018-04-01', end: '2018-06-30' });
    assert.deepEqual(parsePeriod('Najaar 2017.'), { start: '2017-09-01', end: '2017-11-30' });
    assert.equal(parsePeriod('March 1, 2018.')?.end, '2018-03-01');
  });

  test('exact dates with one or two digits for day and month', () => {
    assert.equal(parsePeriod('31-12-2018')?.end, '2018-12-31');
    assert.equal(parsePeriod('1/12/2018')?.end, '2018-12-01');
    assert.equal(parsePeriod('17 mei 2018')?.end, '2018-05-17');
    assert.equal(parsePeriod('17e mei 2018')?.end, '2018-05-17');
    assert.equal(parsePeriod('March 17, 2018')?.end, '2018-03-17');
    assert.equal(parsePeriod('March 1 2018')?.end, '2018-03-01');
  });

  test('a label with more than one period, or extra words around one, is not guessed', () => {
    for (const label of [
      'lente of zomer 2018', 'najaar 2017 of 2018', 'maart 2018 of 2019', 'eerste of tweede helft 2018', 'tweede of eerste helft 2018',
      'h1 2018 of 2019', 'h2 2018 of 2019', '2018 of 2019', 'Q1 2018-2019', '2e kwartaal 2018-2019', 'wk1 2018', '11e kwartaal 2018',
      'ruim voor 1 november 2017', 'tot op 1 maart 2018', 'week 2018-05-17', '2018-05-17 of later', '117-5-2018', '17-5-2018 of later',
      'vanaf 1 maart 2018', '1 maart 2018 of later', 'vanaf march 1, 2018', 'march 1, 2018 of later', '1-13-2018',
    ]) {
      assert.equal(parsePeriod(label), null, label);
    }
  });

  test('nonsense and impossible dates are not understood', () => {
    assert.equal(parsePeriod(''), null);
    assert.equal(parsePeriod('binnenkort'), null);
    assert.equal(parsePeriod('31 februari 2018'), null);
    assert.equal(parsePeriod('Q5 2018'), null);
  });
});

test('"uiterlijk" and "op" take an exact date only', () => {
  assert.deepEqual(parsePeriod('uiterlijk 1 november 2017'), { start: '2017-11-01', end: '2017-11-01' });
  assert.deepEqual(parsePeriod('on 30 June 2018'), { start: '2018-06-30', end: '2018-06-30' });
  assert.equal(parsePeriod('uiterlijk najaar 2018'), null);
  assert.equal(parsePeriod('op 31 juni 2018'), null, 'June has no 31st');
  assert.equal(parsePeriod('29 februari 2019'), null);
  assert.deepEqual(parsePeriod('29 februari 2020'), { start: '2020-02-29', end: '2020-02-29' });
});
