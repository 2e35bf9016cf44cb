import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv } from './resources/exports.ts';

test('CSV export: quotes every cell, doubles quotes, defuses formulas, one row per filled field', () => {
  const csv = toCsv({
    generatedAt: '2026-01-01T00:00:00.000Z',
    programme: { slug: 'p', name: { nl: 'Naam "x"', en: 'Name' }, city: 'C', periodStart: '2020-01-01', periodEnd: '2021-01-01', mission: {} },
    themes: [],
    projects: [{ code: '1a', theme: null, title: { nl: '=SUM(A1)' }, goal: {}, description: {}, status: {}, lifecycle: 'running', leadOrganisation: null, partners: [], actions: [] }],
    organisations: [],
    targets: [],
  } as never);
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], '"record","key","parent","field","nl","en"');
  assert.ok(lines.includes('"programme","p","","name","Naam ""x""","Name"'));
  assert.ok(lines.includes('"project","1a","","title","\'=SUM(A1)",""'));
  assert.ok(!lines.some((l) => l.includes('"mission"')), 'empty texts are left out');
  assert.ok(lines.includes('"project","1a","","lifecycle","running","running"'));
});
