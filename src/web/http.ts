// HTTP plumbing shared by every capability: errors that know their status and message, the
// access declaration every route must carry, and the request's decorations.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale, LocalizedText } from '../domain/localized.ts';
import type { Actor } from '../domain/policy.ts';
import type { ActionName } from '../policies.ts';
import type { ProgrammeSummary } from './context.ts';
import { localReturnPath } from '../domain/return-address.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The named action the route performs (src/policies.ts). A programme-wide rule is answered
     * before the handler runs; a record rule is answered by the handler once it has the record.
     */
    action?: ActionName;
    /** false: the route takes a secret token in its URL instead of the CSRF token (one-click unsubscribe, RFC 8058). */
    csrf?: false;
  }
  interface FastifyRequest {
    locale: Locale;
    programme: ProgrammeSummary | null;
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string;
    /** The anonymous visitor had no CSRF cookie: a page that carries csrfToken sets it. */
    csrfIssued: boolean;
    /** The action each route names, by "METHOD /url" (the menus show a page to whom its route's action allows). */
    routeActions: ReadonlyMap<string, string>;
    /** The signed-in person's programmes (a role, a seat or a party to represent), for the programme switch. */
    actorProgrammes: { slug: string; name: LocalizedText }[] | null;
  }
}

export class HttpError extends Error {
  constructor(
    public readonly statusCode: number,
    /** Message key shown to the user (HTML) or the problem's title (API). */
    public readonly messageKey: string,
    public readonly detail?: string,
    public readonly problems?: { field: string; messageKey: string }[],
  ) {
    super(detail ?? messageKey);
  }
}

export const notFound = () => new HttpError(404, 'error.notFound');
export const forbidden = () => new HttpError(403, 'error.forbidden');
export const badRequest = (detail?: string) => new HttpError(400, 'error.badRequest', detail);
export const conflict = (detail?: string) => new HttpError(409, 'error.conflict', detail);

export function sendHtml(reply: FastifyReply, body: Buffer, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

/** A redirect after a successful POST, only ever to a path on this site. */
export function redirectLocal(reply: FastifyReply, target: string | undefined, fallback: string): FastifyReply {
  return reply.redirect(safeLocalPath(target) ?? fallback, 303);
}

/** A return address (login's `next`) when it is a path on this site (src/domain/return-address.ts). */
export function safeLocalPath(target: string | undefined | null): string | undefined {
  return localReturnPath(target);
}

export function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}
