// One table, two downloads, in the reader's language: CSV through the one CSV writer (Dutch side:
// `;`, decimal comma and a byte-order mark, what Dutch Excel opens in columns; English side: `,`
// and a decimal point) and XLSX (exceljs, loaded on first use) with typed cells, an autofilter, a
// frozen header row and the document's title and creator. The CSV neutralises text cells that a
// spreadsheet would run as a formula; the workbook needs no such guard, because its text cells are
// strings and never formulas. Both answer as an attachment that is never cached. Money columns take
// integer cents and show euros; date columns take an ISO date (YYYY-MM-DD) or a Date.
import type { FastifyReply } from 'fastify';
import { toCsv, type CsvCell } from '../domain/export-cells.ts';
import { resolveText, type Locale } from '../domain/localized.ts';
import { loadExcel } from './lazy-modules.ts';

export type Cell = string | number | Date | null | undefined;

export interface Column {
  /** A readable header in the reader's language (not a snake_case key). */
  header: string;
  /** `euro`: the row holds integer cents; `date`: an ISO date or a Date. */
  kind?: 'text' | 'number' | 'euro' | 'date';
}

export interface Table {
  /** The worksheet's name and the workbook's title. */
  title: string;
  columns: Column[];
  rows: Cell[][];
}

export type SpreadsheetFormat = 'csv' | 'xlsx';

const CONTENT_TYPE: Record<SpreadsheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const euros = (cents: number) => Number((cents / 100).toFixed(2));

/** A date as the day it names, at midnight UTC (spreadsheets have no time zones). */
function dateOf(cell: Cell): Date | null {
  if (cell instanceof Date) return new Date(Date.UTC(cell.getUTCFullYear(), cell.getUTCMonth(), cell.getUTCDate()));
  if (typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}/.test(cell)) return new Date(`${cell.slice(0, 10)}T00:00:00Z`);
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function csvCell(cell: Cell, column: Column | undefined, locale: Locale): CsvCell {
  if (column?.kind === 'euro' && typeof cell === 'number') return euros(cell);
  if (cell instanceof Date || column?.kind === 'date') {
    const date = dateOf(cell);
    if (!date) return cell instanceof Date ? null : cell;
    const [y, m, d] = [date.getUTCFullYear(), pad(date.getUTCMonth() + 1), pad(date.getUTCDate())];
    // Dutch Excel reads dd-mm-jjjj as a date; the ISO form is what an English reader's Excel reads everywhere.
    return locale === 'nl' ? `${d}-${m}-${y}` : `${y}-${m}-${d}`;
  }
  return cell;
}

export function tableCsv(table: Table, locale: Locale): string {
  return toCsv(
    table.columns.map((c) => c.header),
    table.rows.map((row) => row.map((cell, index) => csvCell(cell, table.columns[index], locale))),
    locale,
  );
}

/**
 * Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. A long title is cut at
 * the last word that fits (a word longer than the limit is cut, having no better place).
 */
export function sheetName(title: string): string {
  const clean = title.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '');
  if (clean.length <= 31) return clean || 'Sheet';
  const words = clean.slice(0, 32).split(' ');
  if (words.length > 1) words.pop();
  const cut = words.join(' ').replace(/[\s,;.–-]+$/, '');
  return cut.slice(0, 31) || 'Sheet';
}

export interface WorkbookInfo {
  locale: Locale;
  /** Who made the document: the programme's name, after "Kennisstad". */
  creator?: string;
}

export async function tableXlsx(table: Table, info: WorkbookInfo): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.title = table.title;
  workbook.creator = info.creator ? `Kennisstad – ${info.creator}` : 'Kennisstad';
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(
      row.map((cell, index) => {
        const kind = table.columns[index]?.kind;
        if (kind === 'euro' && typeof cell === 'number') return euros(cell);
        if (kind === 'date' || cell instanceof Date) return dateOf(cell) ?? (cell instanceof Date ? null : (cell ?? null));
        // Text stays text exactly as typed: an XLSX string cell is never a formula.
        return cell ?? null;
      }),
    );
  }
  table.columns.forEach((column, index) => {
    const target = sheet.getColumn(index + 1);
    target.width = column.kind === 'text' || column.kind === undefined ? Math.max(12, Math.min(40, column.header.length + 4)) : 16;
    if (column.kind === 'euro') target.numFmt = '"€" #,##0.00';
    if (column.kind === 'date') target.numFmt = info.locale === 'nl' ? 'dd-mm-yyyy' : 'yyyy-mm-dd';
  });
  if (table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Sends the table as `<fileBase>.csv` or `<fileBase>.xlsx` in the request's language; fileBase is
 * ASCII without quotes.
 */
export async function sendTable(reply: FastifyReply, table: Table, format: SpreadsheetFormat, fileBase: string): Promise<FastifyReply> {
  const locale = reply.request.locale;
  const programme = reply.request.programme;
  const body = format === 'csv' ? tableCsv(table, locale) : await tableXlsx(table, { locale, creator: programme ? resolveText(programme.name, locale).text : undefined });
  return reply
    .header('content-type', CONTENT_TYPE[format])
    .header('content-disposition', `attachment; filename="${fileBase}.${format}"`)
    .header('cache-control', 'no-store')
    .send(body);
}
