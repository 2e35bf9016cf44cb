// The text of an uploaded .docx, for the agreement's articles. A .docx is a zip archive whose
// word/document.xml holds the paragraphs; Node's own zlib inflates it, so reading the text needs
// no extra dependency (and no program outside Node). Headings (paragraph styles "Heading N",
// "Kop N", "Title") become Markdown headings, so the article splitter (src/domain/
// agreement-articles.ts) treats a .docx like a Markdown file; list paragraphs become "- " items.
import { inflateRawSync } from 'node:zlib';

/** Largest document.xml read (bytes, unpacked): an agreement is tens of kilobytes; this stops a zip bomb. */
const MAX_XML_BYTES = 20 * 1024 * 1024;

export class DocxError extends Error {}

/** One file of a zip archive, or null when the archive has none by that name. */
export function zipEntry(zip: Buffer, name: string): Buffer | null {
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes (its comment is at most 64 KiB).
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new DocxError('not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw new DocxError('damaged zip directory');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const entryName = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    if (entryName !== name) continue;
    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== 0x04034b50) throw new DocxError('damaged zip entry');
    const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const data = zip.subarray(start, start + compressedSize);
    if (method === 0) return data;
    if (method !== 8) throw new DocxError('unsupported compression');
    try {
      return inflateRawSync(data, { maxOutputLength: MAX_XML_BYTES });
    } catch {
      throw new DocxError('damaged or too large');
    }
  }
  return null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    if (entity[0] !== '#') return ENTITIES[entity.toLowerCase()]!;
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The paragraphs of word/document.xml as plain text with Markdown headings and list items. */
export function documentXmlText(xml: string): string {
  const paragraphs: string[] = [];
  for (const match of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const paragraph = match[0];
    const text = decode(
      [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)]
        .map((part) => (part[2] === 'tab' ? '\t' : part[2] ? '\n' : part[1]!))
        .join(''),
    ).trim();
    if (!text) continue;
    const style = /<w:pStyle\s+w:val="([^"]*)"/.exec(paragraph)?.[1] ?? '';
    const level = /^(?:heading|kop)\s*(\d)$/i.exec(style)?.[1];
    if (level || /^title$/i.test(style)) paragraphs.push(`${'#'.repeat(Number(level ?? 1))} ${text.replace(/\n/g, ' ')}`);
    else if (/<w:numPr>/.test(paragraph) || /^list/i.test(style)) paragraphs.push(`- ${text}`);
    else paragraphs.push(text);
  }
  return paragraphs.join('\n\n');
}

/** The text of a .docx file; throws DocxError when the bytes are not a readable .docx. */
export function docxText(bytes: Buffer): string {
  const xml = zipEntry(bytes, 'word/document.xml');
  if (!xml) throw new DocxError('no word/document.xml');
  return documentXmlText(xml.toString('utf8'));
}
