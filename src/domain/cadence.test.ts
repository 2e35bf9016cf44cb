import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { amsterdamYear, averageCadence, cadenceRuleOf, oneDecimal, rangeCadence, termShareOfYear, YEAR, yearsWithoutAdoptedAgenda, type MeetingState } from './cadence.ts';

const at = (iso: string, state: MeetingState = 'planned') => ({ startsAt: new Date(iso), state });
// Leiden's term: signed 7 July 2017, five years.
const LEIDEN = { termStart: '2017-07-07', termEnd: '2022-07-06' };

describe('cadence rule of a body', () => {
  test('the executive level’s single number is an average; the support level a range; none without numbers', () => {
    assert.deepEqual(cadenceRuleOf({ kind: 'executive', minMeetingsPerYear: 2, maxMeetingsPerYear: 2 }), { kind: 'average', perYear: 2 });
    assert.deepEqual(cadenceRuleOf({ kind: 'support', minMeetingsPerYear: 4, maxMeetingsPerYear: 6 }), { kind: 'range', min: 4, max: 6 });
    assert.deepEqual(cadenceRuleOf({ kind: 'support', minMeetingsPerYear: 2, maxMeetingsPerYear: 2 }), { kind: 'range', min: 2, max: 2 }, 'only the executive level averages');
    assert.deepEqual(cadenceRuleOf({ kind: 'executive', minMeetingsPerYear: 2, maxMeetingsPerYear: 3 }), { kind: 'range', min: 2, max: 3 });
    assert.deepEqual(cadenceRuleOf({ kind: 'executive', minMeetingsPerYear: null, maxMeetingsPerYear: 2 }), { kind: 'range', min: null, max: 2 });
    assert.deepEqual(cadenceRuleOf({ kind: 'executive', minMeetingsPerYear: 2, maxMeetingsPerYear: null }), { kind: 'range', min: 2, max: null });
    assert.equal(cadenceRuleOf({ kind: 'coordinator', minMeetingsPerYear: null, maxMeetingsPerYear: null }), null);
    assert.equal(cadenceRuleOf({ kind: 'executive', minMeetingsPerYear: null, maxMeetingsPerYear: null }), null);
  });
});

