// Builds the PGlite templates in .cache/ (migrated; migrated and seeded) if they are missing.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { prepareDatabase } from '../src/db/bootstrap.ts';
import { templatePath } from '../src/db/template.ts';

for (const seeded of [false, true]) {
  const path = templatePath(seeded);
  if (existsSync(path)) continue;
  // Several test files may ask for the same template at once: one builds, the others wait.
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
  if (existsSync(path)) {
    closeSync(fd);
    rmSync(lock, { force: true });
    continue;
  }
  const started = performance.now();
  const handle = await prepareDatabase({ seed: seeded });
  const dump = await handle.pglite!.dumpDataDir('gzip');
  await handle.close();
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
  renameSync(temporary, path);
  closeSync(fd);
  rmSync(lock, { force: true });
  console.log(`template ${seeded ? 'seeded' : 'empty'}: ${path} (${Math.round(performance.now() - started)} ms)`);
}
