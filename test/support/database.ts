// Test databases: every test file gets its own, on PGlite (in memory, from the prebuilt template)
// and on PostgreSQL (a fresh database on the server named by TEST_DATABASE_URL, dropped after).
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedDefaults } from '../../src/db/bootstrap.ts';
import { readTemplate } from '../../src/db/template.ts';
import { requireOrSkip } from './skip.ts';

export type DatabaseMode = 'pglite' | 'postgres';

/** The modes this run tests: PGlite always; PostgreSQL when TEST_DATABASE_URL is set (always in CI). */
export function databaseModes(): DatabaseMode[] {
  const modes: DatabaseMode[] = ['pglite'];
  if (process.env.TEST_DATABASE_URL) modes.push('postgres');
  else requireOrSkip('PostgreSQL', 'TEST_DATABASE_URL is not set; HTTP and data tests ran on PGlite only');
  return modes;
}

export interface TestDatabase extends DatabaseHandle {
  mode: DatabaseMode;
  /** URL of this test's own PostgreSQL database (postgres mode only). */
  url?: string;
}

export async function openTestDatabase(mode: DatabaseMode, options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const seed = options.seed !== false;
  if (mode === 'pglite') {
    let template = await readTemplate(seed);
    if (!template) {
      // The migrations or default data changed since the template was built: build it again.
      const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-template.ts'], { stdio: 'inherit' });
      if (built.status !== 0) throw new Error('Could not build the PGlite template (scripts/build-template.ts)');
      template = await readTemplate(seed);
      if (!template) throw new Error('No PGlite template after building it');
    }
    const handle = await openDatabase({ template });
    await migrate(handle);
    return handle as TestDatabase;
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `ks_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  await migrate(handle);
  if (seed) await seedDefaults(handle);
  const close = handle.close;
  return {
    ...handle,
    mode: 'postgres',
    url: url.toString(),
    close: async () => {
      await close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