describe('average over the term (executive level: "gemiddeld twee keer per jaar")', () => {
  test('a part-year counts pro rata: one meeting in the first half-year of the term is an average of about two', () => {
    // 7 July 2017 to 7 January 2018: 184 days.
    const result = averageCadence({ perYear: 2, ...LEIDEN, now: new Date('2018-01-07T00:00:00Z'), meetings: [at('2017-10-05T14:00:00Z', 'held')] });
    assert.equal(result.held, 1);
    assert.equal(result.planned, 0);
    assert.equal(result.years, 0.5);
    assert.equal(result.average, oneDecimal(1 / ((184 * 86_400_000) / YEAR)));
    assert.equal(result.average, 2);
    assert.equal(result.forecast, 2);
    assert.equal(result.status, 'ok');
  });

  test('never a yearly maximum: three meetings in one year after a year without any is on average fine', () => {
    const meetings = ['2018-02-01', '2018-06-01', '2018-11-01', '2019-03-01', '2020-02-01', '2020-09-01'].map((d) => at(`${d}T13:00:00Z`, 'held'));
    const result = averageCadence({ perYear: 2, ...LEIDEN, now: new Date('2020-10-01T00:00:00Z'), meetings });
    assert.equal(result.held, 6);
    assert.equal(result.years, 3.2);
    assert.equal(result.average, 1.9);
    assert.equal(result.status, 'short', '1.9 is below two on average');
    const planned = averageCadence({ perYear: 2, ...LEIDEN, now: new Date('2020-10-01T00:00:00Z'), meetings: [...meetings, at('2020-12-01T13:00:00Z')] });
    assert.equal(planned.planned, 1);
    assert.equal(planned.average, 1.9, 'the average counts held meetings only');
    assert.equal(planned.forecast, 2.1, 'the forecast adds the planned meeting, over the term up to it');
    assert.equal(planned.status, 'ok');
  });

  test('the forecast stretches the term to the last planned meeting: planning far ahead does not inflate it', () => {
    const now = new Date('2019-07-07T00:00:00Z'); // two years into the term
    const held = ['2017-10-01', '2018-03-01', '2018-10-01', '2019-03-01'].map((d) => at(`${d}T12:00:00Z`, 'held'));
    const near = averageCadence({ perYear: 2, ...LEIDEN, now, meetings: [...held, at('2019-10-01T12:00:00Z')] });
    assert.equal(near.average, 2);
    assert.equal(near.forecast, oneDecimal(5 / ((Date.parse('2019-10-01T12:00:00Z') - Date.parse('2017-07-07T00:00:00Z')) / YEAR)));
    assert.equal(near.forecast, 2.2);
    const far = averageCadence({ perYear: 2, ...LEIDEN, now, meetings: [...held, at('2021-07-07T12:00:00Z')] });
    assert.equal(far.forecast, 1.2, 'five meetings over four years');
    assert.equal(far.status, 'short');
  });

  test('cancelled meetings and meetings outside the term do not count; a meeting counts as held once it has started, whatever its label', () => {
    const meetings = [at('2017-07-06T12:00:00Z', 'held'), at('2022-07-07T12:00:00Z'), at('2018-01-10T12:00:00Z', 'cancelled'), at('2017-12-01T12:00:00Z', 'planned'), at('2017-07-07T00:00:00Z', 'held')];
    const result = averageCadence({ perYear: 2, ...LEIDEN, now: new Date('2018-01-07T00:00:00Z'), meetings });
    assert.equal(result.held, 2, 'the first day of the term and the unlabelled past meeting');
    assert.equal(result.planned, 0);
    assert.equal(result.forecast, 4);
  });

  test('the term ends at midnight after its last day; a meeting starting this very moment is held', () => {
    const afterEnd = averageCadence({ perYear: 2, ...LEIDEN, now: new Date('2022-08-01T00:00:00Z'), meetings: [at('2022-07-07T00:00:00Z'), at('2022-07-06T23:59:59Z')] });
    assert.equal(afterEnd.held, 1, 'the first instant after the term is outside it');
    const now = new Date('2018-03-01T13:00:00Z');
    const starting = averageCadence({ perYear: 2, ...LEIDEN, now, meetings: [at('2018-03-01T13:00:00Z')] });
    assert.equal(starting.held, 1);
    assert.equal(starting.planned, 0);
    const range = rangeCadence({ year: 2018, min: 4, max: 6, ...LEIDEN, now, meetings: [at('2018-03-01T13:00:00Z'), at('2018-03-01T13:00:01Z')] });
    assert.equal(range.held, 1);
    assert.equal(range.planned, 1);
  });

  test('the last day of the term is in it; after the term the average is over the whole term', () => {
    const meetings = [at('2022-07-06T12:00:00Z', 'held'), ...Array.from({ length: 9 }, (_, i) => at(`${2017 + Math.floor((i + 1) / 2)}-${i % 2 ? '03' : '10'}-01T12:00:00Z`, 'held'))];
    const result = averageCadence({ perYear: 2, ...LEIDEN, now: new Date('2040-01-01T00:00:00Z'), meetings });
    assert.equal(result.held, 10);
    assert.equal(result.years, 5);
    assert.equal(result.average, 2);
    assert.equal(result.status, 'ok');
  });

  test('before the term starts there is no average; with a meeting planned there is a forecast', () => {
    const before = averageCadence({ perYear: 2, ...LEIDEN, now: new Date('2017-01-01T00:00:00Z'), meetings: [] });
    assert.deepEqual(before, { status: 'notStarted', perYear: 2, held: 0, planned: 0, years: 0, average: null, forecast: null });
    const planned = averageCadence({ perYear: 2, ...LEIDEN, now: new Date('2017-01-01T00:00:00Z'), meetings: [at('2017-10-05T12:00:00Z')] });
    assert.equal(planned.average, null);
    assert.equal(planned.planned, 1);
    assert.equal(planned.forecast, 4, 'one meeting in about the first quarter of a year');
    assert.equal(planned.status, 'ok');
  });

  test('nothing held or planned a year into the term is short; exactly the figure is ok', () => {
    const now = new Date('2018-07-07T06:00:00Z');
    assert.equal(averageCadence({ perYear: 2, ...LEIDEN, now, meetings: [] }).status, 'short');
    assert.equal(averageCadence({ perYear: 2, ...LEIDEN, now, meetings: [at('2017-09-01T12:00:00Z'), at('2018-03-01T12:00:00Z')] }).status, 'ok');
    assert.equal(averageCadence({ perYear: 2, ...LEIDEN, now, meetings: [at('2017-09-01T12:00:00Z')] }).status, 'short');
  });
});

