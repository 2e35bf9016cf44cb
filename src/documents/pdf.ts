// The PDF of an official document: tagged (structure tree H1-H3/P/L/LI/Table/TR/TH/TD), PDF 1.7,
// document language and title shown in the viewer's title bar, bookmarks for the headings, and on
// every page a footer (programme, the document's version, the date it was made, page x of y)
// marked as an artifact so a screen reader skips it. The text is set in DejaVu Sans, embedded; a
// character the font lacks is replaced by U+FFFD and reported, never printed as garbage.
import { now } from '../clock.ts';
import { loadPdfKit } from '../web/lazy-modules.ts';
import { formatDate, translate } from '../web/i18n.ts';
import { describeCharacter, fonts, isLayoutCharacter, REPLACEMENT } from './fonts.ts';
import { columnShares, type Block, type OfficialDocument } from './model.ts';
import './messages.ts';

export interface RenderedDocument {
  bytes: Buffer;
  /** Characters the font could not print, described as "U+0041 \"A\"" (for the log). */
  missingCharacters: string[];
}

const MARGIN = 72; // 2.54 cm, the margin of an official letter
const FOOTER_SIZE = 8;
const SIZES = { 1: 18, 2: 14, 3: 12 } as const;
const BODY_SIZE = 10.5;

type GlyphCheck = (codePoint: number) => boolean;

/** Replaces every character `hasGlyph` rejects, collecting what was replaced. */
export function printable(text: string, hasGlyph: GlyphCheck, missing: Set<string>): string {
  let out = '';
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (isLayoutCharacter(codePoint) || hasGlyph(codePoint)) out += character;
    else {
      missing.add(describeCharacter(character));
      out += REPLACEMENT;
    }
  }
  return out;
}

function printableBlock(block: Block, fix: (text: string) => string): Block {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return { ...block, text: fix(block.text) };
    case 'list':
      return { ...block, items: block.items.map(fix) };
    case 'table':
      return { ...block, header: block.header.map(fix), rows: block.rows.map((row) => row.map(fix)) };
  }
}

const CELL_PADDING = 4;

/**
 * Column widths in points: the shares of `columnShares`, but never narrower than a column's
 * longest word (header in bold) so no word is broken; the room for that comes from the columns
 * that have more than they need.
 */
function columnWidths(doc: PDFKit.PDFDocument, header: string[], rows: string[][], width: number): number[] {
  const longestWord = (texts: string[], font: string) => Math.max(0, ...texts.flatMap((text) => text.split(/\s+/)).map((word) => doc.font(font).widthOfString(word)));
  const minimum = header.map((h, i) => Math.max(longestWord([h], 'bold'), longestWord(rows.map((row) => row[i] ?? ''), 'body')) + 2 * CELL_PADDING + 2);
  doc.font('body');
  const widths = columnShares(header, rows).map((share, i) => Math.max(share * width, minimum[i]!));
  const excess = widths.reduce((sum, w) => sum + w, 0) - width;
  const slack = widths.map((w, i) => w - minimum[i]!);
  const totalSlack = slack.reduce((sum, s) => sum + s, 0);
  if (excess <= 0 || totalSlack <= 0) return widths;
  return widths.map((w, i) => w - (excess * slack[i]!) / totalSlack);
}

/** A row's height as pdfkit's table sets it: its tallest cell's text plus the padding. */
function rowHeight(doc: PDFKit.PDFDocument, row: string[], widths: number[], font: 'body' | 'bold'): number {
  doc.font(font);
  return Math.max(...row.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 2 * CELL_PADDING }))) + 2 * CELL_PADDING;
}

/**
 * The table's rows in runs that each fit on a page below their header row, starting at the current
 * position; a run that does not fit in what is left of this page starts on a new one. A single row
 * taller than a page is left to pdfkit (it clamps it).
 */
function rowsPerPage(doc: PDFKit.PDFDocument, header: string[], rows: string[][], widths: number[]): { rows: string[][]; pageBreakBefore: boolean }[] {
  const SAFETY = 1; // borders and rounding: a run never ends exactly on the page's edge
  const headerHeight = rowHeight(doc, header, widths, 'bold') + SAFETY;
  const heights = rows.map((row) => rowHeight(doc, row, widths, 'body') + SAFETY);
  const pageRoom = doc.page.maxY() - doc.page.margins.top;
  const runs: { rows: string[][]; pageBreakBefore: boolean }[] = [];
  let room = doc.page.maxY() - doc.y;
  let next = 0;
  while (next < rows.length) {
    let used = headerHeight;
    let end = next;
    while (end < rows.length && used + heights[end]! <= room) used += heights[end++]!;
    if (end === next && room < pageRoom) {
      // Not even one row fits below the header here: the table starts on the next page.
      runs.push({ rows: [], pageBreakBefore: true });
      room = pageRoom;
      continue;
    }
    if (end === next) end = next + 1; // taller than a page: pdfkit clamps it
    const run = runs.at(-1);
    if (run && run.rows.length === 0) run.rows = rows.slice(next, end);
    else runs.push({ rows: rows.slice(next, end), pageBreakBefore: runs.length > 0 });
    next = end;
    room = pageRoom;
  }
  return runs;
}

