// Every change writes one audit row, inside the same transaction as the change itself.
import { now } from '../clock.ts';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
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

/** Where the request being served came from ("web 192.0.2.1", "api 192.0.2.1"). */
const requestOrigin = new AsyncLocalStorage<string>();

/**
 * Every audit row written while a request is served names its origin (channel and address),
 * also when the command does not pass one. Register before the routes.
 */
export function registerAuditOrigin(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const channel = request.url.startsWith('/api/') ? 'api' : 'web';
    requestOrigin.run(`${channel} ${request.ip}`, done);
  });
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
    origin: input.origin ?? requestOrigin.getStore() ?? null,
    // The programme's clock, like the records the entry explains (equal to the wall clock in production).
    at: now(),
  });
}
