// Hostile input: a property-based fuzzer (fast-check) sends generated and known-bad values to every
// form POST and API write endpoint, as a role that may use it. Never a 5xx; whatever was stored comes
// back escaped on every page. Prints the cases per endpoint and the 5xx count.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { databaseModes } from '../support/database.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ACCESS_MATRIX } from './access-matrix.ts';
import { DENIED, fillPattern, send } from './matrix-walk.ts';
import { ROLE_KEYS, buildWorld, type RoleKey, type World } from './world.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const PREFERENCE: RoleKey[] = ['coordinator', 'admin', 'executive', 'support', 'lead', 'partner', 'anonymous'];
/** Writes that end the fuzzer's own session or account are left to their own tests. */
const SKIP = ['POST ~/logout', 'POST ~/account/sessions/end', 'POST ~/account/two-factor/disable', 'POST ~/:programme/admin/erase'];

export const KNOWN_BAD = [
  '<svg onload=alert(1)>',
  '"><img src=x onerror=alert(1)>',
  "'><script>alert(1)</script>",
  'javascript:alert(1)',
  '{"__proto__":{"admin":true}}',
  '\u0000nul\u0000',
  '\u202Eevil\u202C',
  '2026-02-30',
  '2026-03-29T02:30',
  '2026-10-25T02:30',
  '9999-99-99',
  '-1',
  '1e309',
  'NaN',
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|" /C calc"!A0',
  '@SUM(1+1)',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '//evil.example',
  '/\\evil.example',
  'https://evil.example',
  'x'.repeat(20000),
  '',
  ' ',
];
const MARKERS = [/<svg onload/i, /<img src=x onerror/i, /<script>alert/i, /href="javascript:/i];
const EXTRA = { role: 'admin', programmeId: '00000000-0000-4000-8000-000000000000', approved: 'true', admin: 'true', sort: 'password_hash', filter: 'x;drop table users', next: '//evil.example' };

function fieldNames(html: string): string[] {
  return [...new Set([...html.matchAll(/name="([^"]+)"/g)].map((m) => m[1]!).filter((n) => n !== '_csrf'))];
}

const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KNOWN_BAD) },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
);

for (const mode of databaseModes()) {
  describe(`hostile input (${mode})`, () => {
    let t: TestApp;
    let world: World;
    const stats: Record<string, { cases: number; server: number }> = {};

    before(async () => {
      t = await startTestApp(mode);
      world = await buildWorld(t);
    });
    after(async () => {
      await t?.close();
    });

    function roleFor(key: string): RoleKey | null {
      const row = ACCESS_MATRIX[key]!.own.replace(/\s+/g, '');
      for (const role of PREFERENCE) {
        const letter = row[ROLE_KEYS.indexOf(role)]!;
        if (!DENIED.has(letter)) return role;
      }
      return null;
    }

    async function formFields(key: string, role: RoleKey): Promise<string[]> {
      const url = fillPattern(key.replace(/^\w+ /, 'GET '), 'own', world, world.actors[role]);
      const candidates = [url, url.replace(/\/[^/]+$/, ''), url.replace(/\/[^/]+\/[^/]+$/, '')];
      const names = new Set<string>();
      for (const candidate of candidates) {
        const page = await t.app.inject({ method: 'GET', url: candidate, headers: { cookie: world.actors[role].cookie } });
        if (page.statusCode === 200 && String(page.headers['content-type']).includes('html')) for (const n of fieldNames(page.body)) names.add(n);
        if (names.size > 0) break;
      }
      return names.size > 0 ? [...names] : ['title_nl', 'title_en', 'text', 'name', 'email', 'date', 'value', 'url', 'file', 'version'];
    }

    test('every form and API write answers 4xx or saves, never 5xx', async () => {
      const writes = Object.keys(ACCESS_MATRIX).filter((key) => /^(POST|PATCH) /.test(key) && !SKIP.includes(key));
      for (const key of writes) {
        const role = roleFor(key);
        if (!role) continue;
        const api = key.includes(' /api/');
        const fields = api ? ['title', 'goal', 'description', 'status', 'state', 'dueOn', 'owner'] : await formFields(key, role);
        const entry = (stats[key] = { cases: 0, server: 0 });
        const body = fc.record(Object.fromEntries(fields.map((f) => [f, api ? fc.oneof(value, fc.record({ nl: value, en: value })) : value])), { requiredKeys: [] });
        await fc.assert(
          fc.asyncProperty(body, fc.boolean(), async (generated, extra) => {
            const payload = { ...generated, ...(extra ? EXTRA : {}) };
            const response = await send(world, key, 'own', role, payload);
            entry.cases++;
            if (response.statusCode >= 500) entry.server++;
            assert.ok(response.statusCode < 500, `${key} as ${role} answered ${response.statusCode} to ${JSON.stringify(payload).slice(0, 300)}`);
            if (response.statusCode >= 300 && response.statusCode < 400) {
              const location = String(response.headers.location ?? '');
              assert.ok(location.startsWith('/') && !location.startsWith('//') && !location.startsWith('/\\'), `${key} redirected off-site to ${location}`);
            }
          }),
          { numRuns: RUNS, seed: 20260228, endOnFailure: true },
        );
        // Structural attacks: prototype keys, deep nesting and an oversize body.
        const nested = JSON.parse('{"a":'.repeat(2000) + '1' + '}'.repeat(2000));
        const structural: unknown[] = api
          ? [JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'), nested, { title: { nl: 'x'.repeat(2_000_000) } }]
          : [{ __proto__x: 'y', 'constructor[prototype][polluted]': 'true', '__proto__[polluted]': 'true' }, { big: 'x'.repeat(300 * 1024) }];
        for (const payload of structural) {
          const response = await send(world, key, 'own', role, payload as Record<string, unknown>);
          entry.cases++;
          if (response.statusCode >= 500) entry.server++;
          assert.ok(response.statusCode < 500, `${key}: ${response.statusCode} on a structural attack`);
        }
        assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
      }
      const lines = Object.entries(stats).map(([key, s]) => `#   ${key}: ${s.cases} cases, ${s.server} 5xx`);
      const total = Object.values(stats).reduce((n, s) => n + s.cases, 0);
      const server = Object.values(stats).reduce((n, s) => n + s.server, 0);
      process.stdout.write(`# hostile input (${mode}): ${Object.keys(stats).length} endpoints, ${total} cases, ${server} 5xx\n${lines.join('\n')}\n`);
      assert.equal(server, 0);
      assert.ok(Object.keys(stats).length > 40, `only ${Object.keys(stats).length} endpoints fuzzed`);
    });

    test('whatever was stored comes back escaped on every page', async () => {
      let pages = 0;
      for (const key of Object.keys(ACCESS_MATRIX).filter((k) => k.startsWith('GET ~/'))) {
        for (const role of ['anonymous', 'coordinator'] as RoleKey[]) {
          const response = await send(world, key, 'own', role);
          if (response.statusCode !== 200 || !String(response.headers['content-type']).includes('html')) continue;
          pages++;
          for (const marker of MARKERS) assert.doesNotMatch(response.body, marker, `${key} as ${role} shows unescaped input`);
        }
      }
      assert.ok(pages > 50, `only ${pages} pages checked`);
    });
  });
}
