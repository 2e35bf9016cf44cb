// Bundles the app into dist/kennisstad.mjs (what `npm start` runs). `--if-stale`: only when a
// source file, the manifest or the lock file changed since the last bundle, so a start after
// `npm ci` (whose prepare step bundles) costs no build: esbuild and a second npm process are ~1 s
// of the ≤ 3 s a fresh clone has to its first page (issue 23). `--prepare`: a failure only warns.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OUTFILE = 'dist/kennisstad.mjs';

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

function stale() {
  if (!existsSync(OUTFILE)) return true;
  const built = statSync(OUTFILE).mtimeMs;
  return ['src', 'package.json', 'package-lock.json'].some((path) => newestChange(path) > built);
}

const args = process.argv.slice(2);
if (!args.includes('--if-stale') || stale()) {
  try {
    // Loaded only when it builds: the check alone stays a few milliseconds.
    const { build } = await import('esbuild');
    await build({
      entryPoints: ['src/cli.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      logLevel: 'warning',
      outfile: OUTFILE,
    });
  } catch (error) {
    if (!args.includes('--prepare')) process.exit(1);
    console.warn(`Kennisstad: the bundle was not built (${error instanceof Error ? error.message : String(error)}); npm start builds it.`);
  }
}
