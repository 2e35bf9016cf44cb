// A fresh PGlite folder costs ~6 s and ~850 MB to initialise (initdb in WASM); starting from a
// prebuilt, migrated and seeded copy takes ~2 s, and from a copy of a closed data folder less
// (no unpacking inside PGlite). The copies are made once per version of the migrations and default
// data, in .cache/, by `npm run template`: `npm ci` runs it (the prepare script), so does the test
// script. Tests open in-memory databases from the gzipped copies; `npm start` copies the folder.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths.ts';
import { migrationsFolder } from './migrate.ts';

const root = projectRoot;

/** Changes whenever a migration or the default data changes. */
export function templateKey(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    const path = join(migrationsFolder, file);
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(path));
  }
  const seedFolder = join(root, 'src/seed');
  for (const file of readdirSync(seedFolder).sort()) {
    if (file.endsWith('.ts') && !file.endsWith('.test.ts')) hash.update(file).update(readFileSync(join(seedFolder, file)));
  }
  const featuresFolder = join(root, 'src/features');
  for (const feature of readdirSync(featuresFolder).sort()) {
    const seedFile = join(featuresFolder, feature, 'seed.ts');
    if (existsSync(seedFile)) hash.update(seedFile).update(readFileSync(seedFile));
  }
  return hash.digest('hex').slice(0, 16);
}

export function templatePath(seeded: boolean): string {
  return join(root, '.cache', `pglite-${seeded ? 'seeded' : 'empty'}-${templateKey()}.tar.gz`);
}

/** The seeded template as a closed PGlite data folder, copied into an empty data folder at start. */
export function templateFolder(): string {
  return join(root, '.cache', `pglite-seeded-${templateKey()}`);
}

/** What an embedded (PGlite) start opens a new data folder from: the folder if built, else the gzip. */
export async function embeddedTemplate(seeded = true): Promise<{ templateFolder?: string; template?: Blob }> {
  const folder = templateFolder();
  if (seeded && existsSync(join(folder, 'PG_VERSION'))) return { templateFolder: folder };
  return { template: await readTemplate(seeded) };
}

export async function readTemplate(seeded = true): Promise<Blob | undefined> {
  const path = templatePath(seeded);
  if (!existsSync(path)) return undefined;
  return new Blob([readFileSync(path)]);
}
