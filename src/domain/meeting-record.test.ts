import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decisionStatus, inForce, recordBlock } from './meeting-record.ts';

describe('meeting record', () => {
  const startsAt = new Date('2019-03-01T13:00:00Z');

  test('nothing is recorded before the start; from the start minute on it is', () => {
    assert.equal(recordBlock({ startsAt, state: 'planned' }, new Date('2019-03-01T12:59:59Z')), 'notYetStarted');
    assert.equal(recordBlock({ startsAt, state: 'planned' }, new Date('2019-03-01T13:00:00Z')), null);
    assert.equal(recordBlock({ startsAt, state: 'held' }, new Date('2020-01-01T00:00:00Z')), null);
    // A meeting marked held before its start is still in the future: not yet.
    assert.equal(recordBlock({ startsAt, state: 'held' }, new Date('2019-02-01T00:00:00Z')), 'notYetStarted');
  });

  test('a cancelled meeting records nothing, before or after its date', () => {
    assert.equal(recordBlock({ startsAt, state: 'cancelled' }, new Date('2019-02-01T00:00:00Z')), 'cancelled');
    assert.equal(recordBlock({ startsAt, state: 'cancelled' }, new Date('2020-02-01T00:00:00Z')), 'cancelled');
  });

  test('a decision counts only when confirmed and not withdrawn', () => {
    const at = new Date('2019-03-02T10:00:00Z');
    assert.equal(decisionStatus({ confirmedAt: null, withdrawnAt: null }), 'awaitingConfirmation');
    assert.equal(inForce({ confirmedAt: null, withdrawnAt: null }), false);
    assert.equal(decisionStatus({ confirmedAt: at, withdrawnAt: null }), 'confirmed');
    assert.equal(inForce({ confirmedAt: at, withdrawnAt: null }), true);
    assert.equal(decisionStatus({ confirmedAt: at, withdrawnAt: at }), 'withdrawn');
    assert.equal(inForce({ confirmedAt: at, withdrawnAt: at }), false);
    assert.equal(inForce({ confirmedAt: null, withdrawnAt: at }), false);
  });
});
