// The coordinator's dashboard keeps its panels per programme and language until a change: the
// second visit sends only the queries of the page around them; a write through the app, a change
// made straight in the database (NOTIFY) and the clock make it load fresh data; a panel that
// depends on the person is rendered for each request.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { projects } from '../../db/schema.ts';
import { registerDashboardPanel } from '../../web/dashboard.ts';
import { MAX_AGE_MS } from './panel-cache.ts';
import { setClock } from '../../clock.ts';

let sharedRenders = 0;
registerDashboardPanel({
  key: 'test.shared',
  order: 1000,
  async render({ ctx }) {
    sharedRenders++;
    return <p class="utrecht-paragraph">shared panel in {ctx.locale}</p>;
  },
});
registerDashboardPanel({
  key: 'test.per-user',
  order: 1001,
  perUser: true,
  async render({ request }) {
    return <p class="utrecht-paragraph">for {request.actor?.displayName}</p>;
  },
});

async function until(check: () => Promise<boolean>, ms = 3000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

for (const mode of databaseModes()) {
  describe(`dashboard panel cache (${mode})`, () => {
    let t: TestApp;
    let anna: Session;
    let bram: Session;
    before(async () => {
      // Inside Leiden's term: a finished programme's dashboard shows its results, not missing reports.
      setClock('2019-05-01T10:00:00Z');
      t = await startTestApp(mode);
      anna = await loginAs(t, { role: 'coordinator', name: 'Anna Coördinator' });
      bram = await loginAs(t, { role: 'coordinator', name: 'Bram Coördinator' });
    });
    after(async () => {
      setClock(null);
      await t.close();
    });

    const dashboard = async (session: Session, locale = 'nl') => {
      const before = t.database.queryCount();
      const response = await t.app.inject({ url: `/${locale}/leiden/dashboard`, headers: { cookie: session.cookie } });
      assert.equal(response.statusCode, 200);
      return { body: response.body, queries: t.database.queryCount() - before };
    };
    const missingReports = (body: string) => body.slice(body.indexOf('aria-labelledby="panel-missing-reports"')).split('</section>')[0]!;

    test('the second visit reuses the panels: fewer queries, the same page, per language', async () => {
      const renders = sharedRenders;
      const first = await dashboard(anna);
      const second = await dashboard(anna);
      assert.equal(second.body, first.body);
      assert.ok(second.queries < first.queries, `${second.queries} queries on the second visit, ${first.queries} on the first`);
      assert.equal(sharedRenders, renders + 1, 'the shared panel rendered once');
      // Another coordinator of the programme gets the same panels, but the per-person one is theirs.
      const other = await dashboard(bram);
      assert.equal(other.queries, second.queries);
      assert.match(other.body, /for Bram Coördinator/);
      assert.doesNotMatch(other.body, /for Anna/);
      assert.match(second.body, /for Anna Coördinator/);
      assert.equal(sharedRenders, renders + 1);
      // Languages are kept apart.
      assert.match((await dashboard(anna, 'en')).body, /shared panel in en/);
      assert.match((await dashboard(anna)).body, /shared panel in nl/);
    });

    test('a change straight in the database reaches the dashboard (NOTIFY), and a write through the app', async () => {
      await dashboard(anna);
      assert.match(missingReports((await dashboard(anna)).body), /projects\/3a">3a<\/a> Wonen/);
      await t.database.db.update(projects).set({ title: { nl: 'Nieuwe titel van 3a', en: 'New title of 3a' } }).where(eq(projects.code, '3a'));
      assert.ok(await until(async () => /projects\/3a">3a<\/a> Nieuwe titel van 3a/.test(missingReports((await dashboard(anna)).body))), 'the new title shows');
      const renders = sharedRenders;
      await dashboard(anna);
      // Any successful write through this instance empties the caches (here: logging in).
      await loginAs(t, { role: 'support' });
      await dashboard(anna);
      assert.equal(sharedRenders, renders + 1);
    });

    test('panels expire with time (a deadline becomes overdue without any write)', async () => {
      const renders = sharedRenders;
      await dashboard(anna);
      await dashboard(anna);
      assert.ok(sharedRenders <= renders + 1);
      const realNow = Date.now;
      try {
        const later = realNow() + MAX_AGE_MS + 1;
        Date.now = () => later;
        const before = sharedRenders;
        await dashboard(anna);
        assert.equal(sharedRenders, before + 1);
      } finally {
        Date.now = realNow;
      }
    });
  });
}
