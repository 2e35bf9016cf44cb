// Lints the served OpenAPI document against the NL API Design Rules (both Spectral rulesets in
// ../shared/adr, relative to the repository root). Starts the app on a fresh PGlite folder, fetches
// /api/v1/openapi.json to a temp file, runs Spectral for each ruleset; exits 1 on any error.
// Usage: node scripts/lint-api.mjs   (ADR_RULESETS=dir to use another ruleset folder)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rulesetDir = resolve(root, process.env.ADR_RULESETS ?? '../shared/adr');
const rulesets = existsSync(rulesetDir) ? readdirSync(rulesetDir).filter((f) => /^ruleset.*\.ya?ml$/.test(f)).sort() : [];
if (rulesets.length === 0) {
  console.error(`No rulesets found in ${rulesetDir}`);
  process.exit(1);
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = net.createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

const work = mkdtempSync(join(tmpdir(), 'ks-lint-api-'));
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: '', DATA_DIR: join(work, 'data'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'inherit', 'inherit'],
});

let failed = false;
try {
  let document;
  const deadline = Date.now() + 180_000;
  while (!document) {
    if (server.exitCode !== null) throw new Error(`The app exited (${server.exitCode}) before answering`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/openapi.json`);
      if (response.ok) document = await response.text();
    } catch {
      // not listening yet
    }
    if (!document) {
      if (Date.now() > deadline) throw new Error('The app did not answer within 180 s');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const file = join(work, 'openapi.json');
  writeFileSync(file, document);

  // The pinned devDependency when installed; otherwise npx with the same pinned version.
  let command = [];
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@stoplight/spectral-cli/package.json');
    command = [process.execPath, join(dirname(pkg), 'dist', 'index.js')];
  } catch {
    command = ['npx', '--yes', '@stoplight/spectral-cli@6.16.3'];
  }
  for (const ruleset of rulesets) {
    console.log(`\n== ${ruleset}`);
    const result = spawnSync(command[0], [...command.slice(1), 'lint', '--fail-severity', 'error', '-r', join(rulesetDir, ruleset), file], { stdio: 'inherit', cwd: work });
    if (result.status !== 0) {
      failed = true;
      console.error(`${ruleset}: FAILED (exit ${result.status})`);
    } else {
      console.log(`${ruleset}: 0 errors`);
    }
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
