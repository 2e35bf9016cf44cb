// The file rules answer from the owner's access (what the owning feature grants this actor on one
// record). The table is written by hand from the owners' descriptions in owners.ts, not from the
// rules: a project's files for a visitor, a signed-in reader, the lead and the coordinator; an
// agenda item's documents for a body member; the programme logo for a visitor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../domain/policy.ts';
import { AccessDenied } from '../../domain/policy.ts';
import { authorize, can } from '../../policies.ts';
import type { OwnerAccess } from './policy.ts';

const signedIn: Actor = { userId: 'u', displayName: 'U', programmeId: 'p', assignments: [] };
const access = (grants: Partial<OwnerAccess>): OwnerAccess => ({ readAll: false, readPublic: false, write: false, publish: false, returnTo: '/x', title: { nl: 'x' }, ...grants });

// who · the access their owner grants · [read public file, read internal file, write, publish]
const TABLE: [string, Actor | null, OwnerAccess, [boolean, boolean, boolean, boolean]][] = [
  ['visitor, published project', null, access({ readPublic: true }), [true, false, false, false]],
  ['visitor, internal project', null, access({}), [false, false, false, false]],
  ['signed in, published project', signedIn, access({ readAll: true, readPublic: true }), [true, true, false, false]],
  ['lead of the project', signedIn, access({ readAll: true, readPublic: true, write: true }), [true, true, true, false]],
  ['coordinator', signedIn, access({ readAll: true, readPublic: true, write: true, publish: true }), [true, true, true, true]],
  ['body member, agenda item', signedIn, access({ readAll: true }), [true, true, false, false]],
  ['visitor, programme logo', null, access({ readAll: true, readPublic: true }), [true, true, false, false]],
  // A visitor never writes, whatever an owner would grant.
  ['visitor, owner granting too much', null, access({ readAll: true, write: true, publish: true }), [true, true, false, false]],
];

test('file.read, file.write and file.publish follow the owner’s access, per reader', () => {
  for (const [who, actor, grants, [readPublic, readInternal, write, publish]] of TABLE) {
    assert.equal(can(actor, 'file.read', { access: grants, isPublic: true }), readPublic, `${who}: read a public file`);
    assert.equal(can(actor, 'file.read', { access: grants, isPublic: false }), readInternal, `${who}: read an internal file`);
    assert.equal(can(actor, 'file.write', grants), write, `${who}: write`);
    assert.equal(can(actor, 'file.publish', grants), publish, `${who}: publish`);
  }
});

test('authorize throws what can refuses', () => {
  assert.throws(() => authorize(signedIn, 'file.publish', access({ write: true })), AccessDenied);
  assert.doesNotThrow(() => authorize(signedIn, 'file.write', access({ write: true })));
});
