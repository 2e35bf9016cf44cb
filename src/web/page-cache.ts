// Public pages kept in memory as ready-to-send bytes and headers, and the Cache-Control every
// answer carries, so that the app, nginx and any CDN can share anonymous pages:
//  - A route says in its options (`config: { pageCache: true }`) that its anonymous answer holds
//    no per-visitor content. Such an answer (200, no cookie, no form) is stored with its headers,
//    security headers included, prepared once; it carries `public, max-age=0, s-maxage=1,
//    stale-if-error=600` and a strong ETag, so a shared cache may keep it for a second.
//  - A hit is answered by the HTTP server before Fastify sees the request (no routing, session
//    lookup, CSRF, helmet or body parsing, no log lines: a summary is logged once a minute).
//  - Signed-in answers are `private, no-store`: never stored here or by a proxy. A request with a
//    session cookie or an Authorization header is never answered from the cache.
//  - Any successful write through this instance empties the cache before its answer leaves; the
//    website capability also empties it when the database announces a change from elsewhere.
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerFactory } from 'fastify';
import { SESSION_COOKIE } from '../features/accounts/sessions.ts';
import { now, today } from '../clock.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The anonymous answer of this route may be cached and shared (it holds no per-visitor content). */
    pageCache?: boolean;
  }
  interface FastifyInstance {
    pageCache: PageCache;
  }
  interface FastifyRequest {
    /** The cache's generation when the request arrived: a render that saw older data is not stored. */
    pageCacheGeneration: number;
  }
}

