// Builds the PGlite templates in .cache/ (migrated; migrated and seeded) if they are missing.
import { mkdirSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { prepareDatabase } from '../src/db/bootstrap.ts';
import { templatePath } from '../src/db/template.ts';

for (const seeded of [false, true]) {
  const path = templatePath(seeded);
  if (existsSync(path)) continue;
  const started = performance.now();
  const handle = await prepareDatabase({ seed: seeded });
  const dump = await handle.pglite!.dumpDataDir('gzip');
  await handle.close();
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
  renameSync(temporary, path);
  console.log(`template ${seeded ? 'seeded' : 'empty'}: ${path} (${Math.round(performance.now() - started)} ms)`);
}
