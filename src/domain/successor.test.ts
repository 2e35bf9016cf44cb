import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActionState, Lifecycle } from '../db/schema.ts';

// The states the schema knows, listed here: a type-only import keeps the domain's tests free of the
// database layer (the mutation run builds src/domain alone); `satisfies` keeps the lists to real states.
const ACTION_STATES = ['open', 'in_progress', 'done', 'cancelled'] as const satisfies readonly ActionState[];
const LIFECYCLES = ['proposed', 'admitted', 'running', 'completed', 'safeguarded', 'rejected', 'stopped'] as const satisfies readonly Lifecycle[];
import { carriedRole, isOpenAction, mayCarryProject, RESERVED_SLUGS, successorBlock, successorEndOn, validProgrammeSlug, validSuccessorStart } from './successor.ts';

describe('successor programme rules', () => {
  test('open and in-progress actions are open; done and cancelled ones stay behind', () => {
    assert.deepEqual(
      ACTION_STATES.filter((state) => isOpenAction(state)),
      ['open', 'in_progress'],
    );
  });

  test('only projects with work ahead may be carried', () => {
    assert.deepEqual(
      LIFECYCLES.filter((lifecycle) => mayCarryProject(lifecycle)),
      ['proposed', 'admitted', 'running'],
    );
  });

  test('a started programme without a successor may get one; one in preparation or with a successor not', () => {
    assert.equal(successorBlock('running', false), null);
    assert.equal(successorBlock('finished', false), null);
    assert.equal(successorBlock('preparation', false), 'preparation');
    assert.equal(successorBlock('finished', true), 'hasSuccessor');
    assert.equal(successorBlock('preparation', true), 'hasSuccessor');
  });

  test('the term ends the day before the anniversary, leap days included', () => {
    assert.equal(successorEndOn('2026-12-03', 5), '2031-12-02');
    assert.equal(successorEndOn('2027-01-01', 1), '2027-12-31');
    assert.equal(successorEndOn('2028-02-29', 4), '2032-02-28');
    assert.equal(successorEndOn('2028-02-29', 1), '2029-02-27');
  });

  test('a successor starts after its predecessor started', () => {
    assert.equal(validSuccessorStart('2017-07-08', '2017-07-07'), true);
    assert.equal(validSuccessorStart('2017-07-07', '2017-07-07'), false);
    assert.equal(validSuccessorStart('2016-01-01', '2017-07-07'), false);
  });

  test('roles carried: the starter’s programme-wide role, leads of carried projects, partner contacts', () => {
    const carried = new Set(['p1']);
    const role = (over: Partial<Parameters<typeof carriedRole>[0]>) => carriedRole({ role: 'lead', userId: 'u', projectId: null, organisationId: null, ...over }, 'starter', carried);
    assert.equal(role({ role: 'coordinator', userId: 'starter' }), true);
    assert.equal(role({ role: 'admin', userId: 'starter' }), true);
    assert.equal(role({ role: 'coordinator', userId: 'other' }), false);
    assert.equal(role({ role: 'admin', userId: 'other' }), false);
    assert.equal(role({ role: 'lead', projectId: 'p1' }), true);
    assert.equal(role({ role: 'lead', projectId: 'p2' }), false);
    assert.equal(role({ role: 'lead', projectId: null }), false);
    assert.equal(role({ role: 'partner', organisationId: 'o1' }), true);
    assert.equal(role({ role: 'partner', organisationId: null }), false);
    assert.equal(role({ role: 'executive', userId: 'starter' }), false);
    assert.equal(role({ role: 'support', userId: 'starter' }), false);
  });

  test('a programme address is lower-case letters and digits joined by single hyphens', () => {
    for (const good of ['leiden-2027', 'ab', 'a1', 'x'.repeat(60)]) assert.equal(validProgrammeSlug(good), true, good);
    for (const bad of ['a', 'Leiden', 'leiden_2027', '-leiden', 'leiden-', 'lei--den', 'x'.repeat(61), 'lei den', '']) assert.equal(validProgrammeSlug(bad), false, bad);
    assert.ok(RESERVED_SLUGS.includes('my-work') && RESERVED_SLUGS.includes('account'));
  });
});
