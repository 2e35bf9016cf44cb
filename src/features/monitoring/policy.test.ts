// The monitoring actions by role, written by hand from the agreement's division of work and
// today's pages (not from the rules): the coordinator (and an admin) records every measurement and
// may file any project's report; a project's lead records the project's own targets and files its
// report; steering-group members and partners only read; anyone with a role sees the deadlines;
// only an admin reads the outbox; the coordinator sends invitations; every signed-in person sets
// their own mail preferences; the unsubscribe link works for anyone holding it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AccessDenied, type Actor, type Assignment } from '../../domain/policy.ts';
import { authorize, can } from '../../policies.ts';

const PROGRAMME = 'p1';
const OWN = 'project-own';
const OTHER = 'project-other';
const as = (assignments: Assignment[], programmeId = PROGRAMME): Actor => ({ userId: 'u', displayName: 'U', programmeId, assignments });

const ROLES: Record<string, Actor | null> = {
  anonymous: null,
  'no role': as([]),
  partner: as([{ role: 'partner', organisationId: 'o1' }]),
  lead: as([{ role: 'lead', projectId: OWN }]),
  support: as([{ role: 'support' }]),
  executive: as([{ role: 'executive' }]),
  coordinator: as([{ role: 'coordinator' }]),
  admin: as([{ role: 'admin' }]),
};

const programmeTarget = { programmeId: PROGRAMME, projectId: null };
const ownTarget = { programmeId: PROGRAMME, projectId: OWN };
const otherTarget = { programmeId: PROGRAMME, projectId: OTHER };
const ownProject = { id: OWN, programmeId: PROGRAMME };
const otherProject = { id: OTHER, programmeId: PROGRAMME };

// role → [record: programme target, own project's target, other project's target; report: own, other;
//         deadlines, outbox, invitations, preferences, unsubscribe]
const TABLE: Record<string, string> = {
  anonymous: '--- -- ---- +',
  'no role': '--- -- ---+ +',
  partner: '--- -- +--+ +',
  lead: '-+- +- +--+ +',
  support: '--- -- +--+ +',
  executive: '--- -- +--+ +',
  coordinator: '+++ ++ +-++ +',
  admin: '+++ ++ ++++ +',
};

test('each role may do exactly what the hand-written table says', () => {
  for (const [role, row] of Object.entries(TABLE)) {
    const actor = ROLES[role]!;
    const got = [
      can(actor, 'measurement.record', programmeTarget),
      can(actor, 'measurement.record', ownTarget),
      can(actor, 'measurement.record', otherTarget),
      ' ',
      can(actor, 'report.file', ownProject),
      can(actor, 'report.file', otherProject),
      ' ',
      can(actor, 'deadlines.view'),
      can(actor, 'outbox.view'),
      can(actor, 'meeting.sendInvitations'),
      can(actor, 'mail.setPreferences'),
      ' ',
      can(actor, 'mail.unsubscribe'),
    ]
      .map((answer) => (answer === ' ' ? ' ' : answer ? '+' : '-'))
      .join('');
    assert.equal(got, row, role);
    // Reading the reports is allowed to exactly who files them.
    assert.equal(can(actor, 'report.view', ownProject), can(actor, 'report.file', ownProject), `${role}: report.view`);
  }
});

test('another programme’s targets and reports stay closed, even to its coordinator', () => {
  const elsewhere = as([{ role: 'coordinator' }], 'p2');
  assert.equal(can(elsewhere, 'measurement.record', programmeTarget), false);
  assert.equal(can(elsewhere, 'report.file', ownProject), false);
  const leadElsewhere = as([{ role: 'lead', projectId: OWN }], 'p2');
  assert.equal(can(leadElsewhere, 'measurement.record', ownTarget), false);
  assert.throws(() => authorize(leadElsewhere, 'report.file', ownProject), AccessDenied);
});
