// Decorates every request with its language, session, actor and programme, and enforces the
// route's declared access and CSRF protection before any handler runs.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { programmes, roleAssignments } from '../db/schema.ts';
import { DEFAULT_LOCALE, isLocale } from '../domain/localized.ts';
import { programmeStage, writableInStage, type ProgrammeStage } from '../domain/lifecycle.ts';
import { today } from '../clock.ts';
import { programmeTerm } from '../features/agreement/term-queries.ts';
import { programmesOf } from '../features/my-work/programmes-of.ts';
import { can, isActionName, ruleOf } from '../policies.ts';
import type { Config } from '../config.ts';
import { CSRF_COOKIE, SESSION_COOKIE, findSession, newToken, touchSession } from '../features/accounts/sessions.ts';
import { HttpError, notFound, wantsJson } from './http.ts';
import type { PageContext, ProgrammeSummary } from './context.ts';
import { translator } from './i18n.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const declaredActions = new WeakMap<FastifyInstance, Map<string, string>>();

/** The action each route names, by "METHOD /url" as registered (the access matrix checks them). */
export function routeActions(app: FastifyInstance): ReadonlyMap<string, string> {
  return declaredActions.get(app) ?? new Map();
}

export function registerRequestContext(app: FastifyInstance, db: Db, config: Config): void {
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('programme', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('csrfIssued', false);
  app.decorateRequest('routeActions', null as unknown as ReadonlyMap<string, string>);
  app.decorateRequest('actorProgrammes', null);

  // Every route names the action it performs; a route without one would be open by accident.
  const actions = new Map<string, string>();
  declaredActions.set(app, actions);
  app.addHook('onRoute', (route) => {
    const action = route.config?.action;
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) actions.set(`${method} ${route.url}`, String(action));
    if (!isActionName(action)) {
      throw new Error(`Route ${route.method} ${route.url} names no known action (config.action: ${String(action)})`);
    }
  });

  const timeouts = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };

  app.addHook('onRequest', async (request, reply) => {
    request.routeActions = actions;
    const prefix = request.url.split('/')[1]?.split('?')[0];
    if (isLocale(prefix)) request.locale = prefix;

    if (request.url.startsWith('/assets/') || request.url === '/healthz' || request.url === '/readyz') return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await findSession(db, token, timeouts);
      if (session) {
        await touchSession(db, session);
        request.sessionId = session.sessionId;
        request.csrfToken = session.csrfToken;
        request.actor = { userId: session.userId, displayName: session.displayName, programmeId: null, assignments: [] };
        // Pages show which programme the person is in and let them switch (the API needs no menus).
        if (!request.url.startsWith('/api/')) request.actorProgrammes = await programmesOf(db, session.userId);
      } else {
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
      }
    }
    if (!request.csrfToken) {
      // Anonymous forms (login) are protected by a double-submit cookie. A visitor without one
      // gets a token now and the cookie only with a page that puts the token in a form (below).
      const csrf = request.cookies[CSRF_COOKIE];
      if (csrf && /^[A-Za-z0-9_-]{40,50}$/.test(csrf)) request.csrfToken = csrf;
      else {
        request.csrfToken = newToken();
        request.csrfIssued = true;
      }
    }
  });

  // A public page without a form sets no cookie (a shared cache or CDN can then keep it); a page
  // that carries an anonymous visitor's token is that visitor's alone.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.actor || !request.csrfToken || !carries(payload, request.csrfToken)) return payload;
    reply.header('cache-control', 'private, no-store');
    if (request.csrfIssued) reply.setCookie(CSRF_COOKIE, request.csrfToken, cookieOptions);
    return payload;
  });

  app.addHook('preHandler', async (request) => {
    const params = request.params as Record<string, string | undefined>;
    if (params.programme !== undefined) {
      const programme = await findProgramme(db, params.programme);
      if (!programme) throw notFound();
      request.programme = programme;
      if (request.actor) {
        request.actor.programmeId = programme.id;
        request.actor.assignments = await db
          .select({ role: roleAssignments.role, projectId: roleAssignments.projectId, organisationId: roleAssignments.organisationId })
          .from(roleAssignments)
          .where(and(eq(roleAssignments.userId, request.actor.userId), eq(roleAssignments.programmeId, programme.id)));
      }
    }

    const action = request.routeOptions.config.action;
    // PostgreSQL cannot store NUL in text or jsonb: refuse it as bad input instead of failing with a 500.
    if (UNSAFE_METHODS.has(request.method) && containsNul(request.body)) throw new HttpError(400, 'error.badRequest');
    if (UNSAFE_METHODS.has(request.method) && !request.url.startsWith('/api/') && request.routeOptions.config.csrf !== false) verifyCsrf(request);
    // Unreachable for a registered route (the boot check refuses it); denied all the same.
    if (action === undefined) throw notFound();
    const rule = ruleOf(action);
    if (!rule.anyone && !request.actor) throw new HttpError(401, 'error.signInRequired');
    // A record rule is answered by the handler once it has loaded the record.
    // A programme-wide page (a management page, a list) exists for everyone who can read its address:
    // someone signed in without the right is told so (403), not that it does not exist. Records the
    // person may not see stay 404 (their handlers answer once they have the record).
    if (!rule.needsRecord && !rule.allow(request.actor, undefined)) throw new HttpError(403, wantsJson(request) ? 'error.forbidden' : 'error.noAccess');
    // A finished programme is an archive: its records stay as they were, except for the
    // coordinator's corrections. Every other change is refused here, whatever the action.
    if (UNSAFE_METHODS.has(request.method) && request.programme && !writableInStage(programmeStage(request.programme.term, today()), can(request.actor, 'programme.correctArchive'))) {
      throw new HttpError(403, 'error.programmeArchived');
    }
  });
}

