// Files the app reads at run time (migrations, stylesheets, data lists), located from the project
// root, so the same code works from src/ under tsx and from the bundle in dist/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'kennisstad') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Kennisstad project root (package.json) not found');
    dir = parent;
  }
}

export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

export function projectPath(...parts: string[]): string {
  return join(projectRoot, ...parts);
}
