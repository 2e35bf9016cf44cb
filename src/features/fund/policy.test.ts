// The fund's actions by role, written by hand from the agreement and today's pages (not from the
// rules): the coordinator (and an admin) keeps the books: funds, the hours per FTE, contributions,
// corrections, payments; only the executive level awards and only the support level advises; a
// lead applies for their own project and opens its applications; partners see the balances (their
// own earmark) but no applications or reports; both steering levels see everything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AccessDenied, type Actor, type Assignment } from '../../domain/policy.ts';
import { authorize, can } from '../../policies.ts';
import { ledProjects, partnerOrganisations } from './policy.ts';

const OWN = 'project-own';
const OTHER = 'project-other';
const as = (assignments: Assignment[]): Actor => ({ userId: 'u', displayName: 'U', programmeId: 'p1', assignments });

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

// role → view viewReports manage contribute correct pay apply · applyFor(own other) · viewApplication(own other) advise award
const TABLE: Record<string, string> = {
  anonymous: '------- -- -- --',
  'no role': '------- -- -- --',
  partner: '+------ -- -- --',
  lead: '+-----+ +- +- --',
  support: '++----- -- ++ +-',
  executive: '++----- -- ++ -+',
  coordinator: '++++++- -- ++ --',
  admin: '++++++- -- ++ --',
};

test('each role may do exactly what the hand-written table says', () => {
  for (const [role, row] of Object.entries(TABLE)) {
    const actor = ROLES[role]!;
    const own = { projectId: OWN };
    const other = { projectId: OTHER };
    const answers = [
      can(actor, 'fund.view'),
      can(actor, 'fund.viewReports'),
      can(actor, 'fund.manage'),
      can(actor, 'fund.contribute'),
      can(actor, 'fund.correct'),
      can(actor, 'fund.pay'),
      can(actor, 'fund.apply'),
      null,
      can(actor, 'fund.applyFor', { id: OWN }),
      can(actor, 'fund.applyFor', { id: OTHER }),
      null,
      can(actor, 'fund.viewApplication', own),
      can(actor, 'fund.viewApplication', other),
      null,
      can(actor, 'fund.advise', own),
      can(actor, 'fund.award', own),
    ];
    assert.equal(answers.map((a) => (a === null ? ' ' : a ? '+' : '-')).join(''), row, role);
  }
});

test('the fund’s scoping: a partner sees its own earmark, a lead applies for the projects it leads', () => {
  assert.deepEqual(partnerOrganisations(ROLES.partner), ['o1']);
  assert.deepEqual(partnerOrganisations(ROLES.coordinator), []);
  assert.deepEqual(ledProjects(ROLES.lead), [OWN]);
  assert.deepEqual(ledProjects(null), []);
});

test('an award by anyone but the executive level is refused with AccessDenied', () => {
  for (const role of ['lead', 'support', 'coordinator', 'admin', 'partner']) {
    assert.throws(() => authorize(ROLES[role], 'fund.award', { projectId: OWN }), AccessDenied, role);
  }
  assert.doesNotThrow(() => authorize(ROLES.executive, 'fund.award', { projectId: OWN }));
});
