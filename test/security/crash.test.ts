// Crashes: the real server (node src/cli.ts serve) on a PGlite data folder and on a fresh PostgreSQL
// database takes a write load through the API, is killed with SIGKILL in the middle, and restarts.
// Every write a client saw acknowledged must be there, and the invariants must hold.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { prepareDatabase } from '../../src/db/bootstrap.ts';
import { readTemplate } from '../../src/db/template.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { createUser, grantRole } from '../../src/features/accounts/commands.ts';
import { createApiToken } from '../../src/features/api/tokens/commands.ts';
import { databaseModes, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { rows } from './world.ts';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startServer(env: Record<string, string>, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', NODE_ENV: 'test' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitReady(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${base}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become ready');
}

async function prepare(db: DatabaseHandle['db']): Promise<string> {
  const user = await createUser(db, { email: `crash-${Date.now()}@example.org`, displayName: 'Crash Tester', password: 'correct horse battery staple' });
  await grantRole(db, { userId: user.id, programmeSlug: 'leiden', role: 'coordinator' });
  const [programme] = await rows<{ id: string }>(db, sql`select id from programmes where slug = 'leiden'`);
  const token = await createApiToken(db, { actor: { userId: user.id, displayName: 'Crash Tester' }, name: 'crash', scope: 'read-write', programmeId: programme!.id });
  return token.token;
}

async function checkInvariants(db: DatabaseHandle['db'], acknowledged: string[]): Promise<number> {
  const present = new Set((await rows<{ id: string }>(db, sql`select id from actions`)).map((r) => String(r.id)));
  const lost = acknowledged.filter((id) => !present.has(id)).length;
  // Agreement versions are numbered 1..n without gaps.
  const versions = await rows<{ n: number; max: number }>(db, sql`select count(*)::int as n, coalesce(max(number), 0)::int as max from agreement_versions group by agreement_id`);
  for (const v of versions) assert.equal(v.n, v.max, 'agreement versions are contiguous');
  // The fund ledger: balances never negative, commitments within contributions.
  const bad = await rows<{ n: number }>(db, sql`select count(*)::int as n from fund_balances where committed_cents > contributed_cents or paid_cents > committed_cents or contributed_cents < 0`);
  assert.equal(bad[0]!.n, 0, 'fund balances hold');
  // Every acknowledged action has its audit row.
  const audited = await rows<{ n: number }>(db, sql`select count(distinct object_id)::int as n from audit_events where object_type = 'action' and action like '%create%'`);
  assert.ok(audited[0]!.n >= acknowledged.length - lost, 'every stored action has an audit row');
  // Positions of a project's actions stay unique.
  const dup = await rows<{ n: number }>(db, sql`select count(*)::int as n from (select project_id, position from actions group by project_id, position having count(*) > 1) d`);
  assert.equal(dup[0]!.n, 0, 'action positions are unique per project');
  return lost;
}

for (const mode of databaseModes()) {
  describe(`crash recovery (${mode})`, () => {
    let dataDir = '';
    let pgDatabase: TestDatabase | undefined;
    let env: Record<string, string> = {};
    let token = '';
    let child: ChildProcess | undefined;

    before(async () => {
      if (mode === 'pglite') {
        dataDir = mkdtempSync(join(tmpdir(), 'ks-crash-'));
        const handle = await prepareDatabase({ dataDir, seed: true, template: await readTemplate(true) });
        token = await prepare(handle.db);
        await handle.close();
        env = { DATA_DIR: dataDir, DATABASE_URL: '' };
      } else {
        pgDatabase = await openTestDatabase('postgres');
        token = await prepare(pgDatabase.db);
        env = { DATABASE_URL: pgDatabase.url! };
      }
    });
    after(async () => {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      await pgDatabase?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    test(`SIGKILL during a write load loses no acknowledged write (${ROUNDS} rounds)`, async () => {
      const acknowledged: string[] = [];
      let totalLost = 0;
      for (let round = 1; round <= ROUNDS; round++) {
        const port = await freePort();
        const base = `http://127.0.0.1:${port}`;
        child = startServer(env, port);
        await waitReady(base, child);
        let stop = false;
        const worker = async (w: number) => {
          for (let i = 0; !stop; i++) {
            try {
              const response = await fetch(`${base}/api/v1/programmes/leiden/projects/1a/actions`, {
                method: 'POST',
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                body: JSON.stringify({ description: { nl: `crash ${round}.${w}.${i}`, en: `crash ${round}.${w}.${i}` } }),
              });
              if (response.status === 201) {
                const body = (await response.json()) as { id: string };
                acknowledged.push(String(body.id));
              } else if (response.status >= 500) {
                await response.text();
              } else {
                throw new Error(`unexpected ${response.status}: ${await response.text()}`);
              }
            } catch (error) {
              if ((error as Error).message.startsWith('unexpected')) throw error;
              if (process.env.CRASH_DEBUG) console.error(error);
              return; // the server is gone
            }
          }
        };
        const ackedBefore = acknowledged.length;
        const workers = [1, 2, 3, 4].map(worker);
        // Kill while writes are flowing: after the first few acknowledgements, at a varying moment.
        for (let i = 0; i < 600 && acknowledged.length < ackedBefore + 5; i++) await new Promise((r) => setTimeout(r, 50));
        await new Promise((r) => setTimeout(r, 100 + round * 97));
        child.kill('SIGKILL');
        stop = true;
        await Promise.all(workers);
        await new Promise((r) => child!.exitCode !== null || child!.signalCode ? r(null) : child!.once('exit', r));
        assert.ok(acknowledged.length > ackedBefore, `round ${round}: no write was acknowledged before the kill`);
        // Restart and look through the restarted server, then through the database itself.
        const port2 = await freePort();
        child = startServer(env, port2);
        await waitReady(`http://127.0.0.1:${port2}`, child);
        child.kill('SIGTERM');
        await new Promise((r) => (child!.exitCode !== null ? r(null) : child!.once('exit', r)));
        const handle = mode === 'pglite' ? await prepareDatabase({ dataDir, seed: false }) : pgDatabase!;
        try {
          totalLost = await checkInvariants(handle.db, acknowledged);
        } finally {
          if (mode === 'pglite') await handle.close();
        }
        assert.equal(totalLost, 0, `round ${round}: acknowledged writes lost`);
      }
      process.stdout.write(`# crash recovery (${mode}): ${ROUNDS} SIGKILL rounds, ${acknowledged.length} acknowledged writes, ${totalLost} lost\n`);
    });
  });
}
