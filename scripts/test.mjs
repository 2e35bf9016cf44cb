// The one test command (npm test): builds the PGlite template, finds PostgreSQL, then runs every
// test file with node's test runner. Pass file paths to run only those.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import net from 'node:net';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/test';

function collect(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    socket.setTimeout(1000);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}

const env = { ...process.env };
if (!env.TEST_DATABASE_URL && (await reachable(DEFAULT_PG))) env.TEST_DATABASE_URL = DEFAULT_PG;
if (!env.TEST_DATABASE_URL) {
  const message = `PostgreSQL not reachable at ${DEFAULT_PG} and TEST_DATABASE_URL not set`;
  if (env.CI === 'true') { console.error(`CI=true: ${message}`); process.exit(1); }
  console.error(`\n*** SKIPPING PostgreSQL: ${message}; tests run on PGlite only ***\n`);
}

const template = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-template.ts'], { stdio: 'inherit', env });
if (template.status !== 0) process.exit(template.status ?? 1);

const args = process.argv.slice(2);
const files = args.length > 0 ? args : [...collect('src'), ...collect('test')].sort();
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${env.TEST_CONCURRENCY ?? 2}`, '--test-timeout=1200000', ...files],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
