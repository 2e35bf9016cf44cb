// `programme import`: a programme file into the database, whole or not at all. The file is read
// and checked first (every problem listed with its place); a programme whose address is taken is
// refused; then it is loaded the way the default programme is (./load.ts), in one transaction.
import type { Db } from '../db/client.ts';
import { loadProgramme } from './load.ts';
import { readProgrammeFile, type FileProblem } from './programme-file.ts';
import './extensions.ts';

export type ImportResult = { ok: true; slug: string } | { ok: false; problems: FileProblem[] };

export async function importProgramme(db: Db, content: string): Promise<ImportResult> {
  const read = readProgrammeFile(content);
  if (!read.ok) return read;
  const loaded = await loadProgramme(db, read.programme);
  if (loaded === 'already-loaded') return { ok: false, problems: [{ place: '/programme/slug', message: `a programme "${read.programme.slug}" exists already in this installation` }] };
  return { ok: true, slug: read.programme.slug };
}

/** Problems as lines for a terminal: "<place>: <message>", the whole file as "(file)". */
export function problemLines(problems: FileProblem[]): string[] {
  return problems.map((p) => `  ${p.place || '(file)'}: ${p.message}`);
}
