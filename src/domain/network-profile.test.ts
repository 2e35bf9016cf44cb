import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparableTargets, latestResults, normalise, PROFILE_LIMITS, readExport, readProfile, safeLink, safeLinks, themeRows } from './network-profile.ts';

const programme = { slug: 'delft', name: { nl: 'Kennisstad Delft', en: 'Knowledge City Delft' }, city: 'Delft', url: { nl: 'https://delft.example/nl/delft', en: 'https://delft.example/en/delft' } };
const exportOf = (network: unknown, formatVersion: unknown = '1.1') => JSON.stringify({ formatVersion, network });

test('an export is read only when it is JSON, of format 1.x, with a programme that has a slug and a name', () => {
  assert.deepEqual(readExport('<html>not json'), { ok: false, reason: 'notJson' });
  assert.deepEqual(readExport('{"formatVersion": "1.1", "network": '), { ok: false, reason: 'notJson' });
  assert.deepEqual(readExport('[1,2]'), { ok: false, reason: 'shape' });
  assert.deepEqual(readExport('null'), { ok: false, reason: 'shape' });
  assert.deepEqual(readExport(exportOf({ programme }, '2.0')), { ok: false, reason: 'version' });
  assert.deepEqual(readExport(exportOf({ programme }, 1.1)), { ok: false, reason: 'version' });
  assert.deepEqual(readExport(exportOf({ programme }, '1.x')), { ok: false, reason: 'version' });
  assert.deepEqual(readExport(JSON.stringify({ network: { programme } })), { ok: false, reason: 'version' }, 'format 1.0 had no profile');
  assert.deepEqual(readExport(exportOf(undefined)), { ok: false, reason: 'shape' });
  assert.deepEqual(readExport(exportOf({ programme: { slug: 'x', name: {} } })), { ok: false, reason: 'shape' });
  assert.deepEqual(readExport(exportOf({ programme: { name: programme.name } })), { ok: false, reason: 'shape' });
  assert.deepEqual(readExport(exportOf({ programme: 'delft' })), { ok: false, reason: 'shape' });
  const read = readExport(exportOf({ programme }, '1.7'));
  assert.ok(read.ok);
  assert.deepEqual(read.profile, { programme, themes: [], projects: [], targets: [], results: [] });
});

test('a profile keeps only well-formed items and fields, and no more than the limits', () => {
  const read = readProfile({
    programme: { ...programme, city: 42, url: 'javascript:alert(1)' },
    themes: [{ code: 'A', title: { nl: 'Onderwijs', fr: 'x' } }, { code: 'B', title: {} }, 'nonsense', { title: { nl: 'geen code' } }],
    projects: [
      { code: '1a', title: { nl: 'Project' }, theme: 'A', lead: { nl: 'Gemeente' }, status: { en: 'running' }, lifecycle: 'active', url: 'https://delft.example/p' },
      { code: '1b', title: { nl: 'x'.repeat(PROFILE_LIMITS.text + 1) } },
      { code: 7, title: { nl: 'nummer' } },
    ],
    targets: [
      { key: 'k1', title: { nl: 'Studenten' }, unit: { nl: 'studenten' }, targetValue: '120', latest: { on: '2025-01-01', value: 100 }, measurements: [{ measuredOn: '2024-01-01', value: 90 }, { on: 'gisteren', value: 1 }, { on: '2024-06-01', value: 'veel' }, { on: '2024-13-45', value: 3 }] },
      { key: 'k2', title: { en: 'Money' }, targetValue: Infinity, latest: null },
    ],
    results: [
      { kind: 'project', title: { nl: 'Resultaat' }, date: '2025-02-03T10:00:00Z', url: { nl: 'https://x.example/nl', en: 'data:text/html,boo' } },
      { kind: 'weird', title: { en: 'News' }, date: 'yesterday', summary: 'plain' },
      { title: {} },
    ],
  });
  assert.ok(read.ok);
  const p = read.profile;
  assert.deepEqual(p.programme, { slug: 'delft', name: programme.name, city: '', url: {} });
  assert.deepEqual(p.themes, [{ code: 'A', title: { nl: 'Onderwijs' } }]);
  assert.deepEqual(p.projects, [{ code: '1a', title: { nl: 'Project' }, theme: 'A', lead: { nl: 'Gemeente' }, status: { en: 'running' }, lifecycle: 'active', url: { nl: 'https://delft.example/p', en: 'https://delft.example/p' } }]);
  assert.deepEqual(p.targets[0], { key: 'k1', title: { nl: 'Studenten' }, unit: { nl: 'studenten' }, targetValue: 120, latest: { on: '2025-01-01', value: 100 }, measurements: [{ on: '2024-01-01', value: 90 }], url: {} });
  assert.deepEqual(p.targets[1], { key: 'k2', title: { en: 'Money' }, unit: {}, targetValue: null, latest: null, measurements: [], url: {} });
  assert.deepEqual(p.results, [
    { kind: 'project', title: { nl: 'Resultaat' }, summary: {}, date: '2025-02-03', url: { nl: 'https://x.example/nl' } },
    { kind: 'news', title: { en: 'News' }, summary: {}, date: null, url: {} },
  ]);

  const many = readProfile({ programme, themes: Array.from({ length: PROFILE_LIMITS.items + 5 }, (_, i) => ({ code: `t${i}`, title: { nl: `T${i}` } })), targets: [{ key: 'k', title: { nl: 'k' }, measurements: Array.from({ length: PROFILE_LIMITS.measurements + 3 }, (_, i) => ({ on: '2024-01-01', value: i })) }] });
  assert.ok(many.ok);
  assert.equal(many.profile.themes.length, PROFILE_LIMITS.items);
  assert.equal(many.profile.targets[0]!.measurements.length, PROFILE_LIMITS.measurements);
  assert.equal(readProfile({ programme, themes: 'nope', projects: {}, targets: null }).ok, true, 'a list that is not a list is empty');
});