describe('range per year (support level: "4 à 6 x p.j.")', () => {
  const now = new Date('2018-05-01T00:00:00Z');
  test('a whole year of the term: four to six', () => {
    const three = [at('2018-02-01T09:00:00Z', 'held'), at('2018-04-01T09:00:00Z', 'held'), at('2018-06-01T09:00:00Z')];
    const short = rangeCadence({ year: 2018, min: 4, max: 6, ...LEIDEN, now, meetings: three });
    assert.deepEqual(short, { year: 2018, status: 'short', held: 2, planned: 1, total: 3, min: 4, max: 6, share: 1 });
    const four = [...three, at('2018-09-01T09:00:00Z')];
    assert.equal(rangeCadence({ year: 2018, min: 4, max: 6, ...LEIDEN, now, meetings: four }).status, 'ok');
    const six = [...four, at('2018-10-01T09:00:00Z'), at('2018-11-01T09:00:00Z')];
    assert.equal(rangeCadence({ year: 2018, min: 4, max: 6, ...LEIDEN, now, meetings: six }).status, 'ok');
    const seven = [...six, at('2018-12-01T09:00:00Z')];
    assert.equal(rangeCadence({ year: 2018, min: 4, max: 6, ...LEIDEN, now, meetings: seven }).status, 'over');
  });

  test('a part-year asks for its share: 2017 from 7 July is about half a year, so two or three', () => {
    const share = termShareOfYear(2017, LEIDEN.termStart, LEIDEN.termEnd);
    assert.equal(share, 178 / 365);
    const one = rangeCadence({ year: 2017, min: 4, max: 6, ...LEIDEN, now, meetings: [at('2017-09-01T09:00:00Z', 'held')] });
    assert.equal(one.min, 2);
    assert.equal(one.max, 3);
    assert.equal(one.status, 'short');
    const two = rangeCadence({ year: 2017, min: 4, max: 6, ...LEIDEN, now, meetings: [at('2017-09-01T09:00:00Z'), at('2017-11-01T09:00:00Z')] });
    assert.equal(two.status, 'ok');
    const four = rangeCadence({ year: 2017, min: 4, max: 6, ...LEIDEN, now, meetings: ['08', '09', '10', '11'].map((m) => at(`2017-${m}-01T09:00:00Z`)) });
    assert.equal(four.status, 'over');
    // The last year: 1 January to 6 July 2022.
    assert.equal(termShareOfYear(2022, LEIDEN.termStart, LEIDEN.termEnd), 187 / 365);
    assert.equal(termShareOfYear(2019, LEIDEN.termStart, LEIDEN.termEnd), 1);
    assert.equal(termShareOfYear(2020, '2020-01-01', '2020-12-31'), 1, 'a leap year, whole');
  });

  test('a year outside the term has no range to meet', () => {
    const result = rangeCadence({ year: 2040, min: 4, max: 6, ...LEIDEN, now, meetings: [] });
    assert.equal(result.status, 'outsideTerm');
    assert.equal(result.share, 0);
    assert.equal(termShareOfYear(2016, LEIDEN.termStart, LEIDEN.termEnd), 0);
  });

  test('cancelled meetings and other years do not count; held is by start time', () => {
    const meetings = [at('2018-03-01T09:00:00Z', 'cancelled'), at('2017-10-01T09:00:00Z', 'held'), at('2018-05-01T09:00:00Z', 'planned'), at('2018-04-30T09:00:00Z', 'planned')];
    const result = rangeCadence({ year: 2018, min: 2, max: 2, ...LEIDEN, now, meetings });
    assert.equal(result.total, 2);
    assert.equal(result.held, 1, '30 April has passed');
    assert.equal(result.planned, 1);
    assert.equal(result.status, 'ok');
  });

  test('only a minimum, or only a maximum, is checked on its own', () => {
    const three = [at('2018-03-01T09:00:00Z'), at('2018-06-01T09:00:00Z'), at('2018-09-01T09:00:00Z')];
    const check = (min: number | null, max: number | null, meetings = three) => rangeCadence({ year: 2018, min, max, ...LEIDEN, now, meetings }).status;
    assert.equal(check(2, null), 'ok');
    assert.equal(check(3, null), 'ok');
    assert.equal(check(4, null), 'short');
    assert.equal(check(null, 2), 'over');
    assert.equal(check(null, 3), 'ok');
    assert.equal(check(null, 3, []), 'ok');
    assert.equal(rangeCadence({ year: 2018, min: null, max: null, ...LEIDEN, now, meetings: three }).min, null);
  });

  test('the year is Amsterdam’s: 31 December 23:30 UTC is already next year', () => {
    assert.equal(amsterdamYear(new Date('2018-12-31T23:30:00Z')), 2019);
    assert.equal(amsterdamYear(new Date('2018-12-31T22:30:00Z')), 2018);
    const result = rangeCadence({ year: 2019, min: 1, max: 1, ...LEIDEN, now, meetings: [at('2018-12-31T23:30:00Z')] });
    assert.equal(result.total, 1);
  });
});

