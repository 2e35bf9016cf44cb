// The annual agenda's actions against a table written by hand from the agreement (the support
// level proposes, the executive level adopts, the coordinator drafts, records and publishes as
// secretary), not from the policy code.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { transition, type AgendaTransition, type AnnualAgendaState } from '../../domain/annual-agenda.ts';
import type { Actor, Assignment } from '../../domain/policy.ts';
import { can } from '../../policies.ts';
import type { BodyRef } from '../meetings/policy.ts';

const ROLES = ['anonymous', 'partner', 'lead', 'support', 'executive', 'coordinator', 'admin'] as const;
type Role = (typeof ROLES)[number];

function actorFor(role: Role, userId = 'u1'): Actor | null {
  if (role === 'anonymous') return null;
  const assignment: Assignment = role === 'lead' ? { role, projectId: 'x' } : role === 'partner' ? { role, organisationId: 'o1' } : { role };
  return { userId, displayName: 'X', programmeId: 'p1', assignments: [assignment] };
}
const actor = (assignments: Assignment[], userId = 'u1'): Actor => ({ userId, displayName: 'X', programmeId: 'p1', assignments });
const body = (kind: BodyRef['kind'], memberUserIds: string[] = [], programmeId = 'p1'): BodyRef => ({ id: kind, kind, programmeId, memberUserIds });

function expectRow(row: string, answer: (actor: Actor | null) => boolean, what: string) {
  const letters = row.replace(/\s+/g, '');
  assert.equal(letters.length, ROLES.length, what);
  ROLES.forEach((role, index) => assert.equal(answer(actorFor(role)), letters[index] === 'y', `${what} as ${role}`));
}

describe('annual agenda policy', () => {
  test('each step by role', () => {
    //        anon partner lead support executive coordinator admin
    expectRow('-    -       -    -       -         y           y', (a) => can(a, 'agenda.draft'), 'agenda.draft');
    expectRow('-    -       -    y       -         y           y', (a) => can(a, 'agenda.propose', body('support')), 'agenda.propose');
    expectRow('-    -       -    -       y         y           y', (a) => can(a, 'agenda.adopt', body('executive')), 'agenda.adopt');
    expectRow('-    -       -    -       -         y           y', (a) => can(a, 'agenda.publish'), 'agenda.publish');
    // The level's role counts even when the programme has no such body.
    expectRow('-    -       -    y       -         y           y', (a) => can(a, 'agenda.propose', null), 'agenda.propose without a body');
    expectRow('-    -       -    -       y         y           y', (a) => can(a, 'agenda.adopt', null), 'agenda.adopt without a body');
  });

  test('an active seat in the body counts as membership; a seat in another programme’s body does not', () => {
    const seatedOnly = actor([], 'u7');
    assert.equal(can(seatedOnly, 'agenda.propose', body('support', ['u7'])), true);
    assert.equal(can(seatedOnly, 'agenda.adopt', body('executive', ['u7'])), true);
    assert.equal(can(seatedOnly, 'agenda.adopt', body('executive', ['u8'])), false, 'a seat elsewhere does not adopt');
    assert.equal(can(seatedOnly, 'agenda.propose', body('support', ['u7'], 'p2')), false);
    assert.equal(can(seatedOnly, 'agenda.propose', null), false);
    assert.equal(can(seatedOnly, 'agenda.draft'), false);
    assert.equal(can(seatedOnly, 'agenda.publish'), false);
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
