// Every change writes one audit row, inside the same transaction as the change itself.
import type { Db } from './client.ts';
import { auditEvents } from './schema.ts';
import type { Actor } from '../domain/policy.ts';

export interface AuditInput {
  actor: Pick<Actor, 'userId' | 'displayName'> | null;
  programmeId: string | null;
  action: string;
  objectType: string;
  objectId?: string | null;
  before?: unknown;
  after?: unknown;
  result?: 'ok' | 'denied' | 'failed';
  origin?: string | null;
}

export async function recordAudit(tx: Db, input: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({
    programmeId: input.programmeId,
    actorUserId: input.actor?.userId ?? null,
    actorLabel: input.actor?.displayName ?? 'system',
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    result: input.result ?? 'ok',
    origin: input.origin ?? null,
  });
}
