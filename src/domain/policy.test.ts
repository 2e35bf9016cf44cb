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

test('the internal side of the programme: admin, coordinator, executive and support only', () => {
  for (const role of ['admin', 'coordinator', 'executive', 'support'] as const) {
    assert.equal(can(actor({ role }), { do: 'programme.viewInternal' }), true, role);
  }
  assert.equal(can(actor({ role: 'lead', projectId: 'project-1' }), { do: 'programme.viewInternal' }), false);
  assert.equal(can(actor({ role: 'partner', organisationId: 'org-a' }), { do: 'programme.viewInternal' }), false);
  assert.equal(can(null, { do: 'programme.viewInternal' }), false);
});

test('anyone with a role in the programme may propose a project', () => {
  assert.equal(can(actor({ role: 'partner', organisationId: 'org-b' }), { do: 'project.propose' }), true);
  assert.equal(can(actor({ role: 'lead', projectId: 'project-2' }), { do: 'project.propose' }), true);
});

test('admin and coordinator edit every project of the programme', () => {
  assert.equal(can(actor({ role: 'admin' }), { do: 'project.edit', project }), true);
  assert.equal(can(actor({ role: 'coordinator' }), { do: 'project.edit', project }), true);
  for (const role of ['executive', 'support'] as const) assert.equal(can(actor({ role }), { do: 'project.edit', project }), false, role);
});

test('the internal side of a project: programme roles, its lead and its partners', () => {
  for (const role of ['admin', 'coordinator', 'executive', 'support'] as const) {
    assert.equal(can(actor({ role }), { do: 'project.viewInternal', project }), true, role);
  }
  assert.equal(can(actor({ role: 'lead', projectId: 'project-1' }), { do: 'project.viewInternal', project }), true);
  assert.equal(can(actor({ role: 'lead', projectId: 'project-2' }), { do: 'project.viewInternal', project }), false);
  const withoutPartners = { id: 'project-1', programmeId };
  assert.equal(can(actor({ role: 'partner', organisationId: 'org-a' }), { do: 'project.viewInternal', project: withoutPartners }), false);
});

test('one matching assignment is enough, and only the matching role counts', () => {
  // Someone who leads another project and coordinates the programme may still manage it.
  assert.equal(can(actor({ role: 'lead', projectId: 'project-2' }, { role: 'coordinator' }), { do: 'programme.manage' }), true);
  // A partner member who also leads this project may edit it.
  assert.equal(can(actor({ role: 'partner', organisationId: 'org-b' }, { role: 'lead', projectId: 'project-1' }), { do: 'project.edit', project }), true);
  // A lead of another project who is also a partner member of this one sees its internal side.
  assert.equal(can(actor({ role: 'lead', projectId: 'project-2' }, { role: 'partner', organisationId: 'org-a' }), { do: 'project.viewInternal', project }), true);
  // A partner assignment that names the project does not make its holder the lead.
  assert.equal(can(actor({ role: 'partner', projectId: 'project-1', organisationId: 'org-b' }), { do: 'project.edit', project }), false);
  // A lead assignment that names an organisation does not make its holder a partner member.
  assert.equal(can(actor({ role: 'lead', projectId: 'project-2', organisationId: 'org-a' }), { do: 'project.viewInternal', project }), false);
});

test('an action no rule knows is denied', () => {
  const unknown = { do: 'programme.delete' } as unknown as Parameters<typeof can>[1];
  assert.equal(can(actor({ role: 'admin' }), unknown), false);
});

test('AccessDenied names the refused action', () => {
  assert.throws(
    () => authorize(actor({ role: 'lead', projectId: 'project-2' }), { do: 'users.manage' }),
    (error: unknown) => error instanceof AccessDenied && error.action === 'users.manage' && error.message === 'Not allowed: users.manage',
  );
});

test('rule builders: public rules let anyone in, programme and record rules only a signed-in actor the rule allows', async () => {
  const { coreRules, programmeRule, publicRecordRule, publicRule, recordRule } = await import('./policy.ts');
  const open = publicRule();
  assert.deepEqual([open.anyone, open.needsRecord, open.allow(null, undefined)], [true, false, true]);

  const leads = programmeRule((a) => a.assignments.some((x) => x.role === 'lead'));
  assert.deepEqual([leads.anyone, leads.needsRecord], [false, false]);
  assert.equal(leads.allow(null, undefined), false, 'an anonymous visitor is refused before the rule is asked');
  assert.equal(leads.allow(actor({ role: 'lead', projectId: 'x' }), undefined), true);
  assert.equal(leads.allow(actor({ role: 'support' }), undefined), false);

  const ownProject = recordRule<{ id: string }>((a, record) => a.assignments.some((x) => x.projectId === record.id));
  assert.deepEqual([ownProject.anyone, ownProject.needsRecord], [false, true]);
  assert.equal(ownProject.allow(null, { id: 'project-1' }), false);
  assert.equal(ownProject.allow(actor({ role: 'lead', projectId: 'project-1' }), { id: 'project-1' }), true);
  assert.equal(ownProject.allow(actor({ role: 'lead', projectId: 'project-1' }), { id: 'project-2' }), false);

  const published = publicRecordRule<{ published: boolean }>((_a, record) => record.published);
  assert.deepEqual([published.anyone, published.needsRecord], [true, true]);
  assert.equal(published.allow(null, { published: true }), true);
  assert.equal(published.allow(null, { published: false }), false);

  // The core rules: any signed-in person uses their account; only an administrator manages users.
  assert.equal(coreRules.public.allow(null, undefined), true);
  assert.equal(coreRules['account.use'].allow(null, undefined), false);
  assert.equal(coreRules['account.use'].allow(actor(), undefined), true);
  assert.equal(coreRules['users.manage'].allow(actor({ role: 'admin' }), undefined), true);
  assert.equal(coreRules['users.manage'].allow(actor({ role: 'coordinator' }), undefined), false);
  assert.equal(coreRules['programme.manage'].allow(actor({ role: 'coordinator' }), undefined), true);
  assert.equal(coreRules['programme.viewInternal'].allow(actor({ role: 'support' }), undefined), true);
  assert.equal(coreRules['programme.viewInternal'].allow(actor({ role: 'partner', organisationId: 'org-a' }), undefined), false);
});
