// Builds the PGlite templates in .cache/ if they are missing: gzipped data folders (migrated;
// migrated and seeded) that tests open in memory, and the seeded one as a closed data folder that
// `npm start` copies into an empty data folder. Run by `npm ci` (prepare), the test script and
// `npm run template`. Templates of older migrations or default data are removed.
// `--prepare`: a failure is a warning, not a failed install (start then runs initdb itself).
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDatabase } from '../src/db/client.ts';
import { prepareDatabase } from '../src/db/bootstrap.ts';
import { readTemplate, templateFolder, templateKey, templatePath } from '../src/db/template.ts';

/** Several test files may ask for the same template at once: one builds, the others wait. */
async function exclusively(path: string, build: () => Promise<void>): Promise<void> {
  if (existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true });
  const lock = `${path}.lock`;
  let fd: number | undefined;
  const deadline = Date.now() + 120_000;
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx');
    } catch {
      if (Date.now() > deadline) rmSync(lock, { force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    if (!existsSync(path)) {
      const started = performance.now();
      await build();
      console.log(`template: ${path} (${Math.round(performance.now() - started)} ms)`);
    }
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}

async function buildTemplates(): Promise<void> {
  for (const seeded of [false, true]) {
    const path = templatePath(seeded);
    await exclusively(path, async () => {
      const handle = await prepareDatabase({ seed: seeded });
      const dump = await handle.pglite!.dumpDataDir('gzip');
      await handle.close();
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
      renameSync(temporary, path);
    });
  }
  const folder = templateFolder();
  await exclusively(folder, async () => {
    const temporary = `${folder}.${process.pid}.tmp`;
    rmSync(temporary, { recursive: true, force: true });
    // Unpacked from the seeded gzip and closed cleanly (CHECKPOINT): a copy of it is a data folder.
    const handle = await openDatabase({ dataDir: temporary, template: await readTemplate(true) });
    await handle.close();
    renameSync(temporary, folder);
  });
  const key = templateKey();
  for (const name of readdirSync(dirname(folder))) {
    if (name.startsWith('pglite-') && !name.includes(key) && !name.endsWith('.lock')) {
      rmSync(join(dirname(folder), name), { recursive: true, force: true });
    }
  }
}

try {
  await buildTemplates();
} catch (error) {
  if (!process.argv.includes('--prepare')) throw error;
  console.warn(`Kennisstad: the PGlite template was not built (${error instanceof Error ? error.message : String(error)}); the first start will take a few seconds longer.`);
}
