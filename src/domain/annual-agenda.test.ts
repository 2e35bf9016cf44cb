import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { carryForward, compareAgendas, isEditable, isValidSpan, transition, type AgendaAction } from './annual-agenda.ts';

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
});
