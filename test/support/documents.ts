// Reads generated PDFs and DOCX files with the real tools a reader's software relies on:
// qpdf (structure check, catalog), poppler-utils (pdfinfo, pdffonts, pdftotext) and unzip.
// Without them the tests skip loudly; under CI=true a missing tool fails the run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireOrSkip } from './skip.ts';

const TOOLS = ['qpdf', 'pdfinfo', 'pdffonts', 'pdftotext', 'unzip'];

/** True when every tool is installed; otherwise announces the skip (or throws under CI=true). */
export function documentToolsPresent(): boolean {
  const missing = TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length === 0) return true;
  requireOrSkip('PDF/DOCX tools', `${missing.join(', ')} not installed (apt-get install qpdf poppler-utils unzip)`);
  return false;
}

function withFile<T>(bytes: Buffer, name: string, read: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ks-document-'));
  try {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return read(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

export interface PdfReport {
  /** qpdf --check's verdict line ("No syntax or stream encoding errors found"). */
  check: string;
  info: Record<string, string>;
  fonts: { name: string; type: string; embedded: boolean }[];
  text: string;
  /** The text with every run of white space (line wraps, layout columns) as one space. */
  flatText: string;
  catalog: { lang: string | null; displayDocTitle: boolean; marked: boolean; outline: { title: string; depth: number }[] };
  /** Every structure element's type, in object order (H1, P, L, LI, Table, TH, ...). */
  structureTypes: string[];
}

type JsonObject = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === 'string' ? value.replace(/^[ub]:/, '') : null);

export function inspectPdf(bytes: Buffer): PdfReport {
  return withFile(bytes, 'document.pdf', (path) => {
    const check = run('qpdf', ['--check', path]);
    const info = Object.fromEntries(
      run('pdfinfo', [path])
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!.trim(), m[2]!.trim()]),
    );
    const fonts = run('pdffonts', [path])
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => {
        // name, type (may hold spaces), encoding, emb, sub, uni, object, id: read from the right.
        const cols = line.trim().split(/\s+/);
        return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: cols.at(-5) === 'yes' };
      });
    const text = run('pdftotext', ['-enc', 'UTF-8', '-layout', path, '-']);
    const json = JSON.parse(run('qpdf', ['--json=2', '--json-key=qpdf', path])) as { qpdf?: [unknown, Record<string, { value?: JsonObject }>] };
    const objects: Record<string, JsonObject> = {};
    for (const [key, entry] of Object.entries(json.qpdf?.[1] ?? {})) if (entry && typeof entry === 'object' && entry.value) objects[key.replace(/^obj:/, '')] = entry.value;
    const deref = (value: unknown): JsonObject | null => (typeof value === 'string' && objects[value] ? objects[value]! : value && typeof value === 'object' ? (value as JsonObject) : null);
    const catalog = Object.values(objects).find((o) => o['/Type'] === '/Catalog') ?? {};
    const outline: { title: string; depth: number }[] = [];
    const walk = (item: JsonObject | null, depth: number) => {
      for (let node = item; node && depth < 50; node = deref(node['/Next'])) {
        const title = str(node['/Title']);
        if (title !== null) outline.push({ title, depth });
        walk(deref(node['/First']), depth + 1);
      }
    };
    walk(deref(deref(catalog['/Outlines'])?.['/First']), 0);
    return {
      check,
      info,
      fonts,
      text,
      flatText: text.replace(/\s+/g, ' '),
      catalog: {
        lang: str(catalog['/Lang']),
        displayDocTitle: deref(catalog['/ViewerPreferences'])?.['/DisplayDocTitle'] === true,
        marked: deref(catalog['/MarkInfo'])?.['/Marked'] === true,
        outline,
      },
      structureTypes: Object.values(objects)
        .filter((o) => o['/Type'] === '/StructElem' || (typeof o['/S'] === 'string' && '/P' in o))
        .map((o) => String(o['/S']).replace(/^\//, '')),
    };
  });
}

/** One part of a DOCX (a ZIP) as text, read with unzip. */
export function docxPart(bytes: Buffer, part: string): string {
  // unzip reads the name as a pattern: [Content_Types].xml needs its brackets escaped.
  return withFile(bytes, 'document.docx', (path) => run('unzip', ['-p', path, part.replace(/[[\]*?]/g, '\\$&')]));
}

/** The paragraphs of a DOCX body as plain text (table cells included, one paragraph each). */
export function docxParagraphs(bytes: Buffer): string[] {
  const xml = docxPart(bytes, 'word/document.xml');
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join(''));
}

/** True when LibreOffice (headless) is installed; otherwise announces the skip (or throws under CI=true). */
export function libreOfficePresent(): boolean {
  if (spawnSync('sh', ['-c', 'command -v soffice']).status === 0) return true;
  requireOrSkip('LibreOffice', 'soffice not installed (apt-get install libreoffice-writer-nogui)');
  return false;
}

/**
 * Opens a DOCX in LibreOffice (headless, with a profile of its own so parallel runs do not share a
 * lock) and converts it, as a reader without Word would: the text it reads, and a PDF it prints.
 */
export function openInLibreOffice(docx: Buffer): { text: string; pdf: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'ks-libreoffice-'));
  try {
    const source = join(dir, 'document.docx');
    writeFileSync(source, docx);
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    for (const target of ['txt:Text (encoded):UTF8', 'pdf']) {
      execFileSync('soffice', [profile, '--headless', '--norestore', '--convert-to', target, '--outdir', dir, source], { stdio: 'pipe', timeout: 120_000 });
    }
    return { text: readFileSync(join(dir, 'document.txt'), 'utf8'), pdf: readFileSync(join(dir, 'document.pdf')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
