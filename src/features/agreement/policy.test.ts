// The agreement's rules against a table written by hand from the agreement (art. 9: changes need
// every party's consent; the parties act through their representatives) and today's pages: y is
// allowed, - refused. Columns: anonymous · partner · lead · support · executive · coordinator ·
// admin, each without representing a party, then a partner who represents party A.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Role } from '../../db/schema.ts';
import type { Actor } from '../../domain/policy.ts';
import { can, type ActionName, type RecordOf } from '../../policies.ts';
import type { AgreementStanding } from './policy.ts';

const COLUMNS = ['anonymous', 'partner', 'lead', 'support', 'executive', 'coordinator', 'admin', 'representative'] as const;
type Column = (typeof COLUMNS)[number];

const actorFor = (column: Column, programmeId = 'p1'): Actor | null => {
  if (column === 'anonymous') return null;
  const role: Role = column === 'representative' ? 'partner' : column;
  return { userId: column, displayName: column, programmeId, assignments: [{ role, projectId: role === 'lead' ? 'x' : null, organisationId: role === 'partner' ? 'o' : null }] };
};
/** The actor's standing: only the representative speaks for a party (A). */
const standingFor = (column: Column): AgreementStanding => ({ programmeId: 'p1', representedPartyIds: column === 'representative' ? ['A'] : [] });

function check<A extends ActionName>(action: A, record: (column: Column) => RecordOf<A>, expected: string, programmeId = 'p1') {
  const letters = expected.trim().split(/\s+/);
  assert.equal(letters.length, COLUMNS.length, `${action}: one letter per column`);
  COLUMNS.forEach((column, i) => {
    const allowed = (can as (actor: Actor | null, action: A, record: RecordOf<A>) => boolean)(actorFor(column, programmeId), action, record(column));
    assert.equal(allowed ? 'y' : '-', letters[i], `${action} as ${column}`);
  });
}

describe('agreement policy', () => {
  test('pending proposals: the representatives and the coordinator see and adopt them; adopted ones are public', () => {
    //                                                                  anon partner lead support exec coord admin rep
    check('agreement.viewPending', standingFor, '                        -    -      -    -      -    y     y     y');
    check('amendment.view', (c) => ({ ...standingFor(c), adopted: false }), '- -  -    -      -    y     y     y');
    check('amendment.view', (c) => ({ ...standingFor(c), adopted: true }), ' y y  y    y      y    y     y     y');
    check('amendment.adopt', standingFor, '                              -    -      -    -      -    y     y     y');
  });

  test('only a representative proposes and answers, and only for a party they represent', () => {
    check('amendment.propose', standingFor, '                                  - - - - - - - y');
    check('amendment.propose', (c) => ({ ...standingFor(c), partyId: 'A' }), '- - - - - - - y');
    check('amendment.propose', (c) => ({ ...standingFor(c), partyId: 'B' }), '- - - - - - - -');
    check('amendment.consent', (c) => ({ ...standingFor(c), partyId: 'A' }), '- - - - - - - y');
    check('amendment.consent', (c) => ({ ...standingFor(c), partyId: 'B' }), '- - - - - - - -');
    check('amendment.withdrawAnswer', (c) => ({ ...standingFor(c), partyId: 'A' }), '- - - - - - - y');
    check('amendment.withdrawAnswer', (c) => ({ ...standingFor(c), partyId: 'B' }), '- - - - - - - -');
  });

  test('the coordinator appoints representatives', () => {
    check('agreement.manageRepresentatives', () => undefined as never, '- - - - - y y -');
  });

  test('another programme’s agreement stays closed, even to its coordinator and representatives', () => {
    check('agreement.viewPending', standingFor, '- - - - - - - -', 'p2');
    check('amendment.adopt', standingFor, '- - - - - - - -', 'p2');
    check('amendment.consent', (c) => ({ ...standingFor(c), partyId: 'A' }), '- - - - - - - -', 'p2');
    check('amendment.view', (c) => ({ ...standingFor(c), adopted: true }), 'y y y y y y y y', 'p2');
  });
});
