// npm run bench: throughput, latency, queries per request and memory of the main routes at 1x and
// 100x data, against a static-file baseline serving the same project page's bytes. It measures and
// reports; it judges nothing, and exits non-zero only when it could not run.
// Two load generators: autocannon (in-process, the per-route table as before) and Debian's wrk
// for the rates a cached page reaches: nginx serving the page as a static file (the baseline), the
// app alone, the app behind deploy/nginx/kennisstad.conf and a signed-in page, each as a ratio to
// nginx static in the same round. Then the embedded start of a fresh clone (`npm start` to the
// first page). `bash bench/setup.sh` (run by `npm run bench`) installs wrk and nginx.
//
//   npm run bench                 PostgreSQL (full) and PGlite (shorter), 1x and 100x
//   npm run bench -- --quick      one short pass, for trying the script
//   npm run bench -- --quick --db pglite --scale 100x
//   npm run bench -- --db postgres --scale 1x   the full pass of one database and scale
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { createUser, grantRole } from '../src/features/accounts/commands.ts';
import { generate, SCALES, type Scale } from './generate.ts';
import { goalLines, median, summarise, summariseWrk, WRK_TARGETS, type Figures, type PassResult } from './report.ts';
import { measureStart, type StartFigures } from './start-time.ts';
import { wrk, wrkVersion } from './wrk.ts';
import { NGINX, startProxy, startStaticNginx } from '../test/support/nginx.ts';
import { fetcherFor, injectFetcher, newAuthenticator, signIn, type Authenticator } from '../test/support/http-login.ts';

const { values: options } = parseArgs({ options: { quick: { type: 'boolean', default: false }, pg: { type: 'string' }, db: { type: 'string' }, scale: { type: 'string' } } });
const PG_ADMIN = options.pg ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PASSWORD = 'benchmark password 2026';
const EMAIL = 'coordinator@bench.example';
/**
 * Production on PostgreSQL needs the key that encrypts stored secrets; a throwaway one will do, the
 * same for the server and the in-process app that counts queries (both open the authenticator's secret).
 */
const SECRET_KEY = randomBytes(32).toString('base64');

interface Target {
  name: string;
  path: string;
  auth?: boolean;
}

const TARGETS: Target[] = [
  { name: 'project page', path: '/nl/leiden/projects/3a' },
  { name: 'home', path: '/nl/leiden' },
  { name: 'dashboard', path: '/nl/leiden/dashboard', auth: true },
  { name: 'project list (filtered)', path: '/nl/leiden/projects?theme=3' },
  { name: 'search', path: '/nl/leiden/search?q=huisvesting' },
  { name: 'API list', path: '/api/v1/programmes/leiden/projects?page=2&pageSize=20' },
];

const log = (message: string) => process.stderr.write(`${message}\n`);

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

