// Crashes: the real server (node src/cli.ts serve) on a PGlite data folder and on a fresh PostgreSQL
// database takes a write load through the API, is killed with SIGKILL in the middle, and restarts.
// Every write a client saw acknowledged must be there, and the invariants must hold: the fund
// ledger, agreement versions (numbered 1..n, one current whose text is live, each from one adopted
// amendment) and annual agendas (valid states; adopted ones name their decision), while a browser
// session moves agendas through their states during the load.
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
import { fetcherFor, newAuthenticator, signIn } from '../support/http-login.ts';
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
    env: { ...process.env, API_RATE_LIMIT: '1000000', ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', NODE_ENV: 'test' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitReady(base: string, child: ChildProcess): Promise<void> {
  // Up to three minutes: a PGlite folder recovering after SIGKILL on a loaded machine is slow.
  for (let i = 0; i < 1800; i++) {
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

/** The coordinator's authenticator app, set up through the enrolment form at the first login. */
const authenticator = newAuthenticator();

/** Logs in over HTTP like a browser, with the second step: the session cookie and the form token. */
const browserSession = (base: string, email: string) => signIn(fetcherFor(base), email, PASSWORD, authenticator);

function postForm(base: string, session: { cookie: string; csrf: string }, path: string, form: Record<string, string>): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form, _csrf: session.csrf }),
  });
}

const PASSWORD = 'correct horse battery staple';

