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
