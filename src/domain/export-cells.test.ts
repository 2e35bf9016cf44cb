import { test } from 'node:test';
import assert from 'node:assert/strict';
import { neutraliseCell, parseCsv, toCsv } from './export-cells.ts';

test('cells that a spreadsheet would read as a formula are neutralised', () => {
  for (const bad of ['=1+1', '+31 71', '-2', '@SUM(A1)', '\t=cmd', '\r=cmd']) assert.equal(neutraliseCell(bad), `'${bad}`);
  for (const fine of ['Universiteit Leiden', '2a', 'a=b', '', ' =x']) assert.equal(neutraliseCell(fine), fine);
});

test('CSV quotes separators and quotes, keeps numbers, and neutralises formulas', () => {
  const csv = toCsv(['code', 'title', 'n'], [['1a', 'Say "hi", all', 3], ['=HYPERLINK("x")', null, -1]]);
  assert.equal(csv, '\uFEFFcode,title,n\r\n1a,"Say ""hi"", all",3\r\n"\'=HYPERLINK(""x"")",,-1\r\n');
});

test('empty cells: null and undefined are empty fields, an empty string too, zero is a number', () => {
  assert.equal(toCsv(['a', 'b', 'c', 'd'], [[null, undefined, '', 0]]), '\uFEFFa,b,c,d\r\n,,,0\r\n');
  assert.equal(toCsv(['a'], []), '\uFEFFa\r\n');
});

test('semicolons and line breaks are quoted too', () => {
  assert.equal(toCsv(['a'], [['x;y'], ['two\nlines'], ['cr\rhere']]), '\uFEFFa\r\n"x;y"\r\n"two\nlines"\r\n"cr\rhere"\r\n');
});

test('the Dutch dialect: semicolons, a decimal comma, a byte-order mark; text with either separator is quoted', () => {
  const csv = toCsv(['Naam', 'Bedrag'], [['Gemeente Leiden, afdeling EZ', 1234.5], ['a;b', -0.25], ['=1', 7]], 'nl');
  assert.equal(csv, '\uFEFFNaam;Bedrag\r\n"Gemeente Leiden, afdeling EZ";1234,5\r\n"a;b";-0,25\r\n\'=1;7\r\n');
  assert.deepEqual(parseCsv(csv, 'nl'), [['Naam', 'Bedrag'], ['Gemeente Leiden, afdeling EZ', '1234,5'], ['a;b', '-0,25'], ["'=1", '7']]);
});

test('the English dialect: commas and a decimal point; open data: every field quoted, no byte-order mark', () => {
  assert.equal(toCsv(['Name', 'Amount'], [['x', 1234.5]], 'en'), '\uFEFFName,Amount\r\nx,1234.5\r\n');
  const open = toCsv(['record', 'value'], [['a', 2.5], [null, '=x']], 'open');
  assert.equal(open, '"record","value"\r\n"a","2.5"\r\n"","\'=x"\r\n');
  assert.deepEqual(parseCsv(open, 'open'), [['record', 'value'], ['a', '2.5'], ['', "'=x"]]);
});

test('the reader reads quoted line breaks and doubled quotes back', () => {
  const csv = toCsv(['a', 'b'], [['two\r\nlines', 'say "hi"']], 'nl');
  assert.deepEqual(parseCsv(csv, 'nl'), [['a', 'b'], ['two\r\nlines', 'say "hi"']]);
});
