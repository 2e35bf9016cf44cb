// Walks the access matrix (access-matrix.ts) on both databases: every registered route must be in
// the table; every route × role × object answers as declared; another programme's objects answer
// 404; denied writes change nothing; allowed changes leave an audit row.
// SECURITY_MATRIX_RECORD=1 prints the observed table (to review and paste, never blindly).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { databaseModes } from '../support/database.ts';
import { loginAs, startTestApp, type TestApp } from '../support/app.ts';
import { ACCESS_MATRIX, OWN_ITEMS_ONLY, type Expectation } from './access-matrix.ts';
import { registeredRoutes, routeKey } from './routes.ts';
import { routeActions } from '../../src/web/request-context.ts';
import { setClock } from '../../src/clock.ts';
import { DENIED, classify, isIdorProbe, send, variantsOf, type Variant } from './matrix-walk.ts';
import { ROLE_KEYS, actorsIn, buildWorld, databaseFingerprint, objectSet, rows, type RoleKey, type World } from './world.ts';
import { forgetProgrammes } from '../../src/web/request-context.ts';

const RECORD = process.env.SECURITY_MATRIX_RECORD === '1';
const WRITE = /^(POST|PATCH|PUT|DELETE) /;
/** Writes that end or change the caller's own session go last. */
const LAST = (key: string) => (key.includes(' ~/logout') ? 3 : key.includes(' ~/account') || key.includes(' ~/login') ? 2 : 0);

function letters(row: string): string[] {
  const out = row.replace(/\s+/g, '').split('');
  if (out.length !== ROLE_KEYS.length) throw new Error(`Expectation "${row}" must have ${ROLE_KEYS.length} letters`);
  return out;
}

