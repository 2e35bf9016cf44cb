// The portfolio's actions by role, written by hand from the agreement and today's pages (not from
// the rules): anyone with a role proposes; the coordinator (and admin) edits every project of the
// programme, a lead only their own; the programme's internal roles, a project's lead and its
// partners' people see its internal side; the support level judges and recommends, the executive
// level decides; the coordinator or a project's lead links it to another project. Nothing reaches
// into another programme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AccessDenied, type Actor, type Assignment } from '../../domain/policy.ts';
import { authorize, can } from '../../policies.ts';

const OWN = { id: 'project-own', programmeId: 'p1', partnerOrganisationIds: ['o1'] };
const OTHER = { id: 'project-other', programmeId: 'p1', partnerOrganisationIds: ['o2'] };
const THIRD = { id: 'project-third', programmeId: 'p1' };
// Another programme's project with the same id the lead's assignment names.
const FOREIGN = { id: 'project-own', programmeId: 'p2', partnerOrganisationIds: ['o1'] };

const as = (assignments: Assignment[]): Actor => ({ userId: 'u', displayName: 'U', programmeId: 'p1', assignments });

const ROLES: Record<string, Actor | null> = {
  anonymous: null,
  'no role': as([]),
  partner: as([{ role: 'partner', organisationId: 'o1' }]),
  lead: as([{ role: 'lead', projectId: OWN.id }]),
  support: as([{ role: 'support' }]),
  executive: as([{ role: 'executive' }]),
  coordinator: as([{ role: 'coordinator' }]),
  admin: as([{ role: 'admin' }]),
};

// role → propose · edit(own other foreign) · viewInternal(own other foreign) · actionAdd actionEdit partnerEdit partnerJoin (own)
//        · judge recommend decide (other) · link · manage(own+other, other+third, foreign+other)
const TABLE: Record<string, string> = {
  anonymous: '- --- --- ---- --- - ---',
  'no role': '- --- --- ---- --- - ---',
  partner: '+ --- +-- ---- --- - ---',
  lead: '+ +-- +-- ++++ --- + +--',
  support: '+ --- ++- ---- ++- - ---',
  executive: '+ --- ++- ---- --+ - ---',
  coordinator: '+ ++- ++- ++++ ++- + ++-',
  admin: '+ ++- ++- ++++ +++ + ++-',
};

test('each role may do exactly what the hand-written table says', () => {
  for (const [role, row] of Object.entries(TABLE)) {
    const actor = ROLES[role]!;
    const answers = [
      can(actor, 'project.propose'),
      null,
      can(actor, 'project.edit', OWN),
      can(actor, 'project.edit', OTHER),
      can(actor, 'project.edit', FOREIGN),
      null,
      can(actor, 'project.viewInternal', OWN),
      can(actor, 'project.viewInternal', OTHER),
      can(actor, 'project.viewInternal', FOREIGN),
      null,
      can(actor, 'projectAction.add', OWN),
      can(actor, 'projectAction.edit', OWN),
      can(actor, 'partner.edit', OWN),
      can(actor, 'partner.join', OWN),
      null,
      can(actor, 'proposal.judge', OTHER),
      can(actor, 'proposal.recommend', OTHER),
      can(actor, 'proposal.decide', OTHER),
      null,
      can(actor, 'crossOver.link'),
      null,
      can(actor, 'crossOver.manage', [OWN, OTHER]),
      can(actor, 'crossOver.manage', [OTHER, THIRD]),
      can(actor, 'crossOver.manage', [FOREIGN, OTHER]),
    ];
    assert.equal(answers.map((a) => (a === null ? ' ' : a ? '+' : '-')).join(''), row, role);
  }
});

test('a lead changes nothing of a project they do not lead', () => {
  for (const action of ['project.edit', 'projectAction.add', 'projectAction.edit', 'partner.edit', 'partner.join'] as const) {
    assert.equal(can(ROLES.lead, action, OWN), true, action);
    assert.equal(can(ROLES.lead, action, OTHER), false, action);
  }
});

test('one matching assignment is enough, and only the matching role counts', () => {
  // A partner assignment that names the project does not make its holder the lead.
  assert.equal(can(as([{ role: 'partner', projectId: OWN.id, organisationId: 'o9' }]), 'project.edit', OWN), false);
  // A lead assignment that names an organisation does not make its holder a partner member.
  assert.equal(can(as([{ role: 'lead', projectId: OTHER.id, organisationId: 'o1' }]), 'project.viewInternal', OWN), false);
  // A partner of this project who also leads it may edit it.
  assert.equal(can(as([{ role: 'partner', organisationId: 'o9' }, { role: 'lead', projectId: OWN.id }]), 'project.edit', OWN), true);
  // A project without known partners shows its internal side to no partner.
  assert.equal(can(ROLES.partner, 'project.viewInternal', { id: OWN.id, programmeId: 'p1' }), false);
  // Linking needs at least one project.
  assert.equal(can(ROLES.coordinator, 'crossOver.manage', []), false);
});

test('a decision by anyone but the executive level (or admin) is refused with AccessDenied', () => {
  for (const role of ['partner', 'lead', 'support', 'coordinator']) {
    assert.throws(() => authorize(ROLES[role], 'proposal.decide', OWN), AccessDenied, role);
  }
  assert.throws(
    () => authorize(ROLES.lead, 'project.edit', OTHER),
    (error: unknown) => error instanceof AccessDenied && error.action === 'project.edit',
  );
  assert.doesNotThrow(() => authorize(ROLES.executive, 'proposal.decide', OWN));
});
