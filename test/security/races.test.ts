// Races: concurrent conflicting saves of one record lose nothing and apply once. 100 concurrent
// saves of one project with the same version: exactly one succeeds, the rest get a conflict
// (page form and API with If-Match), repeated; a double-submitted form has one effect.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { databaseModes } from '../support/database.ts';
import { loginAs, startTestApp, type TestApp } from '../support/app.ts';
import { rows } from './world.ts';
import { createApiToken } from '../../src/features/api/tokens/commands.ts';

const CONCURRENT = 100;
const REPEATS = Number(process.env.RACE_REPEATS ?? 3);

function unescapeHtml(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The form's fields as the browser would send them. */
function formValues(html: string): Record<string, string> {
  const forms = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/gi)].map((m) => m[1]!);
  const form = forms.find((f) => f.includes('name="version"')) ?? html;
  const out: Record<string, string> = {};
  for (const tag of form.match(/<input[^>]*>/g) ?? []) {
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (!name) continue;
    if (/type="(checkbox|radio)"/.test(tag) && !/checked/.test(tag)) continue;
    out[name] = unescapeHtml(/value="([^"]*)"/.exec(tag)?.[1] ?? '');
  }
  for (const match of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) out[match[1]!] = unescapeHtml(match[2]!);
  for (const match of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    out[match[1]!] = unescapeHtml(/<option[^>]*value="([^"]*)"[^>]*selected/.exec(match[2]!)?.[1] ?? /<option[^>]*value="([^"]*)"/.exec(match[2]!)?.[1] ?? '');
  }
  return out;
}

for (const mode of databaseModes()) {
  describe(`races (${mode})`, () => {
    let t: TestApp;
    let runs = 0;
    before(async () => {
      t = await startTestApp(mode);
    });
    after(async () => {
      process.stdout.write(`# races (${mode}): ${runs} races of ${CONCURRENT} concurrent saves, each with exactly one winner\n`);
      await t?.close();
    });

    const audits = async (objectId: string) =>
      (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_events where object_id = ${objectId}`))[0]!.n;

    test(`${CONCURRENT} concurrent page saves with one version: one wins, the others conflict (×${REPEATS})`, async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const url = '/nl/leiden/projects/1a/edit';
      const [project] = await rows<{ id: string }>(t.database.db, sql`select p.id from projects p join programmes g on g.id = p.programme_id where g.slug = 'leiden' and p.code = '1a'`);
      for (let round = 1; round <= REPEATS; round++) {
        const page = await t.app.inject({ method: 'GET', url, headers: { cookie: coordinator.cookie } });
        assert.equal(page.statusCode, 200);
        const form = formValues(page.body);
        assert.ok(form.version, 'the edit form carries the version');
        const auditBefore = await audits(project!.id);
        const answers = await Promise.all(
          Array.from({ length: CONCURRENT }, (_, i) =>
            t.app.inject({ method: 'POST', url, headers: { cookie: coordinator.cookie }, payload: { ...form, title_nl: `Race ${round}.${i}`, _csrf: coordinator.csrf } }),
          ),
        );
        const statuses = answers.map((a) => a.statusCode);
        assert.equal(statuses.filter((s) => s === 303).length, 1, `exactly one save wins: ${JSON.stringify(statuses)}`);
        assert.equal(statuses.filter((s) => s === 409).length, CONCURRENT - 1, 'the others are told of the conflict');
        const winner = answers.findIndex((a) => a.statusCode === 303);
        const [stored] = await rows<{ title: { nl: string }; version: number }>(t.database.db, sql`select title, version from projects where id = ${project!.id}`);
        assert.equal(stored!.title.nl, `Race ${round}.${winner}`, 'the stored title is the winner’s');
        assert.equal(stored!.version, Number(form.version) + 1, 'the version went up once');
        assert.equal((await audits(project!.id)) - auditBefore, 1, 'one audit row for the one change');
        runs++;
      }
    });

    test(`${CONCURRENT} concurrent API PATCHes with one ETag: one 200, the others 412 (×${REPEATS})`, async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const [programme] = await rows<{ id: string }>(t.database.db, sql`select id from programmes where slug = 'leiden'`);
      const { token } = await createApiToken(t.database.db, { actor: { userId: coordinator.userId, displayName: 'c' }, name: 'race', scope: 'read-write', programmeId: programme!.id });
      const url = '/api/v1/programmes/leiden/projects/1b';
      for (let round = 1; round <= REPEATS; round++) {
        const current = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
        assert.equal(current.statusCode, 200);
        const etag = String(current.headers.etag);
        const answers = await Promise.all(
          Array.from({ length: CONCURRENT }, (_, i) =>
            t.app.inject({ method: 'PATCH', url, headers: { authorization: `Bearer ${token}`, 'if-match': etag }, payload: { title: { nl: `API race ${round}.${i}` } } }),
          ),
        );
        const statuses = answers.map((a) => a.statusCode);
        assert.equal(statuses.filter((s) => s === 200).length, 1, `exactly one PATCH wins: ${JSON.stringify(statuses.filter((s) => s !== 412))}`);
        assert.equal(statuses.filter((s) => s === 412).length, CONCURRENT - 1);
        const winner = answers.findIndex((a) => a.statusCode === 200);
        const after = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
        assert.equal((after.json() as { title: { nl: string } }).title.nl, `API race ${round}.${winner}`);
        runs++;
      }
    });

    test('a double-submitted form has one effect', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const url = '/nl/leiden/projects/2a/edit';
      const page = await t.app.inject({ method: 'GET', url, headers: { cookie: coordinator.cookie } });
      const form = { ...formValues(page.body), title_nl: 'Dubbel verstuurd', _csrf: coordinator.csrf };
      const [first, second] = await Promise.all([1, 2].map(() => t.app.inject({ method: 'POST', url, headers: { cookie: coordinator.cookie }, payload: form })));
      assert.deepEqual([first!.statusCode, second!.statusCode].sort(), [303, 409]);
      const again = await t.app.inject({ method: 'POST', url, headers: { cookie: coordinator.cookie }, payload: form });
      assert.equal(again.statusCode, 409, 'a resubmission after success is a conflict, not a second change');
    });
  });
}
