import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { parseCsv } from '../domain/export-cells.ts';
import { sheetName, tableCsv, tableXlsx, type Table } from './spreadsheet.ts';

const table: Table = {
  title: 'Per partij: ingebracht en waar het naartoe ging',
  columns: [{ header: 'Partij' }, { header: 'Ingebracht (€)', kind: 'euro' }, { header: 'Uren', kind: 'number' }, { header: 'Datum', kind: 'date' }],
  rows: [
    ['=HYPERLINK("x")', 123456, 12.5, '2019-03-01'],
    ['Łódź, Győr', null, 0, null],
  ],
};

test('CSV in Dutch: semicolons, decimal comma, euros from cents, dd-mm-jjjj dates, formula guard', () => {
  const csv = tableCsv(table, 'nl');
  assert.ok(csv.startsWith('\uFEFF'));
  assert.deepEqual(parseCsv(csv, 'nl'), [
    ['Partij', 'Ingebracht (€)', 'Uren', 'Datum'],
    ["'=HYPERLINK(\"x\")", '1234,56', '12,5', '01-03-2019'],
    ['Łódź, Győr', '', '0', ''],
  ]);
});

test('CSV in English: commas, decimal point, ISO dates', () => {
  assert.deepEqual(parseCsv(tableCsv(table, 'en'), 'en')[1], ["'=HYPERLINK(\"x\")", '1234.56', '12.5', '2019-03-01']);
});

test('XLSX: typed cells, text as typed, autofilter, frozen header, title and creator', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await tableXlsx(table, { locale: 'nl', creator: 'Leiden Kennisstad' })) as unknown as ArrayBuffer);
  assert.equal(workbook.title, table.title);
  assert.equal(workbook.creator, 'Kennisstad – Leiden Kennisstad');
  const sheet = workbook.worksheets[0]!;
  assert.equal(sheet.name, 'Per partij ingebracht en waar');
  const row = sheet.getRow(2);
  assert.equal(row.getCell(1).type, ExcelJS.ValueType.String);
  assert.equal(row.getCell(1).value, '=HYPERLINK("x")', 'no apostrophe: a string cell is never a formula');
  assert.equal(row.getCell(2).type, ExcelJS.ValueType.Number);
  assert.equal(row.getCell(2).value, 1234.56);
  assert.equal(row.getCell(2).numFmt, '"€" #,##0.00');
  assert.equal(row.getCell(3).value, 12.5);
  assert.equal(row.getCell(4).type, ExcelJS.ValueType.Date);
  assert.equal((row.getCell(4).value as Date).toISOString(), '2019-03-01T00:00:00.000Z');
  assert.equal(row.getCell(4).numFmt, 'dd-mm-yyyy');
  assert.equal(sheet.getRow(3).getCell(2).type, ExcelJS.ValueType.Null);
  assert.deepEqual(sheet.autoFilter, 'A1:D3');
  assert.equal(sheet.views[0]?.state, 'frozen');
  assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 1);
});

test('sheet names: at most 31 characters, cut between words, without forbidden characters', () => {
  assert.equal(sheetName('Projects'), 'Projects');
  assert.equal(sheetName('Per project: what it received'), 'Per project what it received');
  assert.equal(sheetName('Per party: contributed and where it went'), 'Per party contributed and where');
  assert.equal(sheetName('Onderzoeksprogrammeringsvoorzieningenregister'), 'Onderzoeksprogrammeringsvoorzie');
  assert.equal(sheetName('[]'), 'Sheet');
  for (const name of ['Per party contributed and where', 'Per partij ingebracht en waar']) assert.ok(name.length <= 31);
});
