import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from './domain/policy.ts';
import { authorize, can, isActionName, RULES } from './policies.ts';
import { AccessDenied } from './domain/policy.ts';

const actor = (role: Actor['assignments'][number]['role']): Actor => ({ userId: 'u', displayName: 'U', programmeId: 'p', assignments: [{ role }] });

test('one table of named actions: unknown names are not actions, and are never allowed', () => {
  assert.equal(isActionName('programme.manage'), true);
  assert.equal(isActionName('programme.nonsense'), false);
  assert.equal(isActionName('toString'), false, 'no inherited property passes as an action');
  assert.equal(can(actor('admin'), 'programme.nonsense' as keyof typeof RULES), false);
});

test('anonymous visitors get public actions only; authorize throws what can refuses', () => {
  assert.equal(can(null, 'public'), true);
  assert.equal(can(null, 'account.use'), false);
  assert.equal(can(actor('partner'), 'account.use'), true);
  assert.equal(can(actor('coordinator'), 'programme.manage'), true);
  assert.equal(can(actor('executive'), 'programme.manage'), false);
  assert.equal(can(actor('support'), 'programme.viewInternal'), true);
  assert.equal(can(actor('lead'), 'programme.viewInternal'), false);
  assert.throws(() => authorize(actor('coordinator'), 'users.manage'), AccessDenied);
  assert.doesNotThrow(() => authorize(actor('admin'), 'users.manage'));
});
