import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AccessDenied, authorize, can, type Actor, type Assignment } from './policy.ts';

const programmeId = 'p1';
const project = { id: 'project-1', programmeId, partnerOrganisationIds: ['org-a'] };
const actor = (...assignments: Assignment[]): Actor => ({ userId: 'u', displayName: 'U', programmeId, assignments });

test('nobody may do anything without an actor (deny by default)', () => {
  assert.equal(can(null, { do: 'programme.manage' }), false);
  assert.equal(can(undefined, { do: 'project.edit', project }), false);
  assert.equal(can(actor(), { do: 'project.propose' }), false);
});

test('coordinator and admin manage the programme; others do not', () => {
  assert.equal(can(actor({ role: 'coordinator' }), { do: 'programme.manage' }), true);
  assert.equal(can(actor({ role: 'admin' }), { do: 'programme.manage' }), true);
  for (const role of ['executive', 'support', 'lead', 'partner'] as const) {
    assert.equal(can(actor({ role, projectId: 'x', organisationId: 'y' }), { do: 'programme.manage' }), false, role);
  }
  assert.equal(can(actor({ role: 'coordinator' }), { do: 'users.manage' }), false);
  assert.equal(can(actor({ role: 'admin' }), { do: 'users.manage' }), true);
});

test('a lead edits only their own project', () => {
  assert.equal(can(actor({ role: 'lead', projectId: 'project-1' }), { do: 'project.edit', project }), true);
  assert.equal(can(actor({ role: 'lead', projectId: 'project-2' }), { do: 'project.edit', project }), false);
});

test('roles never reach into another programme', () => {
  const elsewhere = { ...project, programmeId: 'p2' };
  assert.equal(can(actor({ role: 'coordinator' }), { do: 'project.edit', project: elsewhere }), false);
  assert.equal(can(actor({ role: 'lead', projectId: 'project-1' }), { do: 'project.viewInternal', project: elsewhere }), false);
});

test('partner members see the internal side of their organisation\'s projects only', () => {
  assert.equal(can(actor({ role: 'partner', organisationId: 'org-a' }), { do: 'project.viewInternal', project }), true);
  assert.equal(can(actor({ role: 'partner', organisationId: 'org-b' }), { do: 'project.viewInternal', project }), false);
  assert.equal(can(actor({ role: 'partner', organisationId: 'org-a' }), { do: 'project.edit', project }), false);
});

test('authorize throws AccessDenied when can says no', () => {
  assert.throws(() => authorize(actor({ role: 'partner', organisationId: 'org-a' }), { do: 'programme.manage' }), AccessDenied);
  assert.doesNotThrow(() => authorize(actor({ role: 'coordinator' }), { do: 'programme.manage' }));
});
