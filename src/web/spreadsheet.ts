// One table, two downloads: CSV (RFC 4180, UTF-8 with a byte-order mark) and XLSX (exceljs,
// loaded on first use). Both neutralise text cells that a spreadsheet would run as a formula, and
// both answer as an attachment that is never cached. Money columns take integer cents and show
// euros: a plain number in the CSV, a number with a euro format in the workbook.
import type { FastifyReply } from 'fastify';
import { neutraliseCell, toCsv } from '../domain/export-cells.ts';
import { loadExcel } from './lazy-modules.ts';

export type Cell = string | number | null | undefined;

export interface Column {
  header: string;
  /** `euro`: the row holds integer cents. */
  kind?: 'text' | 'number' | 'euro';
}

export interface Table {
  /** The worksheet's name (cut to Excel's 31 characters). */
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

function valuesOf(table: Table): Cell[][] {
  return table.rows.map((row) => row.map((cell, index) => (table.columns[index]?.kind === 'euro' && typeof cell === 'number' ? euros(cell) : cell)));
}

export function tableCsv(table: Table): string {
  return toCsv(
    table.columns.map((c) => c.header),
    valuesOf(table),
  );
}

export async function tableXlsx(table: Table): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  // Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(table.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet');
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  // Strings are plain text values (never formulas), neutralised as in the CSV.
  for (const row of valuesOf(table)) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? neutraliseCell(cell) : (cell ?? null))));
  table.columns.forEach((column, index) => {
    const target = sheet.getColumn(index + 1);
    target.width = column.kind === 'euro' || column.kind === 'number' ? 16 : 28;
    if (column.kind === 'euro') target.numFmt = '"€" #,##0.00';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends the table as `<fileBase>.csv` or `<fileBase>.xlsx`; fileBase is ASCII without quotes. */
export async function sendTable(reply: FastifyReply, table: Table, format: SpreadsheetFormat, fileBase: string): Promise<FastifyReply> {
  const body = format === 'csv' ? tableCsv(table) : await tableXlsx(table);
  return reply
    .header('content-type', CONTENT_TYPE[format])
    .header('content-disposition', `attachment; filename="${fileBase}.${format}"`)
    .header('cache-control', 'no-store')
    .send(body);
}
