// Plain text as people type it in a textarea (minutes, notes), read into blocks a page can show
// without losing its shape: a blank line separates paragraphs, a line break inside a paragraph
// stays a line break, and runs of lines starting with "- " or "* " become a bulleted list, runs
// starting with "1. " (any number and a dot) a numbered list. Nothing here is markup: the page
// escapes every line as text, so a "<b>" typed in the minutes is shown as typed.

export type TextBlock =
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'numbered'; items: string[]; start: number };

const BULLET = /^[-*]\s+(.*)/;
const NUMBERED = /^(\d{1,9})[.)]\s+(.*)/;

type Line = { kind: 'text'; text: string } | { kind: 'bullet'; text: string } | { kind: 'number'; text: string; number: number };

function readLine(line: string): Line {
  const bullet = BULLET.exec(line);
  if (bullet) return { kind: 'bullet', text: bullet[1]! };
  const numbered = NUMBERED.exec(line);
  if (numbered) return { kind: 'number', text: numbered[2]!, number: Number(numbered[1]) };
  return { kind: 'text', text: line };
}

/** The blocks of a plain text, in order; empty for a text of only white space. */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let last: TextBlock | null = null;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const trimmed = raw.trim();
    if (trimmed === '') {
      last = null;
      continue;
    }
    const line = readLine(trimmed);
    if (line.kind === 'bullet' && last?.kind === 'bullets') last.items.push(line.text);
    else if (line.kind === 'number' && last?.kind === 'numbered') last.items.push(line.text);
    else if (line.kind === 'text' && last?.kind === 'paragraph') last.lines.push(line.text);
    else {
      last = line.kind === 'bullet' ? { kind: 'bullets', items: [line.text] } : line.kind === 'number' ? { kind: 'numbered', items: [line.text], start: line.number } : { kind: 'paragraph', lines: [line.text] };
      blocks.push(last);
    }
  }
  return blocks;
}