/** How long a shared cache (nginx, a CDN) may serve a public page without asking: edits show within it. */
export const SHARED_MAX_AGE_SECONDS = 1;
/** How long a shared cache may serve a stale public page while every app instance answers errors. */
export const STALE_IF_ERROR_SECONDS = 600;
export const PUBLIC_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARED_MAX_AGE_SECONDS}, stale-if-error=${STALE_IF_ERROR_SECONDS}`;
export const PRIVATE_CACHE_CONTROL = 'private, no-store';
/** Anonymous answers that are not shared: a browser may keep them but asks again before use. */
const UNSHARED_CACHE_CONTROL = 'no-cache';

const CACHEABLE_TYPES = /^(text\/html|application\/atom\+xml|text\/calendar|application\/xml|text\/plain)/;
/** A bound on memory: a crawler asking for many URLs must not grow the cache without end. */
const MAX_ENTRIES = 5000;
/** Headers of one answer that must not be replayed on another. */
const PER_ANSWER = new Set(['content-length', 'set-cookie', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'x-page-cache']);

export interface PageEntry {
  body: Buffer;
  etag: string;
  lastModified: string;
  /** Everything a 200 answer sends, prepared once when stored. */
  headers: OutgoingHttpHeaders;
  /** The same without the body's own headers, for 304. */
  notModifiedHeaders: OutgoingHttpHeaders;
}

/** True when the request may be answered with a page cached for the public. */
export function isAnonymousRequest(headers: IncomingHttpHeaders): boolean {
  if (headers.authorization !== undefined) return false;
  const cookie = headers.cookie;
  return cookie === undefined || !cookie.includes(`${SESSION_COOKIE}=`);
}

export function strongEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

function notModified(headers: IncomingHttpHeaders, entry: PageEntry): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch) return ifNoneMatch.split(',').some((tag) => tag.trim() === entry.etag || tag.trim() === `W/${entry.etag}` || tag.trim() === '*');
  const since = headers['if-modified-since'];
  return !!since && Date.parse(since) >= Date.parse(entry.lastModified);
}

export class PageCache {
  private entries = new Map<string, PageEntry>();
  /** Cached pages are valid until this moment (the next scheduled publication), if any. */
  validUntil: number | null = null;
  /** Whether validUntil was asked since the last change. */
  validityKnown = false;
  /** Asked before the first page is stored after a change: when does scheduled content go public? */
  validity: (() => Promise<number | null>) | null = null;
  /** While true nothing is served from or stored in the cache (changes elsewhere could go unseen). */
  paused = false;
  hits = 0;
  misses = 0;
  /** Counts changes; also the generation other in-memory caches compare against. */
  invalidations = 0;

  /** The entry for this request, when it is an anonymous GET or HEAD of a stored page. */
  lookup(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): PageEntry | undefined {
    if ((method !== 'GET' && method !== 'HEAD') || url === undefined || this.entries.size === 0 || this.paused) return undefined;
    if (this.validUntil !== null && Date.now() >= this.validUntil) this.clear();
    this.clearOnNewDay();
    const entry = this.entries.get(url);
    if (!entry || !isAnonymousRequest(headers)) return undefined;
    return entry;
  }

  /** The lean path: answers a hit straight on the HTTP response; false when it is not one. */
  answer(request: IncomingMessage, response: ServerResponse): boolean {
    const entry = this.lookup(request.method, request.url, request.headers);
    if (!entry) return false;
    this.hits++;
    if (notModified(request.headers, entry)) {
      response.writeHead(304, entry.notModifiedHeaders);
      response.end();
    } else {
      response.writeHead(200, entry.headers);
      response.end(entry.body);
    }
    return true;
  }

  private day: string | null = null;
  private dayCheckedAt = 0;

  /**
   * Pages that depend on the programme's date (a programme that has just finished shows as an
   * archive, coming events become past ones) are not kept past the day they were made on. The day
   * is looked up at most once a minute of the programme's clock, or when that clock went back.
   */
  private clearOnNewDay(): void {
    const at = now().getTime();
    if (at >= this.dayCheckedAt && at < this.dayCheckedAt + 60_000) return;
    this.dayCheckedAt = at;
    const day = today();
    if (this.day !== null && day !== this.day && this.entries.size > 0) this.clear();
    this.day = day;
  }

  set(key: string, entry: PageEntry): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
  }

  clear(): void {
    this.entries.clear();
    this.validUntil = null;
    this.validityKnown = false;
    this.invalidations++;
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Fastify's HTTP server with the cache in front: a hit never reaches Fastify. Timeouts as Fastify
 * sets them on the server it creates itself.
 */
export function pageCacheServer(cache: PageCache): FastifyServerFactory {
  return (handler, options) => {
    const server: Server = createServer((request, response) => {
      if (!cache.answer(request, response)) handler(request, response);
    });
    server.keepAliveTimeout = Number(options.keepAliveTimeout ?? 72_000);
    server.requestTimeout = Number(options.requestTimeout ?? 0);
    server.setTimeout(Number(options.connectionTimeout ?? 0));
    return server;
  };
}

function bodyOf(payload: unknown): Buffer | null {
  return Buffer.isBuffer(payload) ? payload : typeof payload === 'string' ? Buffer.from(payload) : null;
}

/** The answer as a cache entry, when it is one that may be shared. */
function storable(request: FastifyRequest, reply: FastifyReply, payload: unknown, cache: PageCache): Buffer | null {
  if (reply.statusCode !== 200 || request.routeOptions.config.pageCache !== true || request.actor) return null;
  if (request.pageCacheGeneration !== cache.invalidations || !isAnonymousRequest(request.headers)) return null;
  if (reply.hasHeader('set-cookie') || reply.hasHeader('cache-control')) return null;
  if (!CACHEABLE_TYPES.test(String(reply.getHeader('content-type') ?? ''))) return null;
  const body = bodyOf(payload);
  // A page with a form carries a visitor's CSRF token: never shared.
  if (!body || body.includes('name="_csrf"')) return null;
  return body;
}

function entryOf(reply: FastifyReply, body: Buffer): PageEntry {
  const etag = strongEtag(body);
  const lastModified = new Date(Math.floor(Date.now() / 1000) * 1000).toUTCString();
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined && !PER_ANSWER.has(name)) headers[name] = value;
  Object.assign(headers, { etag, 'last-modified': lastModified, 'cache-control': PUBLIC_CACHE_CONTROL });
  const notModifiedHeaders: OutgoingHttpHeaders = { ...headers, 'x-page-cache': 'hit' };
  delete notModifiedHeaders['content-type'];
  return { body, etag, lastModified, headers: { ...headers, 'content-length': String(body.length), 'x-page-cache': 'hit' }, notModifiedHeaders };
}

/**
 * Registers the cache's hooks. Call after helmet (its headers are part of a stored entry) and
 * before the request context (a hit must not cost a session lookup).
 */
export function registerPageCache(app: FastifyInstance, cache: PageCache, options: { summaryEveryMs?: number } = {}): void {
  app.decorate('pageCache', cache);
  app.decorateRequest('pageCacheGeneration', 0);

  // The same answer for requests that do not come through pageCacheServer (app.inject in tests).
  app.addHook('onRequest', (request, reply, done) => {
    request.pageCacheGeneration = cache.invalidations;
    const entry = cache.lookup(request.method, request.url, request.headers);
    if (!entry) return done();
    cache.hits++;
    if (notModified(request.headers, entry)) reply.code(304).headers(entry.notModifiedHeaders).send();
    else reply.code(200).headers(entry.headers).send(entry.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.getHeader('x-page-cache') === 'hit') return payload;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      // A successful write through this instance: no page may outlive it.
      if (reply.statusCode < 400) cache.clear();
      if (request.actor) reply.header('cache-control', PRIVATE_CACHE_CONTROL);
      return payload;
    }
    const body = storable(request, reply, payload, cache);
    if (!body) {
      const current = String(reply.getHeader('cache-control') ?? '');
      if (request.actor) {
        if (!current.includes('no-store')) reply.header('cache-control', PRIVATE_CACHE_CONTROL);
      } else if (!current) {
        reply.header('cache-control', reply.hasHeader('set-cookie') ? PRIVATE_CACHE_CONTROL : UNSHARED_CACHE_CONTROL);
      }
      return payload;
    }
    if (!cache.validityKnown && cache.validity) {
      cache.validityKnown = true;
      cache.validUntil = await cache.validity();
    }
    const entry = entryOf(reply, body);
    // The page may have changed while the validity was asked: store only what is still current.
    if (request.pageCacheGeneration === cache.invalidations && !cache.paused) cache.set(request.url, entry);
    cache.misses++;
    reply.header('etag', entry.etag).header('last-modified', entry.lastModified).header('cache-control', PUBLIC_CACHE_CONTROL).header('x-page-cache', 'miss');
    if (notModified(request.headers, entry)) {
      reply.code(304).removeHeader('content-type');
      return null;
    }
    return body;
  });

  // Hits are not logged one by one (that would cost more than answering them): a line a minute.
  const every = options.summaryEveryMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let logged = { hits: 0, misses: 0, invalidations: 0 };
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      const now = { hits: cache.hits, misses: cache.misses, invalidations: cache.invalidations };
      if (now.hits === logged.hits && now.misses === logged.misses) return;
      app.log.info({ pageCache: { hits: now.hits - logged.hits, misses: now.misses - logged.misses, changes: now.invalidations - logged.invalidations, entries: cache.size, seconds: every / 1000 } }, 'page cache summary');
      logged = now;
    }, every);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
