// The shared rule helpers and the core rules (each capability's own actions are tested in its
// policy.test.ts against its own hand-written table).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AccessDenied,
  coordinates,
  coreRules,
  hasRole,
  inProgramme,
  leadsProject,
  memberOfOrganisation,
  programmeRule,
  publicRecordRule,
  publicRule,
  recordRule,
  seesInternal,
  type Actor,
  type Assignment,
} from './policy.ts';

const programmeId = 'p1';
const actor = (...assignments: Assignment[]): Actor => ({ userId: 'u', displayName: 'U', programmeId, assignments });

test('nobody may do anything without an actor (deny by default)', () => {
  assert.equal(coreRules['programme.manage'].allow(null, undefined), false);
  assert.equal(coreRules['account.use'].allow(null, undefined), false);
  assert.equal(coreRules['programme.viewInternal'].allow(null, undefined), false);
  assert.equal(hasRole(null, 'admin'), false);
  assert.equal(leadsProject(undefined, 'project-1'), false);
  assert.equal(memberOfOrganisation(null, ['org-a']), false);
  assert.equal(coordinates(null), false);
  assert.equal(seesInternal(undefined), false);
});

test('coordinator and admin manage the programme; only admin manages users', () => {
  assert.equal(coreRules['programme.manage'].allow(actor({ role: 'coordinator' }), undefined), true);
  assert.equal(coreRules['programme.manage'].allow(actor({ role: 'admin' }), undefined), true);
  for (const role of ['executive', 'support', 'lead', 'partner'] as const) {
    assert.equal(coreRules['programme.manage'].allow(actor({ role, projectId: 'x', organisationId: 'y' }), undefined), false, role);
  }
  assert.equal(coreRules['users.manage'].allow(actor({ role: 'coordinator' }), undefined), false);
  assert.equal(coreRules['users.manage'].allow(actor({ role: 'admin' }), undefined), true);
});

test('the internal side of the programme: admin, coordinator, executive and support only', () => {
  for (const role of ['admin', 'coordinator', 'executive', 'support'] as const) {
    assert.equal(coreRules['programme.viewInternal'].allow(actor({ role }), undefined), true, role);
  }
  assert.equal(coreRules['programme.viewInternal'].allow(actor({ role: 'lead', projectId: 'project-1' }), undefined), false);
  assert.equal(coreRules['programme.viewInternal'].allow(actor({ role: 'partner', organisationId: 'org-a' }), undefined), false);
});

test('public pages are for anyone; account pages for anyone signed in', () => {
  assert.equal(coreRules.public.anyone, true);
  assert.equal(coreRules.public.allow(null, undefined), true);
  assert.equal(coreRules['account.use'].anyone, false);
  assert.equal(coreRules['account.use'].allow(actor(), undefined), true);
});

test('the rule builders: who is asked, and whether the record is needed', () => {
  const always = () => true;
  assert.deepEqual([publicRule().anyone, publicRule().needsRecord], [true, false]);
  assert.deepEqual([programmeRule(always).anyone, programmeRule(always).needsRecord], [false, false]);
  assert.deepEqual([recordRule(always).anyone, recordRule(always).needsRecord], [false, true]);
  assert.deepEqual([publicRecordRule(always).anyone, publicRecordRule(always).needsRecord], [true, true]);
  // A signed-in rule never asks its function about an anonymous visitor.
  assert.equal(programmeRule(always).allow(null, undefined), false);
  assert.equal(recordRule(always).allow(null, 'record'), false);
  // A public record rule asks its function, anonymous or not, with the record.
  assert.equal(publicRecordRule((who, record: string) => who === null && record === 'r').allow(null, 'r'), true);
  assert.equal(recordRule((_who, record: string) => record === 'r').allow(actor(), 'other'), false);
});

test('one matching assignment is enough, and only the matching role counts', () => {
  assert.equal(hasRole(actor({ role: 'lead', projectId: 'project-2' }, { role: 'coordinator' }), 'coordinator'), true);
  assert.equal(hasRole(actor({ role: 'lead', projectId: 'project-2' }), 'coordinator', 'admin'), false);
  assert.equal(leadsProject(actor({ role: 'lead', projectId: 'project-1' }), 'project-1'), true);
  assert.equal(leadsProject(actor({ role: 'lead', projectId: 'project-2' }), 'project-1'), false);
  // A partner assignment that names the project does not make its holder the lead.
  assert.equal(leadsProject(actor({ role: 'partner', projectId: 'project-1', organisationId: 'org-b' }), 'project-1'), false);
  assert.equal(memberOfOrganisation(actor({ role: 'partner', organisationId: 'org-a' }), ['org-a']), true);
  assert.equal(memberOfOrganisation(actor({ role: 'partner', organisationId: 'org-b' }), ['org-a']), false);
  // A lead assignment that names an organisation does not make its holder a partner member.
  assert.equal(memberOfOrganisation(actor({ role: 'lead', projectId: 'project-2', organisationId: 'org-a' }), ['org-a']), false);
  assert.equal(memberOfOrganisation(actor({ role: 'partner' }), ['org-a']), false);
});

test('roles never reach into another programme', () => {
  assert.equal(inProgramme(actor({ role: 'coordinator' }), programmeId), true);
  assert.equal(inProgramme(actor({ role: 'coordinator' }), 'p2'), false);
});

test('AccessDenied names the refused action', () => {
  const error = new AccessDenied('users.manage');
  assert.equal(error.action, 'users.manage');
  assert.equal(error.message, 'Not allowed: users.manage');
  assert.ok(error instanceof Error);
});
