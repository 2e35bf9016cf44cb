import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { adoptedAfterwards, carryForward, compareAgendas, isEditable, isValidSpan, spanHasPassed, transition, type AgendaAction } from './annual-agenda.ts';

const action = (nl: string, state: AgendaAction['state'] = 'open'): AgendaAction => ({ actionId: null, description: { nl }, owner: {}, due: {}, state });

describe('annual agenda', () => {
  test('draft -> proposed -> adopted -> published, nothing skipped', () => {
    assert.equal(transition('draft', 'propose'), 'proposed');
    assert.equal(transition('proposed', 'adopt'), 'adopted');
    assert.equal(transition('adopted', 'publish'), 'published');
    assert.equal(transition('draft', 'adopt'), null);
    assert.equal(transition('draft', 'publish'), null);
    assert.equal(transition('published', 'propose'), null);
    assert.equal(transition('adopted', 'reopen'), null);
    assert.equal(transition('proposed', 'reopen'), 'draft');
  });

  test('only a draft is editable', () => {
    assert.equal(isEditable('draft'), true);
    for (const state of ['proposed', 'adopted', 'published'] as const) assert.equal(isEditable(state), false);
  });

  test('spans: one year or a short span like 2017-2018', () => {
    assert.equal(isValidSpan(2017, 2018), true);
    assert.equal(isValidSpan(2019, 2019), true);
    assert.equal(isValidSpan(2019, 2018), false);
    assert.equal(isValidSpan(2017, 2025), false);
    assert.equal(isValidSpan(Number.NaN, 2018), false);
  });

  test('span bounds: years 2000 to 2100, at most three calendar years, whole years only', () => {
    assert.equal(isValidSpan(2000, 2000), true);
    assert.equal(isValidSpan(1999, 2000), false);
    assert.equal(isValidSpan(2100, 2100), true);
    assert.equal(isValidSpan(2100, 2101), false);
    assert.equal(isValidSpan(2017, 2019), true);
    assert.equal(isValidSpan(2017, 2020), false);
    assert.equal(isValidSpan(2017.5, 2018), false);
    assert.equal(isValidSpan(2017, 2018.5), false);
    assert.equal(isValidSpan(2017, Number.NaN), false);
  });

  test('carrying forward drops finished actions and keeps the projects', () => {
    const next = carryForward([
      { projectId: 'p1', lead: {}, staffing: {}, actions: [action('a', 'done'), action('b'), action('c', 'in_progress'), action('d', 'cancelled')] },
      { projectId: 'p2', lead: {}, staffing: {}, actions: [action('e', 'done')] },
    ]);
    assert.deepEqual(next.map((e) => e.projectId), ['p1', 'p2']);
    assert.deepEqual(next[0]!.actions.map((a) => a.description.nl), ['b', 'c']);
    assert.deepEqual(next[1]!.actions, []);
  });

  test('comparing pairs entries by project', () => {
    const left = [
      { projectId: 'p1', lead: { nl: 'X' }, staffing: {}, actions: [action('a')] },
      { projectId: 'p2', lead: { nl: 'Y' }, staffing: {}, actions: [] },
    ];
    const right = [
      { projectId: 'p1', lead: { nl: 'X' }, staffing: {}, actions: [action('a')] },
      { projectId: 'p3', lead: { nl: 'Z' }, staffing: {}, actions: [] },
      { projectId: 'p2', lead: { nl: 'Y2' }, staffing: {}, actions: [] },
    ];
    assert.deepEqual(
      compareAgendas(left, right).map((c) => [c.projectId, c.change]),
      [['p1', 'same'], ['p2', 'changed'], ['p3', 'added']],
    );
    assert.deepEqual(compareAgendas(right, [right[0]!]).map((c) => c.change), ['same', 'removed', 'removed']);
  });

  test('an entry changes when any of its actions changes: description, owner, due or state', () => {
    const entry = (actions: AgendaAction[]) => ({ projectId: 'p1', lead: { nl: 'X' }, staffing: { nl: '1 fte' }, actions });
    const before = entry([action('a')]);
    assert.equal(compareAgendas([before], [entry([action('a')])])[0]!.change, 'same');
    const variants: AgendaAction[] = [
      action('b'),
      { ...action('a'), owner: { nl: 'Gemeente' } },
      { ...action('a'), due: { nl: 'Q1 2019' } },
      action('a', 'done'),
    ];
    for (const changed of variants) assert.equal(compareAgendas([before], [entry([changed])])[0]!.change, 'changed', JSON.stringify(changed));
    assert.equal(compareAgendas([before], [entry([])])[0]!.change, 'changed', 'an action dropped');
    assert.equal(compareAgendas([before], [{ ...before, staffing: { nl: '2 fte' } }])[0]!.change, 'changed', 'staffing');
  });
});

describe('adopting afterwards', () => {
  test('a span has passed only once its last year is over', () => {
    assert.equal(spanHasPassed({ endYear: 2019 }, '2019-12-31'), false);
    assert.equal(spanHasPassed({ endYear: 2019 }, '2020-01-01'), true);
    assert.equal(spanHasPassed({ endYear: 2018 }, '2017-07-07'), false);
    assert.equal(spanHasPassed({ endYear: 2019 }, '2026-12-02'), true);
  });

  test('adopted afterwards: the meeting was after the last year; never without a meeting date', () => {
    assert.equal(adoptedAfterwards({ endYear: 2019 }, '2026-12-02'), true);
    assert.equal(adoptedAfterwards({ endYear: 2019 }, '2019-03-01'), false);
    assert.equal(adoptedAfterwards({ endYear: 2019 }, '2019-12-31'), false);
    assert.equal(adoptedAfterwards({ endYear: 2019 }, '2020-01-01'), true);
    assert.equal(adoptedAfterwards({ endYear: 2019 }, null), false);
  });
});