async function load(url: string, connections: number, seconds: number, headers: Record<string, string> = {}): Promise<Figures> {
  const result = await autocannon({ url, connections, duration: seconds, headers, pipelining: 1 });
  // When a run ends, the server still works through the requests autocannon abandoned; on PGlite
  // (one query at a time) that backlog delayed the next target by seconds and made it look
  // collapsed. Wait until a database query gets through before the next run.
  const drainStart = performance.now();
  await fetch(new URL('/readyz', url));
  return {
    unfinished: result.requests.sent - result.requests.total,
    drainMs: Math.round(performance.now() - drainStart),
    // The per-second samples round down short runs; total over duration does not.
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** A generated database, and the bench coordinator's authenticator (enrolled at the first login). */
interface BenchDatabase {
  url?: string;
  dataDir?: string;
  authenticator: Authenticator;
  cleanup: () => Promise<void>;
}

async function prepareDatabase(mode: 'postgres' | 'pglite', scale: Scale): Promise<BenchDatabase> {
  let handle: DatabaseHandle;
  let url: string | undefined;
  let dataDir: string | undefined;
  let cleanup: () => Promise<void>;
  if (mode === 'postgres') {
    const name = `ks_bench_${scale.name}_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(PG_ADMIN);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    handle = await openDatabase({ databaseUrl: url });
    cleanup = async () => {
      const dropper = new pg.Client({ connectionString: PG_ADMIN });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
  } else {
    dataDir = mkdtempSync(join(tmpdir(), `ks-bench-${scale.name}-`));
    handle = await openDatabase({ dataDir });
    cleanup = async () => rmSync(dataDir!, { recursive: true, force: true });
  }
  await migrate(handle);
  await generate(handle.db, scale, log);
  const user = await createUser(handle.db, { email: EMAIL, displayName: 'Bench Coordinator', password: PASSWORD });
  await grantRole(handle.db, { userId: user.id, programmeSlug: 'leiden', role: 'coordinator' });
  await handle.close();
  return { url, dataDir, authenticator: newAuthenticator(), cleanup };
}

/** Queries each route sends, counted in-process through the same code (one request, warm). */
async function countQueries(mode: 'postgres' | 'pglite', db: BenchDatabase): Promise<Record<string, number>> {
  const handle = await openDatabase({ databaseUrl: db.url, dataDir: db.dataDir });
  const app = await buildApp({ config: { ...loadConfig({ KENNISSTAD_SECRET_KEY: SECRET_KEY }), baseUrl: 'http://localhost' }, database: handle, logger: false });
  const { cookie } = await signIn(injectFetcher(app), EMAIL, PASSWORD, db.authenticator);
  const counts: Record<string, number> = {};
  for (const target of TARGETS) {
    const headers = target.auth ? { cookie } : undefined;
    await app.inject({ url: target.path, headers });
    const before = handle.queryCount();
    await app.inject({ url: target.path, headers });
    counts[target.name] = handle.queryCount() - before;
  }
  await app.close();
  await handle.close();
  void mode;
  return counts;
}

/** The Node flags of `npm start` (package.json), so the bench measures the server as it is run. */
function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  const command = /\bnode ((?:--\S+ )*)dist\/kennisstad\.mjs serve/.exec(scripts.start ?? '');
  if (!command) throw new Error('package.json "start" does not run "node [flags] dist/kennisstad.mjs serve"');
  return command[1]!.trim().split(/\s+/).filter(Boolean);
}

async function startServer(db: { url?: string; dataDir?: string }, port: number): Promise<ChildProcess> {
  // The production bundle, as `npm start` runs it (tsx itself would add ~70 MB to every RSS figure).
  const child = spawn(process.execPath, [...startFlags(), 'dist/kennisstad.mjs', 'serve'], {
    // The API rate limit is lifted: the benchmark measures how fast answers are made, not the limit.
    env: { API_RATE_LIMIT: '100000000', ...process.env, KENNISSTAD_SECRET_KEY: SECRET_KEY, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: db.url ?? '', DATA_DIR: db.dataDir ?? '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error('server did not become ready within 60 s');
}

async function startBaseline(bytes: Buffer): Promise<{ server: Server; url: string }> {
  // nginx is not on these machines by default; a bare Node http server with a prebuilt Buffer is
  // the fastest thing Node can do, which makes it an honest ceiling for our own pages.
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': bytes.length });
    response.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

async function pass(mode: 'postgres' | 'pglite', scale: Scale, rounds: number, seconds: number, wrkSeconds: number): Promise<PassResult> {
  log(`\n== ${mode} ${scale.name}: generating data`);
  const db = await prepareDatabase(mode, scale);
  try {
    const queriesPerRequest = await countQueries(mode, db);
    const port = 3900 + Math.floor(Math.random() * 50);
    const server = await startServer(db, port);
    const base = `http://127.0.0.1:${port}`;
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const rssAtReadyMb = memoryOf(server.pid!).rssMb;
      await new Promise((resolve) => setTimeout(resolve, 9_500));
      const rssAfterBootMb = memoryOf(server.pid!).rssMb;
      const { cookie } = await signIn(fetcherFor(base), EMAIL, PASSWORD, db.authenticator);
      const projectPage = Buffer.from(await (await fetch(`${base}${TARGETS[0]!.path}`)).arrayBuffer());
      const baseline = await startBaseline(projectPage);
      const staticDir = mkdtempSync(join(tmpdir(), 'ks-bench-static-'));
      writeFileSync(join(staticDir, 'page.html'), projectPage);
      const nginxStatic = await startStaticNginx(staticDir);
      const proxy = await startProxy([`127.0.0.1:${port}`]);
      const wrkUrls: Record<(typeof WRK_TARGETS)[number], { url: string; headers?: Record<string, string> }> = {
        'nginx static': { url: `${nginxStatic.url}/page.html` },
        'app alone (cached public page)': { url: `${base}${TARGETS[0]!.path}` },
        'app behind nginx (kennisstad.conf)': { url: `${proxy.url}${TARGETS[0]!.path}` },
        'signed-in dashboard (app)': { url: `${base}${TARGETS.find((target) => target.auth)!.path}`, headers: { cookie } },
      };
      const wrkResults: PassResult['wrk'] = Object.fromEntries(WRK_TARGETS.map((name) => [name, []]));
      const results: PassResult['rounds'] = { 'static baseline': { c1: [], c64: [] } };
      const rssAfterRoundMb: number[] = [];
      for (let round = 1; round <= rounds; round++) {
        log(`   round ${round}/${rounds}`);
        for (const name of WRK_TARGETS) {
          wrkResults[name]!.push(await wrk(wrkUrls[name].url, { seconds: wrkSeconds, headers: wrkUrls[name].headers }));
          await fetch(`${base}/readyz`);
        }
        // Interleaved: every target once per round, so drift hits all of them alike.
        results['static baseline']!.c1.push(await load(baseline.url, 1, seconds));
        results['static baseline']!.c64.push(await load(baseline.url, 64, seconds));
        const withMemory = (figures: Figures): Figures => ({ ...figures, ...memoryOf(server.pid!) });
        for (const target of TARGETS) {
          const headers: Record<string, string> = target.auth ? { cookie } : {};
          const entry = (results[target.name] ??= { c1: [], c64: [] });
          entry.c1.push(withMemory(await load(`${base}${target.path}`, 1, seconds, headers)));
          entry.c64.push(withMemory(await load(`${base}${target.path}`, 64, seconds, headers)));
        }
        rssAfterRoundMb.push(memoryOf(server.pid!).rssMb);
      }
      const peakRssMb = memoryOf(server.pid!).peakMb;
      baseline.server.close();
      await proxy.stop();
      await nginxStatic.stop();
      rmSync(staticDir, { recursive: true, force: true });
      return { database: mode, scale: scale.name, rssAtReadyMb, rssAfterBootMb, rssAfterRoundMb, peakRssMb, queriesPerRequest, rounds: results, wrk: wrkResults };
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  } finally {
    await db.cleanup();
  }
}

function buildBundle(): void {
  log('building the production bundle (npm run build)');
  const built = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
}

function requireTools(): void {
  const missing = [wrkVersion() ? null : 'wrk', existsSync(NGINX) ? null : 'nginx'].filter(Boolean);
  if (missing.length) throw new Error(`${missing.join(' and ')} not installed: run \`bash bench/setup.sh\` (npm run bench does) or apt-get install ${missing.join(' ')}`);
}

async function main(): Promise<number> {
  requireTools();
  buildBundle();
  type Step = { mode: 'postgres' | 'pglite'; scale: Scale; rounds: number; seconds: number; wrkSeconds: number };
  const plan: Step[] = options.quick
    ? [{ mode: options.db === 'pglite' ? 'pglite' : 'postgres', scale: options.scale === '100x' ? SCALES['100x'] : SCALES['1x'], rounds: 3, seconds: 1, wrkSeconds: 2 }]
    : ([
        { mode: 'postgres', scale: SCALES['1x'], rounds: 3, seconds: 3, wrkSeconds: 5 },
        { mode: 'postgres', scale: SCALES['100x'], rounds: 3, seconds: 3, wrkSeconds: 5 },
        { mode: 'pglite', scale: SCALES['1x'], rounds: 3, seconds: 1, wrkSeconds: 3 },
        { mode: 'pglite', scale: SCALES['100x'], rounds: 3, seconds: 1, wrkSeconds: 3 },
      ] satisfies Step[]).filter((step) => (!options.db || step.mode === options.db) && (!options.scale || step.scale.name === options.scale));
  if (plan.length === 0) throw new Error('no pass matches --db and --scale (postgres|pglite, 1x|100x)');
  const results: PassResult[] = [];
  for (const step of plan) results.push(await pass(step.mode, step.scale, step.rounds, step.seconds, step.wrkSeconds));
  // A fresh clone after `npm ci` has the PGlite template (built by npm ci's prepare step).
  if (spawnSync('npm', ['run', 'template', '--silent'], { stdio: 'inherit' }).status !== 0) throw new Error('npm run template failed');
  const starts: StartFigures[] = [];
  const startRuns = options.quick ? 1 : 3;
  for (let i = 0; i < startRuns; i++) {
    log(`\n== embedded start of a fresh clone ${i + 1}/${startRuns}`);
    starts.push(await measureStart());
  }
  const rows = results.flatMap(summarise);
  console.table(rows);
  console.table(results.flatMap(summariseWrk));
  console.table(
    results.map((r) => ({ database: r.database, scale: r.scale, 'RSS at ready MB': r.rssAtReadyMb, 'RSS after boot MB': r.rssAfterBootMb, 'RSS after rounds MB': r.rssAfterRoundMb.join(' / '), 'peak RSS MB': r.peakRssMb })),
  );
  const goals = goalLines(results, starts);
  console.log(`\n${goals.join('\n')}`);
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  const os = await import('node:os');
  writeFileSync(file, JSON.stringify({ machine: { node: process.version, cpus: os.cpus().length, wrk: wrkVersion() }, results, starts, summary: rows, wrk: results.flatMap(summariseWrk), goals }, null, 2));
  console.log(`\nEvery figure: ${file}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench could not run: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
