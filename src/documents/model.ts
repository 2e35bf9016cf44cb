// One model for the official documents the programme circulates (agreement, annual agenda,
// minutes, meeting pack, evaluation). Builders produce it; the PDF and DOCX renderers both read
// it, so the two formats always carry the same content.
import type { Locale } from '../domain/localized.ts';

export type HeadingLevel = 1 | 2 | 3;

export type Block =
  | { kind: 'heading'; level: HeadingLevel; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface DocumentMeta {
  /** The document's title: the PDF's /Title and DOCX's title; also its first heading. */
  title: string;
  lang: Locale;
  /** The programme's name, printed in every page's footer. */
  programme: string;
  /** The document's own version as a reader names it ("Versie 3", "Concept", "Vastgesteld op ..."). */
  version: string;
  /** The day the document was made (ISO date), printed in the footer. */
  madeOn: string;
}

export interface OfficialDocument {
  meta: DocumentMeta;
  blocks: Block[];
}

export const heading = (level: HeadingLevel, text: string): Block => ({ kind: 'heading', level, text });
export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
export const bullets = (items: string[]): Block => ({ kind: 'list', ordered: false, items });
export const numbered = (items: string[]): Block => ({ kind: 'list', ordered: true, items });
export const table = (header: string[], rows: string[][]): Block => ({ kind: 'table', header, rows });

/**
 * Plain text as blocks: blank lines separate paragraphs, consecutive lines starting with "- " form a
 * bullet list and lines starting with "1. " a numbered list.
 */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line) continue;
    const bullet = /^[-*•]\s+(.*)$/.exec(line);
    const number = /^\d+[.)]\s+(.*)$/.exec(line);
    const last = blocks.at(-1);
    if (bullet || number) {
      const ordered = !bullet;
      const item = (bullet ?? number)![1]!;
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(item);
      else blocks.push({ kind: 'list', ordered, items: [item] });
    } else {
      blocks.push(paragraph(line));
    }
  }
  return blocks;
}

/** The model with empty lists and tables left out (a renderer never prints an empty structure). */
export function withoutEmpty(blocks: Block[]): Block[] {
  return blocks.filter((b) => (b.kind === 'list' ? b.items.length > 0 : b.kind === 'table' ? b.rows.length > 0 : true));
}

/** Who a document is made for and when: the same for every document of one request. */
export interface DocumentContext {
  lang: Locale;
  programme: string;
  madeOn: string;
}

/** A document whose first block is its title as the level-1 heading. */
export function officialDocument(context: DocumentContext, title: string, version: string, blocks: Block[]): OfficialDocument {
  return { meta: { title, lang: context.lang, programme: context.programme, version, madeOn: context.madeOn }, blocks: [heading(1, title), ...withoutEmpty(blocks)] };
}

/**
 * Column widths for a table, as shares of the width available (summing to 1): a column gets room
 * by the length of its longest text, at least 6 and at most 60 characters' worth, so a column of
 * numbers stays narrow and one of descriptions gets the space.
 */
export function columnShares(header: string[], rows: string[][]): number[] {
  const weights = header.map((h, i) => Math.min(60, Math.max(6, h.length, ...rows.map((row) => (row[i] ?? '').length))));
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
}