test('links: only absolute http(s), per language; a string stands for both', () => {
  assert.equal(safeLink('https://a.example/x'), 'https://a.example/x');
  assert.equal(safeLink('http://a.example/x'), 'http://a.example/x');
  assert.equal(safeLink('/relative'), null);
  assert.equal(safeLink('javascript:alert(1)'), null);
  assert.equal(safeLink(5), null);
  assert.equal(safeLink(`https://a.example/${'x'.repeat(PROFILE_LIMITS.text)}`), null);
  assert.deepEqual(safeLinks('https://a.example/'), { nl: 'https://a.example/', en: 'https://a.example/' });
  assert.deepEqual(safeLinks({ nl: 'https://a.example/nl', en: 'vbscript:x' }), { nl: 'https://a.example/nl' });
  assert.deepEqual(safeLinks(['https://a.example/']), {});
  assert.deepEqual(safeLinks('ftp://a.example/'), {});
});

test('themes of the same title, in either language and whatever the case, share a row; each programme has its column', () => {
  const rows = themeRows([
    { themes: [{ code: 'A', title: { nl: 'Onderwijs', en: 'Education' } }, { code: 'B', title: { nl: 'Wonen' } }] },
    { themes: [{ code: 'X', title: { en: 'education ' } }, { code: 'Y', title: { nl: 'Cultuur' } }] },
    { themes: [{ code: 'P', title: { nl: 'ONDERWIJS' } }, { code: 'Q', title: { nl: 'Onderwijs' } }] },
  ]);
  assert.equal(rows.length, 4);
  assert.deepEqual(rows[0]!.title, { nl: 'Onderwijs', en: 'Education' });
  assert.deepEqual(rows[0]!.cells.map((c) => c?.code ?? null), ['A', 'X', 'P']);
  assert.deepEqual(rows[1]!.cells.map((c) => c?.code ?? null), ['B', null, null]);
  assert.deepEqual(rows[2]!.cells.map((c) => c?.code ?? null), [null, 'Y', null]);
  assert.deepEqual(rows[3]!.cells.map((c) => c?.code ?? null), [null, null, 'Q'], 'a second theme of the same title in one programme gets its own row');
  assert.deepEqual(themeRows([]), []);
  assert.equal(normalise('  Twee   Woorden '), 'twee woorden');
  assert.equal(normalise(undefined), '');
});

test('targets are compared only in the same unit and only across at least two programmes', () => {
  const target = (key: string, unit: Record<string, string>) => ({ key, title: { nl: key }, unit, targetValue: 10, latest: null, measurements: [], url: {} });
  const groups = comparableTargets([
    { targets: [target('a1', { nl: 'Studenten' }), target('a2', { nl: 'euro' }), target('a3', {}), target('a4', { nl: 'banen' })] },
    { targets: [target('b1', { nl: 'studenten ', en: 'students' }), target('b2', { en: 'jobs' }), target('b3', {})] },
    { targets: [target('c1', { nl: 'euro' }), target('c2', { nl: 'euro' })] },
  ]);
  assert.deepEqual(
    groups.map((g) => [g.unit, g.targets.map((t) => `${t.programme}:${t.key}`)]),
    [
      [{ nl: 'Studenten' }, ['0:a1', '1:b1']],
      [{ nl: 'euro' }, ['0:a2', '2:c1', '2:c2']],
    ],
  );
  assert.deepEqual(comparableTargets([{ targets: [target('a', { nl: 'x' }), target('b', { nl: 'x' })] }]), [], 'one programme alone is not a comparison');
});

test('the latest results come first, undated ones last, cut to the limit', () => {
  const rs = [{ date: '2024-01-01', n: 1 }, { date: null, n: 2 }, { date: '2025-06-01', n: 3 }, { date: '2024-12-31', n: 4 }];
  assert.deepEqual(latestResults(rs, 3).map((r) => r.n), [3, 4, 1]);
  assert.deepEqual(latestResults(rs, 10).map((r) => r.n), [3, 4, 1, 2]);
  assert.deepEqual(rs.map((r) => r.n), [1, 2, 3, 4], 'the input is not reordered');
});
