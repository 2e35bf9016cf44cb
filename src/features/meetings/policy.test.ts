import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Assignment } from '../../domain/policy.ts';
import { canMeetings, type BodyRef } from './policy.ts';

const actor = (assignments: Assignment[], userId = 'u1', programmeId = 'p1'): Actor => ({ userId, displayName: 'X', programmeId, assignments });
const body = (kind: BodyRef['kind'], memberUserIds: string[] = []): BodyRef => ({ id: 'b', kind, programmeId: 'p1', memberUserIds });

describe('meeting policy', () => {
  test('only the coordinator (or admin) prepares meetings', () => {
    assert.equal(canMeetings(actor([{ role: 'coordinator' }]), { do: 'meetings.prepare' }), true);
    assert.equal(canMeetings(actor([{ role: 'admin' }]), { do: 'meetings.prepare' }), true);
    for (const role of ['executive', 'support', 'lead', 'partner'] as const) {
      assert.equal(canMeetings(actor([{ role }]), { do: 'meetings.prepare' }), false, role);
    }
    assert.equal(canMeetings(null, { do: 'meetings.prepare' }), false);
  });

  test('members see their body’s internal items; the executive level also sees the support level', () => {
    assert.equal(canMeetings(actor([{ role: 'support' }]), { do: 'body.viewInternal', body: body('support') }), true);
    assert.equal(canMeetings(actor([{ role: 'support' }]), { do: 'body.viewInternal', body: body('executive') }), false);
    assert.equal(canMeetings(actor([{ role: 'executive' }]), { do: 'body.viewInternal', body: body('support') }), true);
    assert.equal(canMeetings(actor([{ role: 'executive' }]), { do: 'body.viewInternal', body: body('executive') }), true);
    assert.equal(canMeetings(actor([{ role: 'lead', projectId: 'x' }]), { do: 'body.viewInternal', body: body('support') }), false);
    assert.equal(canMeetings(actor([], 'u9'), { do: 'body.viewInternal', body: body('executive', ['u9']) }), true, 'an active membership');
    assert.equal(canMeetings(null, { do: 'body.viewInternal', body: body('support') }), false);
  });

  test('another programme’s body stays closed, even to its coordinator', () => {
    assert.equal(canMeetings(actor([{ role: 'coordinator' }], 'u1', 'p2'), { do: 'body.viewInternal', body: body('support') }), false);
  });
});