function carries(payload: unknown, token: string): boolean {
  return (typeof payload === 'string' || Buffer.isBuffer(payload)) && payload.includes(token);
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  for (const [key, inner] of Object.entries(value)) if (key.includes('\u0000') || containsNul(inner, depth + 1)) return true;
  return false;
}

function verifyCsrf(request: FastifyRequest): void {
  const body = request.body as Record<string, unknown> | undefined;
  const sent = (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? request.headers['x-csrf-token'];
  const expected = request.csrfToken;
  const ok =
    typeof sent === 'string' &&
    sent.length === expected.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok) throw new HttpError(403, 'error.csrf');
}

// Programmes change rarely and every programme page needs one: keep them in memory per database,
// and let any write to the programmes table call `forgetProgrammes`.
const programmeCaches = new WeakMap<Db, Map<string, ProgrammeSummary>>();

export function forgetProgrammes(db: Db): void {
  programmeCaches.delete(db);
}

async function findProgramme(db: Db, slug: string): Promise<ProgrammeSummary | null> {
  let programmeCache = programmeCaches.get(db);
  if (!programmeCache) {
    programmeCache = new Map();
    programmeCaches.set(db, programmeCache);
  }
  const cached = programmeCache.get(slug);
  if (cached) return cached;
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) return null;
  const [row] = await db
    .select({ id: programmes.id, slug: programmes.slug, name: programmes.name, city: programmes.city, predecessorId: programmes.predecessorId })
    .from(programmes)
    .where(eq(programmes.slug, slug));
  if (!row) return null;
  const { predecessorId, ...found } = row;
  const link = { slug: programmes.slug, name: programmes.name };
  const [{ startOn, endOn }, [predecessor], [successor]] = await Promise.all([
    programmeTerm(db, row.id),
    predecessorId ? db.select(link).from(programmes).where(eq(programmes.id, predecessorId)) : Promise.resolve([]),
    db.select(link).from(programmes).where(eq(programmes.predecessorId, row.id)),
  ]);
  const summary: ProgrammeSummary = { ...found, term: { startOn, endOn }, ...(predecessor ? { predecessor } : {}), ...(successor ? { successor } : {}) };
  programmeCache.set(slug, summary);
  return summary;
}

/** The request's programme's stage today (src/domain/lifecycle.ts); undefined outside a programme. */
export function stageOf(request: FastifyRequest): ProgrammeStage | undefined {
  return request.programme ? programmeStage(request.programme.term, today()) : undefined;
}

/**
 * Whether the reader may change records of the request's programme in its stage at all: always
 * while it runs, in an archive only the coordinator (corrections). Pages hide edit links otherwise,
 * the same rule the write check above refuses by.
 */
export function writableHere(request: FastifyRequest): boolean {
  const stage = stageOf(request);
  return !stage || writableInStage(stage, can(request.actor, 'programme.correctArchive'));
}

export function pageContext(request: FastifyRequest, config: Config): PageContext {
  const locale = request.locale;
  const rawPath = request.url.split('?')[0] ?? '/';
  const path = rawPath.replace(/^\/(nl|en)(?=\/|$)/, '') || '/';
  return {
    locale,
    t: translator(locale),
    path,
    baseUrl: config.baseUrl,
    programme: request.programme ?? undefined,
    programmeStage: stageOf(request),
    actor: request.actor ? { userId: request.actor.userId, displayName: request.actor.displayName } : undefined,
    actorProgrammes: request.actorProgrammes ?? [],
    csrfToken: request.csrfToken,
    canManage: can(request.actor, 'programme.manage'),
    // Only rules answered without a record: a record rule needs its record, which a menu has not.
    may: (action) => {
      const rule = ruleOf(action);
      return !rule.needsRecord && (rule.anyone || !!request.actor) && rule.allow(request.actor ?? null, undefined);
    },
    // The menus show a page to whom its GET route's action allows (unset only if the request failed before its first hook).
    pageAction: (pagePath) => {
      const action = request.routeActions?.get(`GET /${locale}/:programme${pagePath}`);
      return isActionName(action) ? action : undefined;
    },
  };
}
