import { test } from 'node:test';
import assert from 'node:assert/strict';
import { neutraliseCell, toCsv } from './export-cells.ts';

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
