// What an upload is, decided from its bytes, and what it may be called. The browser's declared
// type and the file name are hints at best: the type comes from the content (magic numbers, via
// file-type), the name's extension must agree with it, and the name is reduced to a harmless
// display label that is never used as a path.
import { loadFileType } from '../../web/lazy-modules.ts';

export const FILE_KINDS = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'] },
  png: { mime: 'image/png', extensions: ['png'] },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { mime: 'image/gif', extensions: ['gif'] },
  webp: { mime: 'image/webp', extensions: ['webp'] },
  // Text has no magic number: accepted only as valid UTF-8 without NUL, under a text extension.
  text: { mime: 'text/plain', extensions: ['txt', 'md'] },
  csv: { mime: 'text/csv', extensions: ['csv'] },
} as const;

export type FileKind = keyof typeof FILE_KINDS;
export const DOCUMENT_KINDS = Object.keys(FILE_KINDS) as FileKind[];
export const LOGO_KINDS: FileKind[] = ['png', 'jpeg', 'webp'];
/** Raster images a browser may show inline; never SVG or HTML (they can carry script). */
export const INLINE_TYPES = new Set<string>(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export type Detection = { ok: true; kind: FileKind; contentType: string } | { ok: false; reason: 'empty' | 'type' | 'mismatch'; detected?: FileKind };

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The file's kind from its content, checked against the allowed kinds and the name's extension. */
export async function detectKind(bytes: Uint8Array, name: string, allowed: readonly FileKind[]): Promise<Detection> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const extension = extensionOf(name);
  const { fileTypeFromBuffer } = await loadFileType();
  const found = await fileTypeFromBuffer(bytes);
  let kind: FileKind | undefined;
  if (found) {
    kind = DOCUMENT_KINDS.find((k) => FILE_KINDS[k].mime === found.mime);
  } else if (isUtf8Text(bytes)) {
    kind = extension === 'csv' ? 'csv' : extension === 'txt' || extension === 'md' ? 'text' : undefined;
  }
  if (!kind || !allowed.includes(kind)) return { ok: false, reason: 'type' };
  if (!(FILE_KINDS[kind].extensions as readonly string[]).includes(extension)) return { ok: false, reason: 'mismatch', detected: kind };
  const contentType = kind === 'text' || kind === 'csv' ? `${FILE_KINDS[kind].mime}; charset=utf-8` : FILE_KINDS[kind].mime;
  return { ok: true, kind, contentType };
}

export const MAX_NAME_LENGTH = 120;

/**
 * A display name from whatever the browser sent: the last path segment only, without control
 * characters, zero-width and bidirectional marks (an RTL override can make "gpj.exe" look like
 * "exe.jpg"), without characters that are special in file systems or headers, no leading dots,
 * at most MAX_NAME_LENGTH characters with the extension kept.
 */
export function sanitiseName(raw: string, fallbackExtension: string): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[\\/]/).pop() ?? '';
  name = name.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '');
  name = name.replace(/[<>:"|?*`]/g, '_');
  name = name.replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '');
  // Stripping may take the extension with it ("...pdf" → "pdf"): the download keeps its type.
  if (!extensionOf(name)) name = `${name || 'file'}.${fallbackExtension}`;
  if (name.length > MAX_NAME_LENGTH) {
    const extension = extensionOf(name);
    const tail = extension && extension.length < 10 ? `.${extension}` : '';
    name = `${name.slice(0, MAX_NAME_LENGTH - tail.length).trimEnd()}${tail}`;
  }
  return name;
}

/** An RFC 6266 Content-Disposition value: an ASCII fallback name plus the exact name as filename*. */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
