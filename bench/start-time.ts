// The embedded start of a fresh clone: `npm start` (bundle, then the server on an empty data
// folder, PGlite from the template `npm ci` built) until the programme's home page answers.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../test/support/nginx.ts';

export interface StartFigures {
  /** From running `npm start` to the first 200 of /nl/leiden. */
  firstPageMs: number;
  load: number;
}

export async function measureStart(): Promise<StartFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ks-bench-start-'));
  const port = await freePort();
  const load = Number(loadavg()[0]!.toFixed(1));
  const started = performance.now();
  // Its own process group: npm, the shell and node stop together.
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, DATA_DIR: join(dir, 'pglite'), KENNISSTAD_SECRET_KEY_FILE: join(dir, 'secret.key'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/nl/leiden`);
        await response.arrayBuffer();
        if (response.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('no first page within 120 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { firstPageMs: Math.round(performance.now() - started), load };
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}