async function prepare(db: DatabaseHandle['db']): Promise<{ token: string; email: string; decisionId: string }> {
  const email = `crash-${Date.now()}@example.org`;
  const user = await createUser(db, { email, displayName: 'Crash Tester', password: PASSWORD });
  await grantRole(db, { userId: user.id, programmeSlug: 'leiden', role: 'coordinator' });
  const [programme] = await rows<{ id: string }>(db, sql`select id from programmes where slug = 'leiden'`);
  const token = await createApiToken(db, { actor: { userId: user.id, displayName: 'Crash Tester' }, name: 'crash', scope: 'read-write', programmeId: programme!.id });
  // A held executive meeting with a confirmed decision to adopt agendas with (the default data has none).
  const [decision] = await rows<{ id: string }>(
    db,
    sql`with held as (insert into meetings (programme_id, body_id, starts_at, ends_at, location, state) select ${programme!.id}, b.id, '2018-01-15T09:00:00Z', '2018-01-15T11:00:00Z', 'Leiden', 'held' from bodies b where b.programme_id = ${programme!.id} and b.kind = 'executive' returning id)
        insert into decisions (programme_id, meeting_id, outcome, public, text, confirmed_at) select ${programme!.id}, held.id, 'adopted', true, ${JSON.stringify({ nl: 'Jaaragenda vaststellen', en: 'Adopt the annual agenda' })}::jsonb, '2018-01-15T12:00:00Z' from held returning id`,
  );
  return { token: token.token, email, decisionId: decision!.id };
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
  // Every acknowledged action has its audit row (the create row names the action in `after`).
  const audited = new Set((await rows<{ id: string }>(db, sql`select after->>'actionId' as id from audit_events where action = 'action.create'`)).map((r) => String(r.id)));
  const unaudited = acknowledged.filter((id) => present.has(id) && !audited.has(id));
  assert.deepEqual(unaudited, [], 'every stored action has its audit row');
  // Agreement versions: exactly one current (the highest number, whose text is the live text),
  // each later version made by exactly one adopted amendment that names it.
  const agreements = await rows<{ id: string }>(db, sql`select distinct agreement_id as id from agreement_versions`);
  for (const { id } of agreements) {
    const [latest] = await rows<{ number: number; sections: { key: string; body: Record<string, string> }[] }>(
      db,
      sql`select number, sections from agreement_versions where agreement_id = ${id} order by number desc limit 1`,
    );
    const live = await rows<{ key: string; body: Record<string, string> }>(db, sql`select key, body from agreement_sections where agreement_id = ${id}`);
    for (const section of latest!.sections) {
      const current = live.find((row) => row.key === section.key);
      assert.deepEqual(current?.body, section.body, `the live text of section ${section.key} is the current version's`);
    }
  }
  const orphans = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from agreement_versions v left join agreement_amendments a on a.id = v.amendment_id
        where v.number > 1 and (a.id is null or a.adopted_at is null or a.result_version is distinct from v.number)`,
  );
  assert.equal(orphans[0]!.n, 0, 'every later version comes from one adopted amendment');
  const doubled = await rows<{ n: number }>(db, sql`select count(*)::int as n from (select amendment_id from agreement_versions where amendment_id is not null group by amendment_id having count(*) > 1) d`);
  assert.equal(doubled[0]!.n, 0, 'no amendment made two versions');
  // Annual agendas: valid states only; adopted and published ones name an adopted executive decision,
  // or were adopted by the agreement itself (the 2017-2018 agenda of its annex).
  const states = await rows<{ n: number }>(db, sql`select count(*)::int as n from annual_agendas where state not in ('draft', 'proposed', 'adopted', 'published')`);
  assert.equal(states[0]!.n, 0, 'agenda states are valid');
  const unadopted = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from annual_agendas g left join decisions d on d.id = g.adopted_by_decision_id
        where g.state in ('adopted', 'published') and g.adopted_by is distinct from 'agreement' and (d.id is null or d.outcome <> 'adopted')`,
  );
  assert.equal(unadopted[0]!.n, 0, 'every adopted agenda has its adopting decision');
  const agendaAudits = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from annual_agendas g where g.state <> 'draft' and exists (select 1 from audit_events c where c.object_id = g.id::text and c.action = 'agenda.create')
        and not exists (select 1 from audit_events e where e.object_id = g.id::text and e.action = 'agenda.propose')`,
  );
  assert.equal(agendaAudits[0]!.n, 0, 'every agenda step has its audit row (agendas made here; the seeded one has no history)');
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
    let email = '';
    let decisionId = '';
    let agendaSteps = 0;
    let child: ChildProcess | undefined;

    before(async () => {
      if (mode === 'pglite') {
        dataDir = mkdtempSync(join(tmpdir(), 'ks-crash-'));
        const handle = await prepareDatabase({ dataDir, seed: true, template: await readTemplate(true) });
        ({ token, email, decisionId } = await prepare(handle.db));
        await handle.close();
        env = { DATA_DIR: dataDir, DATABASE_URL: '' };
      } else {
        pgDatabase = await openTestDatabase('postgres');
        ({ token, email, decisionId } = await prepare(pgDatabase.db));
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
        const agendaWorker = async () => {
          try {
            const session = await browserSession(base, email);
            // Agenda years run 2000-2100 (isValidSpan): 33 distinct years per round.
            for (let i = 0; !stop && i < 33; i++) {
              const year = 2001 + (round - 1) * 33 + i;
              const created = await postForm(base, session, '/nl/leiden/annual-agendas', { startYear: String(year), endYear: String(year) });
              if (created.status !== 303) throw new Error(`unexpected ${created.status} creating an agenda`);
              const url = created.headers.get('location')!;
              for (const [step, form] of [['propose', {}], ['adopt', { decision: decisionId, confirmed: 'yes' }]] as const) {
                const moved = await postForm(base, session, `${url}/${step}`, form);
                if (moved.status !== 303) throw new Error(`unexpected ${moved.status} at ${step}`);
                agendaSteps++;
              }
            }
          } catch (error) {
            if ((error as Error).message.startsWith('unexpected')) throw error;
            if (process.env.CRASH_DEBUG) console.error(error);
          }
        };
        const ackedBefore = acknowledged.length;
        const stepsBefore = agendaSteps;
        const workers = [...[1, 2, 3].map(worker), agendaWorker()];
        // Kill while writes of both kinds are flowing: after the first few acknowledgements and the
        // first agenda step (the browser session logs in first, which under the API load on PGlite
        // used to take longer than the whole round), at a varying moment.
        for (let i = 0; i < 600 && (acknowledged.length < ackedBefore + 5 || agendaSteps === stepsBefore); i++) await new Promise((r) => setTimeout(r, 50));
        assert.ok(agendaSteps > stepsBefore, `round ${round}: no agenda step got through before the kill`);
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
      process.stdout.write(`# crash recovery (${mode}): ${ROUNDS} SIGKILL rounds, ${acknowledged.length} acknowledged writes, ${totalLost} lost; ${agendaSteps} agenda steps under load; invariants held\n`);
    });
  });
}
