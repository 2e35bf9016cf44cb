// What the fund's route files share: where the fund lives and the notice a redirect carries.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { partnerOrganisations, seesWholeFund } from './policy.ts';
import * as q from './queries.ts';

/** The fund's overview in the request's language. */
export const fundHome = (request: FastifyRequest) => `/${request.locale}/${request.programme!.slug}/fund`;

/** The message key of a `?done=fund.…` notice after a redirect, if it is one of ours. */
export function doneNotice(request: FastifyRequest): string | undefined {
  const done = (request.query as Record<string, string | undefined>).done;
  return done && /^fund\.[a-zA-Z]+$/.test(done) ? done : undefined;
}

/** The funds this actor may see: all, or the joint fund(s) plus the partner's own earmarks. */
export function visibleFunds(db: Db, request: FastifyRequest) {
  const programmeId = request.programme!.id;
  return seesWholeFund(request.actor) ? q.listFunds(db, programmeId) : q.listFunds(db, programmeId, partnerOrganisations(request.actor));
}