export async function renderPdf(document: OfficialDocument): Promise<RenderedDocument> {
  const PDFDocument = await loadPdfKit();
  const { meta } = document;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    tagged: true,
    lang: meta.lang === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    bufferPages: true,
    info: { Title: meta.title, Author: meta.programme, Subject: meta.title, Creator: 'Kennisstad', Producer: 'Kennisstad (PDFKit)', CreationDate: now() },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.font('body');
  // fontkit's font behind pdfkit's embedded font: the one place that knows which glyphs exist.
  const fontkitFont = (doc as unknown as { _font: { font: { hasGlyphForCodePoint(codePoint: number): boolean } } })._font.font;
  const missing = new Set<string>();
  const fix = (text: string) => printable(text, (codePoint) => fontkitFont.hasGlyphForCodePoint(codePoint), missing);

  const root = doc.struct('Document');
  doc.addStructure(root);
  const outline: PDFKit.PDFOutline[] = [doc.outline];
  const width = doc.page.width - 2 * MARGIN;

  for (const block of document.blocks.map((b) => printableBlock(b, fix))) {
    doc.x = MARGIN;
    if (block.kind === 'heading') {
      if (doc.y > MARGIN) doc.moveDown(block.level === 1 ? 0 : 0.8);
      // Keep a heading with at least two lines of what follows.
      if (doc.y + SIZES[block.level] * 2 + BODY_SIZE * 3 > doc.page.height - MARGIN) doc.addPage();
      const parent = outline[Math.min(block.level - 1, outline.length - 1)]!;
      // pdfkit places the bookmark at (page width - left, page height - top): this is the heading's
      // own spot at the page's left edge (the typings know only `expanded`).
      const place = { top: doc.y, left: doc.page.width, expanded: true };
      const item = parent.addItem(block.text, place);
      outline.length = Math.min(block.level, outline.length);
      outline.push(item);
      doc.font('bold').fontSize(SIZES[block.level]).text(block.text, { width, structParent: root, structType: `H${block.level}` });
      doc.moveDown(0.3);
    } else if (block.kind === 'paragraph') {
      doc.font('body').fontSize(BODY_SIZE).text(block.text, { width, lineGap: 2, structParent: root, structType: 'P' });
      doc.moveDown(0.5);
    } else if (block.kind === 'list') {
      const list = doc.struct('L');
      root.add(list);
      doc.font('body').fontSize(BODY_SIZE).list(block.items, { width, lineGap: 2, listType: block.ordered ? 'numbered' : 'bullet', structParent: list } as PDFKit.Mixins.TextOptions);
      list.end();
      doc.moveDown(0.5);
    } else {
      doc.font('body').fontSize(BODY_SIZE - 1);
      const widths = columnWidths(doc, block.header, block.rows, width);
      // pdfkit does not repeat a table's header row on the next page: a table that runs over pages
      // is set as one table per page, each with its header row (and its own TH cells).
      for (const rows of rowsPerPage(doc, block.header, block.rows, widths)) {
        if (rows.pageBreakBefore) doc.addPage();
        doc.x = MARGIN;
        doc.table({
          structParent: root,
          defaultStyle: { padding: CELL_PADDING, border: 0.5, borderColor: '#666666' },
          columnStyles: widths,
          data: [block.header.map((text) => ({ text, type: 'TH', scope: 'Column', font: { src: 'bold' }, backgroundColor: '#eeeeee' })), ...rows.rows],
        } as unknown as PDFKit.Mixins.TableOptionsWithData);
      }
      doc.font('body');
      doc.x = MARGIN;
      doc.moveDown(0.5);
    }
  }
  root.end();

  const footer = fix(translate(meta.lang, 'documents.footer', { programme: meta.programme, version: meta.version, date: formatDate(meta.lang, meta.madeOn) }));
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the margin must not start a new page
    const y = doc.page.height - MARGIN / 2 - FOOTER_SIZE;
    const pageLabel = translate(meta.lang, 'documents.page', { page: i + 1, pages: count });
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font('body').fontSize(FOOTER_SIZE).fillColor('#333333');
    // The footer and the page number share a line when they fit; otherwise the footer goes above.
    const fits = doc.widthOfString(footer) + doc.widthOfString(pageLabel) + 12 <= width;
    doc.text(footer, MARGIN, fits ? y : y - FOOTER_SIZE * 1.5, { width, lineBreak: false });
    doc.text(pageLabel, MARGIN, y, { width, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return { bytes: await finished, missingCharacters: [...missing] };
}