for (const mode of databaseModes()) {
  describe(`access matrix (${mode})`, () => {
    let t: TestApp;
    let world: World;
    const observed = new Map<string, Partial<Record<Variant, string[]>>>();
    const mismatches: string[] = [];
    let checked = 0;
    const auditFindings: string[] = [];
    let auditChecked = 0;
    let allKeys: string[] = [];
    const tableKeys = () => (RECORD ? allKeys : Object.keys(ACCESS_MATRIX));

    before(async () => {
      // The table describes a running programme: inside Leiden's term (2017-2022). A finished
      // programme refuses every write but the coordinator's (src/features/dashboard/archive.test.ts).
      setClock('2019-05-01T10:00:00Z');
      t = await startTestApp(mode);
      world = await buildWorld(t);
      allKeys = [...new Set(registeredRoutes(t.app).filter((route) => route.method !== 'HEAD').map(routeKey))];
    });
    after(async () => {
      setClock(null);
      await t?.close();
    });

    function note(key: string, variant: Variant, role: RoleKey, got: string, detail: string): void {
      checked++;
      const entry = observed.get(key) ?? {};
      (entry[variant] ??= new Array(ROLE_KEYS.length).fill('?'))[ROLE_KEYS.indexOf(role)] = got;
      observed.set(key, entry);
      if (got === '5') mismatches.push(`${key} [${variant}] as ${role}: server error ${detail}`);
      const expected = ACCESS_MATRIX[key]?.[variant];
      if (!RECORD && expected) {
        const want = letters(expected)[ROLE_KEYS.indexOf(role)]!;
        if (want !== got) mismatches.push(`${key} [${variant}] as ${role}: expected ${want}, got ${got} (${detail})`);
      }
    }

    function expectedLetter(key: string, variant: Variant, role: RoleKey): string | undefined {
      const row = ACCESS_MATRIX[key]?.[variant];
      return row ? letters(row)[ROLE_KEYS.indexOf(role)] : undefined;
    }

    test('every registered route is in the table, and the table names only registered routes', { skip: RECORD }, () => {
      const registered = registeredRoutes(t.app).filter((route) => route.method !== 'HEAD');
      const keys = new Set(registered.map(routeKey));
      const missing = [...keys].filter((key) => !(key in ACCESS_MATRIX));
      assert.deepEqual(missing, [], `routes missing from test/security/access-matrix.ts:\n${missing.join('\n')}`);
      const stale = Object.keys(ACCESS_MATRIX).filter((key) => !keys.has(key));
      assert.deepEqual(stale, [], 'table rows for routes the server does not register');
      // Page routes exist in both languages.
      for (const key of keys) {
        if (!key.includes(' ~')) continue;
        const [method, pattern] = key.split(' ~') as [string, string];
        for (const locale of ['nl', 'en']) {
          const url = `/${locale}${pattern === '/' ? '' : pattern}`;
          assert.ok(registered.some((r) => r.method === method && r.url === url), `${method} ${url} is not registered`);
        }
      }
      for (const [key, expectation] of Object.entries(ACCESS_MATRIX)) {
        for (const variant of variantsOf(key)) assert.ok(expectation[variant], `${key} has no "${variant}" row`);
      }
    });

    test('every route names the action its row names (the table is keyed by route and action)', { skip: RECORD }, () => {
      const declared = routeActions(t.app);
      const wrong: string[] = [];
      for (const route of registeredRoutes(t.app).filter((r) => r.method !== 'HEAD')) {
        const key = routeKey(route);
        // The route tree prints a prefixed wildcard (the API's CORS preflight) without its prefix.
        const action = declared.get(`${route.method} ${route.url}`) ?? [...declared].find(([k]) => k.startsWith(`${route.method} `) && k.endsWith(route.url))?.[1];
        const expected = ACCESS_MATRIX[key]?.action;
        if (action !== expected) wrong.push(`${key}: the route names ${String(action)}, the table ${String(expected)}`);
      }
      assert.deepEqual(wrong, [], `routes whose action differs from test/security/access-matrix.ts:\n${wrong.join('\n')}`);
    });

    test('reads: every route × role × object answers as declared', async () => {
      for (const key of tableKeys().filter((k) => !WRITE.test(k)).sort()) {
        for (const variant of variantsOf(key)) {
          for (const role of ROLE_KEYS) {
            const response = await send(world, key, variant, role);
            note(key, variant, role, classify(response), `${response.statusCode} ${String(response.headers.location ?? '')}`);
          }
        }
      }
    });

    const writeKeys = () => tableKeys().filter((k) => WRITE.test(k)).sort((a, b) => LAST(a) - LAST(b) || a.localeCompare(b));

    test('denied writes answer as declared and change nothing in the database', async () => {
      if (RECORD) return;
      const before = await databaseFingerprint(t.database.db);
      const auditBefore = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_events`);
      let denied = 0;
      for (const key of writeKeys()) {
        for (const variant of variantsOf(key)) {
          for (const role of ROLE_KEYS) {
            const want = expectedLetter(key, variant, role);
            // Another programme's objects: whatever the answer, nothing may change.
            if (!want || (!DENIED.has(want) && variant !== 'foreign')) continue;
            const response = await send(world, key, variant, role, { role: 'admin', programmeId: world.away.programmeId, approved: 'true' });
            note(key, variant, role, classify(response), `${response.statusCode}`);
            denied++;
          }
        }
      }
      const afterPrint = await databaseFingerprint(t.database.db);
      const changed = Object.keys(before).filter((table) => before[table] !== afterPrint[table]);
      assert.deepEqual(changed, [], `denied writes changed tables: ${changed.join(', ')}`);
      const auditAfter = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_events`);
      assert.equal(auditAfter[0]!.n, auditBefore[0]!.n);
      assert.ok(denied > 100, `only ${denied} denied writes were tried`);
      process.stdout.write(`# access matrix (${mode}): ${denied} denied writes, database unchanged\n`);
    });

    test('allowed writes answer as declared; each change leaves an audit row', async () => {
      for (const key of writeKeys()) {
        for (const variant of variantsOf(key)) {
          for (const role of ROLE_KEYS) {
            const want = expectedLetter(key, variant, role);
            if (!RECORD && (!want || DENIED.has(want) || variant === 'foreign')) continue;
            const auditBefore = (await rows<{ n: number }>(t.database.db, sql`select coalesce(max(id), 0)::int as n from audit_events`))[0]!.n;
            // A delete that may succeed gets its own copy of the news item, so every role finds one.
            const overrides: Record<string, string> = {};
            if (key.endsWith('/:kind/:id/delete')) {
              const [copy] = await rows<{ id: string }>(
                t.database.db,
                sql`insert into news_items (programme_id, slug, title, summary, body, language_updated_at, status, publish_at, image_url, image_alt)
                    select programme_id, slug || '-copy-' || floor(random() * 1e9)::text, title, summary, body, language_updated_at, status, publish_at, image_url, image_alt from news_items where id = ${world.home.newsId} returning id`,
              );
              overrides.id = copy!.id;
            }
            // Removing a representative and completing a meeting action use their object up: every
            // role gets its own (a representative of the world's party, an open copy of the action).
            if (key.endsWith('/representatives/:id/remove') && variant === 'own' && world.actors[role].userId) {
              const [copy] = await rows<{ id: string }>(
                t.database.db,
                sql`insert into agreement_representatives (programme_id, party_id, user_id) select programme_id, party_id, ${world.actors[role].userId} from agreement_representatives where id = ${world.home.representative}
                    on conflict do nothing returning id`,
              );
              if (copy) overrides.id = copy.id;
            }
            if (key.endsWith('/actions/:action/done') && variant === 'own') {
              const [copy] = await rows<{ id: string }>(
                t.database.db,
                sql`insert into meeting_actions (programme_id, body_id, raised_in_meeting_id, description, owner, due_on)
                    select programme_id, body_id, raised_in_meeting_id, description, owner, due_on from meeting_actions where id = ${world.home.meetingAction} returning id`,
              );
              overrides.action = copy!.id;
            }
            const response = await send(world, key, variant, role, undefined, overrides);
            const got = classify(response);
            note(key, variant, role, got, `${response.statusCode} ${String(response.headers.location ?? '')}`);
            // Every successful change writes exactly one audit row with who, what, object, result,
            // origin and time. (Moving the first agenda item up, as an empty form asks, changes
            // nothing: no row.)
            if (!RECORD && (got === 'r' || got === 'o') && !key.endsWith('/move')) {
              const written = await rows<{ actor: string | null; label: string; action: string; type: string; object: string | null; result: string; origin: string | null; at: Date | null }>(
                t.database.db,
                sql`select actor_user_id as actor, actor_label as label, action, object_type as type, object_id as object, result, origin, at from audit_events where id > ${auditBefore} order by id`,
              );
              const what = `${key} [${variant}] as ${role}`;
              // Account forms sent empty (no session named, no code) answer with a redirect and change
              // nothing; programme writes that answer success must have changed something.
              const noop = written.length === 0 && !key.includes('/:programme/');
              if (written.length !== 1 && !noop) auditFindings.push(`${what}: ${written.length} audit rows (${written.map((w) => w.action).join(', ')})`);
              for (const row of written) {
                const missing = Object.entries({ actor: row.actor, label: row.label, action: row.action, type: row.type, object: row.object, result: row.result, origin: row.origin, at: row.at })
                  .filter(([, value]) => value === null || value === '')
                  .map(([name]) => name);
                if (missing.length > 0) auditFindings.push(`${what}: audit row ${row.action} lacks ${missing.join(', ')}`);
              }
              auditChecked++;
            }
          }
        }
      }
    });

    test('each successful write left exactly one complete audit row', { skip: RECORD }, () => {
      process.stdout.write(`# access matrix (${mode}): ${auditChecked} successful writes checked for one complete audit row\n`);
      assert.deepEqual(auditFindings, []);
      assert.ok(auditChecked >= 5, `only ${auditChecked} successful writes`);
    });

    // Issue 20: a second programme made through the interface, not only by the tests' own set-up.
    // The world's coordinator starts Leiden's successor through its screen (carrying the world's
    // projects); then people with a role in the successor only walk Leiden's rows, and people with a
    // role in Leiden only walk the successor's: whatever their role, they get what a visitor gets.
    test('a successor started through its screen: a role in one programme gives nothing in the other, both ways', { skip: RECORD }, async () => {
      // A coordinator of its own: the main walk's sessions may have signed out by now.
      const coordinator = await loginAs(t, { role: 'coordinator', name: 'Opvolger Starter' });
      const projectIds = await rows<{ id: string }>(t.database.db, sql`select id from projects where programme_id = ${world.home.programmeId} and code in (${world.home.ownProject}, ${world.home.otherProject}) and lifecycle in ('proposed', 'admitted', 'running')`);
      const started = await t.app.inject({
        method: 'POST',
        url: '/nl/leiden/successor',
        headers: { cookie: coordinator.cookie },
        payload: { _csrf: coordinator.csrf, name_nl: 'Leiden vervolg', name_en: 'Leiden next', slug: 'leiden-next', startOn: '2022-07-07', termYears: '5', projectIds: projectIds.map((p) => p.id), confirmed: 'yes' },
      });
      assert.equal(started.statusCode, 303, started.body.slice(0, 200));
      forgetProgrammes(t.database.db);
      const next = await objectSet(t.database.db, 'leiden-next');
      // Fresh people after the start: nobody's role was carried to them.
      const nextOnly = await actorsIn(t, next);
      const leidenOnly = await actorsIn(t, world.home);
      for (const [actors, home, own] of [
        [nextOnly, world.home, next],
        [leidenOnly, next, world.home],
      ] as const) {
        const crossing: World = { ...world, actors, home };
        const dashboard = await t.app.inject({ url: `/nl/${own.slug}/dashboard`, headers: { cookie: actors.coordinator.cookie } });
        assert.equal(dashboard.statusCode, 200, `the coordinator works in ${own.slug}`);
        let walked = 0;
        for (const key of Object.keys(ACCESS_MATRIX).filter((k) => k.includes(':programme') && !OWN_ITEMS_ONLY.includes(k)).sort()) {
          // Writes a visitor may make (a public form) are left to the main walk: only refusals here.
          if (WRITE.test(key) && !DENIED.has(classify(await send(crossing, key, 'own', 'anonymous')))) continue;
          const anon = classify(await send(crossing, key, 'own', 'anonymous'));
          for (const role of ROLE_KEYS.filter((r) => r !== 'anonymous')) {
            const response = await send(crossing, key, 'own', role);
            const got = classify(response);
            walked++;
            const ok = DENIED.has(anon) || anon === 'B' ? DENIED.has(got) || got === 'B' : got === anon || DENIED.has(got);
            if (!ok) mismatches.push(`${key} in ${home.slug} as ${role} of ${own.slug} only: ${got} while a visitor gets ${anon} (${response.statusCode})`);
          }
        }
        process.stdout.write(`# access matrix (${mode}): ${walked} requests in ${home.slug} by people with roles in ${own.slug} only\n`);
      }
      assert.deepEqual(mismatches.filter((m) => m.includes(' only: ')), []);
    });

    test('another programme’s objects answer 404 like missing ones; no 5xx anywhere', () => {
      for (const [key, entry] of observed) {
        const foreign = entry.foreign;
        if (!foreign) continue;
        if (isIdorProbe(key)) {
          ROLE_KEYS.forEach((role, index) => {
            // 400 only where a form is refused before the lookup; the fingerprint shows nothing changed.
            // 403 only where the role is refused this programme-wide page before any record is looked
            // up (its own row says F too): the same answer for every id, so it tells nothing about one.
            const refusedByRole = foreign[index] === 'F' && expectedLetter(key, 'own', role) === 'F';
            if (role !== 'anonymous' && !refusedByRole && !['N', '?', ...(WRITE.test(key) ? ['B'] : [])].includes(foreign[index]!)) mismatches.push(`${key} [foreign id] as ${role}: ${foreign[index]}, not 404`);
          });
        } else {
          // Roles in this programme give nothing in another: a member sees there what a visitor sees.
          const anon = foreign[0]!;
          ROLE_KEYS.forEach((role, index) => {
            const got = foreign[index]!;
            if (role === 'anonymous' || got === '?' || OWN_ITEMS_ONLY.includes(key)) return;
            const ok = DENIED.has(anon) || anon === 'B' ? DENIED.has(got) || got === 'B' : got === anon || DENIED.has(got);
            if (!ok) mismatches.push(`${key} [other programme] as ${role}: ${got} while a visitor gets ${anon}`);
          });
        }
      }
      if (RECORD) {
        const lines = [...observed.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, entry]) => {
          const parts = (['own', 'other', 'foreign'] as Variant[]).filter((v) => entry[v]).map((v) => `${v}: '${entry[v]!.join(' ')}'`);
          return `  '${key}': { ${parts.join(', ')} },`;
        });
        writeFileSync(`/tmp/access-matrix-${mode}.txt`, lines.join('\n') + '\n');
      }
      process.stdout.write(`# access matrix (${mode}): ${observed.size} routes × ${ROLE_KEYS.length} roles, ${checked} requests checked, ${mismatches.length} mismatches\n`);
      assert.deepEqual(mismatches, []);
    });
  });
}

export type { Expectation };
