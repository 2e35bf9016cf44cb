// The one CSV writer. Spreadsheet exports must not run what a user typed: a cell that starts with
// = + - @ (or a tab or carriage return, which some programs skip before reading a formula) is
// prefixed with an apostrophe so it is shown as text (OWASP "CSV injection").
//
// Three dialects, because a CSV is read either by a person's spreadsheet or by a program:
// - `nl`: what Dutch Excel opens in columns: `;` between fields, a decimal comma, a byte-order mark.
// - `en`: `,` between fields and a decimal point, with the byte-order mark (Excel reads UTF-8 then).
// - `open`: open data, one fixed format whatever the reader's language: RFC 4180 (`,`, a decimal
//   point, CRLF), every field quoted, no byte-order mark.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type CsvDialect = 'nl' | 'en' | 'open';

interface DialectRules {
  separator: string;
  decimal: string;
  bom: boolean;
  quoteAll: boolean;
}

const DIALECTS: Record<CsvDialect, DialectRules> = {
  nl: { separator: ';', decimal: ',', bom: true, quoteAll: false },
  en: { separator: ',', decimal: '.', bom: true, quoteAll: false },
  open: { separator: ',', decimal: '.', bom: false, quoteAll: true },
};

export type CsvCell = string | number | null | undefined;

function csvField(value: CsvCell, rules: DialectRules): string {
  if (value === null || value === undefined) return rules.quoteAll ? '""' : '';
  // No thousands separator: a spreadsheet reads "1234,5" as a number in a Dutch locale.
  if (typeof value === 'number') {
    const number = String(value).replace('.', rules.decimal);
    return rules.quoteAll ? `"${number}"` : number;
  }
  const text = neutraliseCell(value);
  const needsQuotes = rules.quoteAll || /[",;\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file in the given dialect (default `en`), with CRLF line ends. */
export function toCsv(header: string[], rows: CsvCell[][], dialect: CsvDialect = 'en'): string {
  const rules = DIALECTS[dialect];
  const body = [header, ...rows].map((row) => row.map((cell) => csvField(cell, rules)).join(rules.separator)).join('\r\n');
  return `${rules.bom ? '\uFEFF' : ''}${body}\r\n`;
}

/** Reads a CSV of this writer's dialect back into rows (for tests and imports): quotes, doubled quotes, CRLF. */
export function parseCsv(text: string, dialect: CsvDialect = 'en'): string[][] {
  const { separator } = DIALECTS[dialect];
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) row.push(field), (field = '');
    else if (char === '\r' && source[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += char;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}
