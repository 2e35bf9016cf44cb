// The meetings actions against a table written by hand from the agreement and today's behaviour
// (not from the policy code): the secretary (coordinator, and admin) prepares every meeting; a
// body's members see its internal records, the executive level also the support level's.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Assignment } from '../../domain/policy.ts';
import { can } from '../../policies.ts';
import type { BodyRef } from './policy.ts';

const ROLES = ['anonymous', 'partner', 'lead', 'support', 'executive', 'coordinator', 'admin'] as const;
type Role = (typeof ROLES)[number];

function actorFor(role: Role, programmeId = 'p1', userId = 'u1'): Actor | null {
  if (role === 'anonymous') return null;
  const assignment: Assignment = role === 'lead' ? { role, projectId: 'x' } : role === 'partner' ? { role, organisationId: 'o1' } : { role };
  return { userId, displayName: 'X', programmeId, assignments: [assignment] };
}

const body = (kind: BodyRef['kind'], memberUserIds: string[] = [], programmeId = 'p1'): BodyRef => ({ id: kind, kind, programmeId, memberUserIds });

/** One letter per role in ROLES order: y allowed, - refused. */
function expectRow(row: string, answer: (actor: Actor | null) => boolean, what: string) {
  const letters = row.replace(/\s+/g, '');
  assert.equal(letters.length, ROLES.length, what);
  ROLES.forEach((role, index) => assert.equal(answer(actorFor(role)), letters[index] === 'y', `${what} as ${role}`));
}

//                                   anon partner lead support executive coordinator admin
const PREPARE = /*                */ '-    -       -    -       -         y           y';

const MEETING_WRITES = [
  'meeting.plan',
  'meeting.update',
  'meeting.recordMinutes',
  'agendaItem.add',
  'agendaItem.move',
  'agendaItem.addDocument',
  'decision.propose',
  'decision.record',
  'decision.withdraw',
  'decision.edit',
  'agendaItem.edit',
  'agendaItem.withdraw',
  'meeting.approveMinutes',
  'meeting.addNote',
  'meeting.recordAttendance',
  'meetingAction.add',
  'meetingAction.complete',
] as const;

const SEES: Record<BodyRef['kind'], string> = {
  support: /*                     */ '-    -       -    y       y         y           y',
  executive: /*                   */ '-    -       -    -       y         y           y',
  coordinator: /*                 */ '-    -       -    -       -         y           y',
};

describe('meetings policy', () => {
  test('the secretary manages a body’s members', () => {
    expectRow(PREPARE, (actor) => can(actor, 'body.manageMembers'), 'body.manageMembers');
  });

  test('how minutes are approved is the coordinator’s setting (the roles are those held in the programme of the address)', () => {
    expectRow(PREPARE, (actor) => can(actor, 'meetings.settings'), 'meetings.settings');
  });

  test('every meeting write is the secretary’s, for a body of their own programme only', () => {
    for (const action of MEETING_WRITES) {
      for (const kind of ['support', 'executive', 'coordinator'] as const) {
        expectRow(PREPARE, (actor) => can(actor, action, body(kind)), `${action} (${kind})`);
        expectRow('- - - - - - -', (actor) => can(actor, action, body(kind, [], 'p2')), `${action} (${kind}, another programme)`);
      }
      assert.equal(can(actorFor('support', 'p1', 'u7'), action, body('support', ['u7'])), false, `${action}: a seat does not make a secretary`);
    }
  });

  test('who sees a body’s internal records: its level, the level above, the secretary', () => {
    for (const action of ['body.viewInternal', 'meeting.view', 'evaluation.view'] as const) {
      for (const kind of ['support', 'executive', 'coordinator'] as const) {
        expectRow(SEES[kind], (actor) => can(actor, action, body(kind)), `${action} (${kind})`);
        expectRow('- - - - - - -', (actor) => can(actor, action, body(kind, ['u1'], 'p2')), `${action} (${kind}, another programme, even seated)`);
      }
    }
  });

  test('an active seat opens the body to someone without a steering role', () => {
    const partner = actorFor('partner', 'p1', 'u9');
    assert.equal(can(partner, 'meeting.view', body('executive', ['u9'])), true);
    assert.equal(can(partner, 'meeting.view', body('executive', ['u8'])), false);
    assert.equal(can(null, 'meeting.view', body('executive', ['u9'])), false);
  });

  test('decision.confirm: a member who attended, never the recorder, never by role alone (four eyes)', () => {
    const decision = (attendedUserIds: string[], recordedByUserId: string | null = 'sec', programmeId = 'p1') => ({ programmeId, attendedUserIds, recordedByUserId });
    // By role alone nobody confirms: not the coordinator who records, not the executive level.
    expectRow('- - - - - - -', (actor) => can(actor, 'decision.confirm', decision([])), 'nobody attended');
    // Every role confirms when it attended as a member (a seat, not a role, makes the member).
    expectRow('- y y y y y y', (actor) => can(actor, 'decision.confirm', decision(['u1'])), 'u1 attended');
    // The person who recorded it never confirms it, even when they attended.
    expectRow('- - - - - - -', (actor) => can(actor, 'decision.confirm', decision(['u1'], 'u1')), 'recorded by u1');
    // Another programme's decision: no.
    expectRow('- - - - - - -', (actor) => can(actor, 'decision.confirm', decision(['u1'], 'sec', 'p2')), 'another programme');
    // Sent apologies or was not there: not in attendedUserIds.
    assert.equal(can(actorFor('executive', 'p1', 'u2'), 'decision.confirm', decision(['u1'])), false);
  });
});
