import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { transition, type AgendaTransition, type AnnualAgendaState } from '../../domain/annual-agenda.ts';
import type { Actor, Assignment } from '../../domain/policy.ts';
import type { BodyRef } from '../meetings/policy.ts';
import { canAgenda } from './policy.ts';

const actor = (assignments: Assignment[], userId = 'u1', programmeId = 'p1'): Actor => ({ userId, displayName: 'X', programmeId, assignments });
const body = (kind: BodyRef['kind'], memberUserIds: string[] = [], programmeId = 'p1'): BodyRef => ({ id: kind, kind, programmeId, memberUserIds });
const propose = (support: BodyRef | null = body('support')) => ({ do: 'agenda.propose' as const, support });
const adopt = (executive: BodyRef | null = body('executive')) => ({ do: 'agenda.adopt' as const, executive });

describe('annual agenda policy', () => {
  test('a partner member or a project lead takes no step', () => {
    for (const who of [actor([{ role: 'partner', organisationId: 'o1' }]), actor([{ role: 'lead', projectId: 'x' }]), actor([])]) {
      assert.equal(canAgenda(who, propose()), false);
      assert.equal(canAgenda(who, adopt()), false);
      assert.equal(canAgenda(who, { do: 'agenda.publish' }), false);
      assert.equal(canAgenda(who, { do: 'agenda.draft' }), false);
    }
    assert.equal(canAgenda(null, propose()), false);
  });

  test('the support level proposes, and only proposes', () => {
    const support = actor([{ role: 'support' }]);
    assert.equal(canAgenda(support, propose()), true);
    assert.equal(canAgenda(support, adopt()), false);
    assert.equal(canAgenda(support, { do: 'agenda.publish' }), false);
    assert.equal(canAgenda(support, { do: 'agenda.draft' }), false);
  });

  test('the executive level adopts, and does not propose or publish', () => {
    const executive = actor([{ role: 'executive' }]);
    assert.equal(canAgenda(executive, adopt()), true);
    assert.equal(canAgenda(executive, propose()), false);
    assert.equal(canAgenda(executive, { do: 'agenda.publish' }), false);
  });

  test('an active seat in the body counts as membership; a seat in another programme’s body does not', () => {
    const seatedOnly = actor([], 'u7');
    assert.equal(canAgenda(seatedOnly, propose(body('support', ['u7']))), true);
    assert.equal(canAgenda(seatedOnly, adopt(body('executive', ['u7']))), true);
    assert.equal(canAgenda(seatedOnly, adopt(body('executive', ['u8']))), false, 'a seat elsewhere does not adopt');
    assert.equal(canAgenda(seatedOnly, propose(body('support', ['u7'], 'p2'))), false);
    assert.equal(canAgenda(seatedOnly, propose(null)), false);
  });

  test('the coordinator, as secretary, takes every step; so does the admin', () => {
    for (const role of ['coordinator', 'admin'] as const) {
      const who = actor([{ role }]);
      for (const action of [propose(), adopt(), { do: 'agenda.publish' as const }, { do: 'agenda.draft' as const }]) assert.equal(canAgenda(who, action), true, `${role} ${action.do}`);
    }
  });

  test('nobody skips a state: each step only from the state before it', () => {
    const allowed: Record<AgendaTransition, AnnualAgendaState[]> = { propose: ['draft'], adopt: ['proposed'], publish: ['adopted'], reopen: ['proposed'] };
    for (const [step, from] of Object.entries(allowed) as [AgendaTransition, AnnualAgendaState[]][]) {
      for (const state of ['draft', 'proposed', 'adopted', 'published'] as const) {
        assert.equal(transition(state, step) !== null, from.includes(state), `${step} from ${state}`);
      }
    }
  });
});
