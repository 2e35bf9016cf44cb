// Public pages kept in memory as ready-to-send bytes, with ETag and Last-Modified so browsers
// and proxies can ask "has it changed?" (304). Only anonymous GETs are cached: signed-in people
// see buttons and internal records. Any change empties the cache:
//  - a write through this instance (any successful POST) empties it before the response leaves;
//  - the database itself announces changes to public tables with NOTIFY (a trigger, see the
//    website migrations), so every instance on the same PostgreSQL empties its cache on commit;
//  - a scheduled text's publication moment ends the cache's validity.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle, Db } from '../../db/client.ts';
import { forgetThemes } from '../../web/assets.ts';
import { forgetProgrammes } from '../../web/request-context.ts';

export const CACHE_CHANNEL = 'kennisstad_pages';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The anonymous answer of this route may be cached (it holds no per-visitor content). */
    pageCache?: boolean;
  }
}

/** Routes of other capabilities whose public pages are safe to cache (the portfolio's). */
const PORTFOLIO_ROUTES = new Set(
  ['', '/projects', '/projects/:code', '/themes/:theme', '/organisations', '/organisations/:slug', '/accessibility'].flatMap((p) => [`/nl/:programme${p}`, `/en/:programme${p}`]),
);

interface Entry {
  body: Buffer;
  type: string;
  etag: string;
  lastModified: string;
}

export class PageCache {
  private entries = new Map<string, Entry>();
  /** Cached pages are valid until this moment (the next scheduled publication), if any. */
  validUntil: number | null = null;
  hits = 0;
  misses = 0;
  invalidations = 0;

  get(key: string, now = Date.now()): Entry | undefined {
    if (this.validUntil !== null && now >= this.validUntil) this.clear();
    return this.entries.get(key);
  }

  set(key: string, entry: Entry): void {
    // A bound on memory: a crawler asking for many URLs must not grow the cache without end.
    if (this.entries.size >= 5000) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
  }

  clear(): void {
    this.entries.clear();
    this.validUntil = null;
    this.invalidations++;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Inside a transaction: other instances drop their caches when it commits. */
export async function notifyChange(tx: Db, what: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${CACHE_CHANNEL}, ${what})`);
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

function notModified(request: FastifyRequest, entry: Entry): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch) return ifNoneMatch.split(',').some((tag) => tag.trim() === entry.etag || tag.trim() === `W/${entry.etag}`);
  const since = request.headers['if-modified-since'];
  return !!since && Date.parse(since) >= Date.parse(entry.lastModified);
}

function send(request: FastifyRequest, reply: FastifyReply, entry: Entry): FastifyReply {
  reply.header('etag', entry.etag).header('last-modified', entry.lastModified).header('cache-control', 'no-cache').header('x-page-cache', 'hit');
  if (notModified(request, entry)) return reply.code(304).send();
  return reply.code(200).type(entry.type).send(entry.body);
}

const CACHEABLE_TYPES = /^(text\/html|application\/atom\+xml|text\/calendar|application\/xml|text\/plain)/;

export interface PageCacheOptions {
  /** Asked when the cache is filled after a change: the next moment a scheduled text goes public. */
  nextPublication: () => Promise<Date | null>;
}

export async function registerPageCache(app: FastifyInstance, database: DatabaseHandle, options: PageCacheOptions): Promise<PageCache> {
  const cache = new PageCache();
  app.decorate('pageCache', cache);
  let validityKnown = false;

  const eligible = (request: FastifyRequest) =>
    (request.method === 'GET' || request.method === 'HEAD') &&
    !request.actor &&
    (request.routeOptions.config.pageCache === true || PORTFOLIO_ROUTES.has(request.routeOptions.url ?? ''));

  app.addHook('onRequest', async (request, reply) => {
    if (!eligible(request)) return;
    const entry = cache.get(request.url);
    if (!entry) {
      cache.misses++;
      return;
    }
    cache.hits++;
    return send(request, reply, entry);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const method = request.method;
    if (method !== 'GET' && method !== 'HEAD') {
      // A successful write through this instance: no page may outlive it.
      if (reply.statusCode < 400) {
        cache.clear();
        validityKnown = false;
      }
      return payload;
    }
    if (reply.statusCode !== 200 || !eligible(request) || reply.getHeader('x-page-cache')) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!CACHEABLE_TYPES.test(type) || reply.getHeader('set-cookie')?.toString().includes('ks_session')) return payload;
    const body = Buffer.isBuffer(payload) ? payload : typeof payload === 'string' ? Buffer.from(payload) : null;
    // A page with a form carries a visitor's CSRF token: never shared.
    if (!body || body.includes('name="_csrf"')) return payload;
    if (!validityKnown) {
      validityKnown = true;
      const next = await options.nextPublication();
      cache.validUntil = next ? next.getTime() : null;
    }
    const entry: Entry = { body, type, etag: etagOf(body), lastModified: new Date(Math.floor(Date.now() / 1000) * 1000).toUTCString() };
    cache.set(request.url, entry);
    reply.header('etag', entry.etag).header('last-modified', entry.lastModified).header('cache-control', 'no-cache').header('x-page-cache', 'miss');
    return body;
  });

  const onNotification = (table?: string) => {
    cache.clear();
    validityKnown = false;
    // Another instance may have renamed or restyled a programme.
    if (!table || table === 'programmes') {
      forgetProgrammes(database.db);
      forgetThemes(database.db);
    }
  };
  if (database.pglite) {
    const unlisten = await database.pglite.listen(CACHE_CHANNEL, (payload) => onNotification(payload));
    app.addHook('onClose', async () => {
      await unlisten();
    });
  } else if (database.pool) {
    const client = await database.pool.connect();
    client.on('notification', (message) => {
      if (message.channel === CACHE_CHANNEL) onNotification(message.payload);
    });
    // A lost listening connection means lost invalidations: stop trusting the cache.
    client.on('error', () => onNotification());
    await client.query(`LISTEN ${CACHE_CHANNEL}`);
    app.addHook('onClose', async () => {
      try {
        await client.query(`UNLISTEN ${CACHE_CHANNEL}`);
      } finally {
        client.release(true);
      }
    });
  }
  return cache;
}

declare module 'fastify' {
  interface FastifyInstance {
    pageCache: PageCache;
  }
}