describe('years of the term without an adopted annual agenda', () => {
  const agenda = (startYear: number, endYear: number, state = 'adopted') => ({ startYear, endYear, state });
  test('a span covers each of its years; drafts and proposals do not count; published does', () => {
    const missing = yearsWithoutAdoptedAgenda({ ...LEIDEN, now: new Date('2020-03-01T00:00:00Z'), agendas: [agenda(2017, 2018, 'published'), agenda(2019, 2019, 'proposed'), agenda(2020, 2020, 'draft')] });
    assert.deepEqual(missing, [2019, 2020]);
    assert.deepEqual(yearsWithoutAdoptedAgenda({ ...LEIDEN, now: new Date('2020-03-01T00:00:00Z'), agendas: [agenda(2017, 2018), agenda(2019, 2020)] }), []);
  });

  test('only the years up to today, and never past the term', () => {
    assert.deepEqual(yearsWithoutAdoptedAgenda({ ...LEIDEN, now: new Date('2017-08-01T00:00:00Z'), agendas: [] }), [2017]);
    assert.deepEqual(yearsWithoutAdoptedAgenda({ ...LEIDEN, now: new Date('2040-01-01T00:00:00Z'), agendas: [agenda(2017, 2018)] }), [2019, 2020, 2021, 2022]);
    assert.deepEqual(yearsWithoutAdoptedAgenda({ ...LEIDEN, now: new Date('2016-01-01T00:00:00Z'), agendas: [] }), []);
    // New Year's Eve 23:30 UTC is already the next year in Amsterdam.
    assert.deepEqual(yearsWithoutAdoptedAgenda({ ...LEIDEN, now: new Date('2018-12-31T23:30:00Z'), agendas: [agenda(2017, 2018)] }), [2019]);
  });
});
