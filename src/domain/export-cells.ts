// Spreadsheet exports must not run what a user typed: a cell that starts with = + - @ (or a tab
// or carriage return, which some programs skip before reading a formula) is prefixed with an
// apostrophe so it is shown as text (OWASP "CSV injection").

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvField(value: string | number | null | undefined): string {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: join() writes null and undefined as empty too; this line says so for the reader
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = neutraliseCell(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line ends and a byte-order mark so spreadsheet programs read UTF-8. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
