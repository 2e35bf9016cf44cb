// Who sees and changes what through the API: the same rules as the pages (src/policies.ts),
// plus the optimistic-concurrency contract of If-Match / ETag.
import type { FastifyRequest } from 'fastify';
import { can } from '../../policies.ts';
import { HttpError } from '../../web/http.ts';
import { INTERNAL_LIFECYCLES } from '../portfolio/queries.ts';
import type { Lifecycle } from '../../db/schema.ts';

/** Coordinators and steering-group members see internal records in lists, as on the pages. */
export function seesInternal(request: FastifyRequest): boolean {
  return can(request.actor, 'programme.viewInternal');
}

export function isPublicProject(project: { published: boolean; lifecycle: Lifecycle }): boolean {
  return project.published && !INTERNAL_LIFECYCLES.includes(project.lifecycle);
}

export function etagOf(id: string, version: number): string {
  return `"${id}.${version}"`;
}

/**
 * The version the client says it is changing: 428 without If-Match, 412 when it names another
 * version than the current one. Returns the expected version for the conditional update.
 * If-Match compares strongly (RFC 9110 13.1.1): a weak tag (W/"...") never matches.
 */
export function requireIfMatch(request: FastifyRequest, id: string, currentVersion: number): number {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') throw new HttpError(428, 'api.error.preconditionRequired');
  const candidates = header.split(',').map((part) => part.trim());
  if (candidates.includes('*') || candidates.includes(etagOf(id, currentVersion))) return currentVersion;
  throw new HttpError(412, 'api.error.preconditionFailed');
}
