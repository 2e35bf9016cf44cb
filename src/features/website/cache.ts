// What the website adds to the page cache (src/web/page-cache.ts): changes made elsewhere end it.
//  - The database announces changes to public tables with NOTIFY (a trigger, see the website
//    migrations), so every instance on the same PostgreSQL empties its cache on commit (and
//    PGlite's listener does the same for changes made outside a request, e.g. the CLI in-process).
//  - A scheduled text's publication moment ends the cache's validity.
import type { FastifyInstance } from 'fastify';
import type { PoolClient } from 'pg';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle, Db } from '../../db/client.ts';
import { forgetThemes } from '../../web/assets.ts';
import { forgetProgrammes } from '../../web/request-context.ts';

export const CACHE_CHANNEL = 'kennisstad_pages';

/** Inside a transaction: other instances drop their caches when it commits. */
export async function notifyChange(tx: Db, what: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${CACHE_CHANNEL}, ${what})`);
}

export interface WebsiteCacheOptions {
  /** Asked when the cache is filled after a change: the next moment a scheduled text goes public. */
  nextPublication: () => Promise<Date | null>;
}

export async function registerWebsiteCache(app: FastifyInstance, database: DatabaseHandle, options: WebsiteCacheOptions): Promise<void> {
  const cache = app.pageCache;
  cache.validity = async () => (await options.nextPublication())?.getTime() ?? null;

  const onNotification = (table?: string) => {
    cache.clear();
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
    const pool = database.pool;
    let client: PoolClient | null = null;
    let closing = false;
    let retry: NodeJS.Timeout | undefined;
    // Without a listening connection, changes made through other instances would go unnoticed:
    // the cache is paused (nothing served from it, nothing stored) until LISTEN works again.
    const listen = async (): Promise<void> => {
      try {
        const connected = await pool.connect();
        connected.on('notification', (message) => {
          if (message.channel === CACHE_CHANNEL) onNotification(message.payload);
        });
        connected.on('error', () => lost(connected));
        await connected.query(`LISTEN ${CACHE_CHANNEL}`);
        client = connected;
        onNotification();
        cache.paused = false;
      } catch (error) {
        if (closing) return;
        app.log.warn({ err: error }, 'page cache: cannot listen for changes, retrying in 1 s');
        retry = setTimeout(() => void listen(), 1000);
      }
    };
    const lost = (connection: PoolClient) => {
      cache.paused = true;
      onNotification();
      if (client !== connection) return;
      client = null;
      connection.release(true);
      if (!closing) retry = setTimeout(() => void listen(), 1000);
    };
    cache.paused = true;
    await listen();
    app.addHook('onClose', async () => {
      closing = true;
      clearTimeout(retry);
      const connection: PoolClient | null = client;
      client = null;
      if (!connection) return;
      try {
        await connection.query(`UNLISTEN ${CACHE_CHANNEL}`);
      } finally {
        connection.release(true);
      }
    });
  }
}
