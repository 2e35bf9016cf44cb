// One database handle for both modes: PGlite in a local folder (the embedded default, single
// process) or a PostgreSQL server (DATABASE_URL). The rest of the app only sees `Db`.
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as tables from './tables.ts';

export type Tables = typeof tables;
export type Db = PgDatabase<PgQueryResultHKT, Tables, ExtractTablesWithRelations<Tables>>;

export interface DatabaseHandle {
  db: Db;
  mode: 'pglite' | 'postgres';
  /** Counts statements sent, so tests and the benchmark can see queries per request. */
  queryCount(): number;
  close(): Promise<void>;
  /** The raw PGlite instance (embedded mode only), for dump and checkpoint. */
  pglite?: PGlite;
  pool?: pg.Pool;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data folder; omitted means in memory (tests). */
  dataDir?: string;
  /** A gzipped data folder to start from when dataDir is empty (saves initdb's ~6 s). */
  template?: Blob;
  /**
   * A closed data folder copied into dataDir when it is empty: a file copy instead of unpacking
   * the gzipped template inside PGlite (the embedded start of a fresh clone, issue 23).
   */
  templateFolder?: string;
}

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The data folder ${dir} is in use by process ${pid}. Embedded mode (PGlite) allows one process ` +
        `at a time: stop that process first, or use PostgreSQL (DATABASE_URL) for several.`,
    );
  }
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options);
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  let count = 0;
  pool.on('connect', (client) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      count++;
      return original(...args);
    };
  });
  // An idle pooled connection that the server ends (restart, failover, an admin's terminate) is
  // reported here; the pool drops it and the next query connects afresh. Without a listener the
  // error would be uncaught and stop the whole process.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`, { code: 'KENNISSTAD_PG_IDLE' });
  });
  // Fail at start, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema: tables }) as unknown as Db;
  return {
    db,
    mode: 'postgres',
    pool,
    queryCount: () => count,
    close: async () => {
      await pool.end();
    },
  };
}

async function openPglite(options: OpenOptions): Promise<DatabaseHandle> {
  // Loaded here, not at the top: a server on PostgreSQL never carries PGlite (~15 MB of its boot RSS).
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
  ]);
  let releaseLock: (() => void) | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    releaseLock = lockDataDir(options.dataDir);
  }
  let fresh = !options.dataDir || !existsSync(join(options.dataDir, 'PG_VERSION'));
  if (fresh && options.dataDir && options.templateFolder && existsSync(join(options.templateFolder, 'PG_VERSION'))) {
    cpSync(options.templateFolder, options.dataDir, { recursive: true, filter: (source) => !source.endsWith(LOCK_FILE) });
    fresh = false;
  }
  let client: PGlite;
  try {
    client = await PGlite.create(options.dataDir, {
      loadDataDir: fresh ? options.template : undefined,
      // PGlite does not fsync anyway; relaxed durability lets it batch writes to the folder.
      relaxedDurability: false,
      // Trigram similarity for typo-tolerant search (the website's search box).
      extensions: { pg_trgm },
      // PGlite fills its shared buffers at start, inside this process: the default 128 MB is RSS
      // from the first second. One programme's data fits in 32 MB many times over, and misses are
      // read from the OS's file cache. Measured: RSS after opening 278 -> 185 MB; route timings
      // at 1x and 100x unchanged within the noise of a shared machine (bench/handlers.ts).
      startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
    });
  } catch (error) {
    releaseLock?.();
    throw error;
  }
  let count = 0;
  const originalQuery = client.query.bind(client);
  const originalExec = client.exec.bind(client);
  client.query = ((...args: Parameters<PGlite['query']>) => {
    count++;
    return originalQuery(...args);
  }) as PGlite['query'];
  client.exec = ((...args: Parameters<PGlite['exec']>) => {
    count++;
    return originalExec(...args);
  }) as PGlite['exec'];
  const db = drizzlePglite(client, { schema: tables }) as unknown as Db;
  let closed = false;
  return {
    db,
    mode: 'pglite',
    pglite: client,
    queryCount: () => count,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        if (options.dataDir) await originalExec('CHECKPOINT');
        await client.close();
      } finally {
        releaseLock?.();
      }
    },
  };
}

/**
 * Two processes on one PGlite folder silently lose rows, so the folder gets an exclusive lock
 * file holding the owner's pid. A lock left by a process that no longer runs is taken over.
 */
const LOCK_FILE = 'kennisstad.lock';

function lockDataDir(dir: string): () => void {
  const lockPath = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(lockPath, 'utf8').trim() === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8').trim());
      if (owner && owner !== process.pid && isRunning(owner)) throw new DataDirLockedError(dir, owner);
      unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not lock the data folder ${dir}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
