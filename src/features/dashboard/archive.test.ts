// A programme's life as its pages show it. Leiden (2017-07-07 to 2022-07-06, not renewed) is
// finished on today's date: an archive with a notice on its pages, its results on its home and
// dashboard, no overdue work or expiry alarm, and only its coordinator may still change anything.
// Inside its term it runs as before; the installation's home lists programmes by stage.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inArray } from 'drizzle-orm';
import { setClock } from '../../clock.ts';
import { programmes } from '../../db/schema.ts';
import { databaseModes } from '../../../test/support/database.ts';
import { anonymous, loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';

const FINISHED = '2026-12-03T10:00:00Z';
const RUNNING = '2019-05-01T10:00:00Z';

for (const mode of databaseModes()) {
  describe(`a programme's life (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session;
    let lead: Session;
    before(async () => {
      t = await startTestApp(mode);
      coordinator = await loginAs(t, { role: 'coordinator', name: 'Cora Coördinator' });
      lead = await loginAs(t, { role: 'lead', project: '3a', name: 'Lotte Trekker' });
    });
    afterEach(() => setClock(null));
    after(async () => t.close());

    const get = (url: string, session?: Session) => t.app.inject({ url, headers: session ? { cookie: session.cookie } : {} });
    const editProject = (session: Session, locale: string) =>
      t.app.inject({ method: 'POST', url: `/${locale}/leiden/projects/3a/edit`, headers: { cookie: session.cookie }, payload: { _csrf: session.csrf, version: '1' } });

    test('finished: the public and internal pages carry the archive notice in both languages', async () => {
      setClock(FINISHED);
      const nl = await get('/nl/leiden');
      assert.equal(nl.statusCode, 200);
      assert.match(nl.body, /data-stage="finished"/);
      assert.match(nl.body, /Archief: dit programma is afgelopen/);
      assert.match(nl.body, /7 juli 2017 tot en met 6 juli 2022/);
      const en = await get('/en/leiden/projects', coordinator);
      assert.match(en.body, /Archive: this programme has finished/);
      const dashboard = await get('/en/leiden/dashboard', coordinator);
      assert.equal(dashboard.statusCode, 200);
      assert.match(dashboard.body, /data-stage="finished"/);
    });

    test('finished: results on the home page and the dashboard, no overdue work, no expiry alarm', async () => {
      setClock(FINISHED);
      const home = await get('/en/leiden');
      assert.match(home.body, /id="archive-results"/);
      assert.match(home.body, /Final figures per target/);
      assert.match(home.body, /Last annual agenda: /);
      const dashboard = (await get('/en/leiden/dashboard', coordinator)).body;
      assert.match(dashboard, /id="archive-results"/);
      for (const live of ['panel-missing-reports', 'panel-deadlines', 'dashboard-agreement', 'panel-cadence']) {
        assert.doesNotMatch(dashboard, new RegExp(`id="${live}"`), `${live} is not shown in an archive`);
      }
      assert.doesNotMatch(dashboard, /expired|has ended|overdue/i);
      const deadlines = (await get('/en/leiden/deadlines', coordinator)).body;
      assert.doesNotMatch(deadlines, /ks-overdue|overdue/i);
      assert.match(deadlines, /The programme has finished: /);
    });

    test('running: no notice, no archive panel, the live panels are back', async () => {
      setClock(RUNNING);
      const home = await get('/nl/leiden');
      assert.doesNotMatch(home.body, /data-stage=/);
      assert.doesNotMatch(home.body, /id="archive-results"/);
      const dashboard = (await get('/nl/leiden/dashboard', coordinator)).body;
      assert.match(dashboard, /id="panel-deadlines"/);
      assert.match(dashboard, /id="dashboard-agreement"/);
      assert.doesNotMatch(dashboard, /id="archive-results"/);
    });

    test('finished: a lead may no longer change the project; the coordinator may still correct it', async () => {
      setClock(FINISHED);
      for (const locale of ['nl', 'en']) {
        const refused = await editProject(lead, locale);
        assert.equal(refused.statusCode, 403);
        assert.match(refused.body, locale === 'nl' ? /Dit programma is afgelopen/ : /This programme has finished/);
      }
      const corrected = await editProject(coordinator, 'en');
      assert.notEqual(corrected.statusCode, 403);
      assert.doesNotMatch(corrected.body, /This programme has finished/);
      // An anonymous form on the archive is refused the same way (after the CSRF check).
      const visitor = await anonymous(t);
      const contact = await t.app.inject({ method: 'POST', url: '/en/leiden/projects/3a/edit', headers: { cookie: visitor.cookie }, payload: { _csrf: visitor.csrf } });
      assert.equal(contact.statusCode, 401);
      // The same lead may edit while the programme runs.
      setClock(RUNNING);
      const allowed = await editProject(lead, 'en');
      assert.notEqual(allowed.statusCode, 403);
    });

    test('finished: the API refuses a write by anyone but the coordinator with problem+json', async () => {
      setClock(RUNNING);
      const created = await t.app.inject({ method: 'POST', url: '/en/account/tokens', headers: { cookie: lead.cookie }, payload: { name: 'archive test', scope: 'read-write', programme: 'leiden', _csrf: lead.csrf } });
      assert.equal(created.statusCode, 201);
      const token = /<code id="new-token">([^<]+)<\/code>/.exec(created.body)![1]!;
      setClock(FINISHED);
      const response = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/programmes/leiden/projects/3a',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': '*' },
        payload: { status: { en: 'x' } },
      });
      assert.equal(response.statusCode, 403);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      assert.equal(response.json().title, 'Dit programma is afgelopen');
    });

    test('the installation home lists programmes running first, then in preparation, then finished', async () => {
      setClock(FINISHED);
      await t.database.db.insert(programmes).values([
        { slug: 'delft', name: { nl: 'Kennisstad Delft', en: 'Knowledge City Delft' }, city: 'Delft', periodStart: '2024-01-01', periodEnd: '2028-12-31' },
        { slug: 'gouda', name: { nl: 'Kennisstad Gouda', en: 'Knowledge City Gouda' }, city: 'Gouda', periodStart: '2027-09-01', periodEnd: '2032-08-31' },
      ]);
      for (const [locale, names] of [
        ['nl', ['Lopende programma’s', 'Kennisstad Delft', 'In voorbereiding', 'Kennisstad Gouda', 'Afgelopen programma’s (archief)', 'Leiden']],
        ['en', ['Running programmes', 'Knowledge City Delft', 'In preparation', 'Knowledge City Gouda', 'Finished programmes (archive)', 'Leiden']],
      ] as const) {
        const page = await get(`/${locale}`);
        assert.equal(page.statusCode, 200, 'a list, not a redirect');
        let at = -1;
        for (const name of names) {
          const next = page.body.indexOf(name, at + 1);
          assert.ok(next > at, `${name} comes after the previous item on /${locale}`);
          at = next;
        }
      }
      await t.database.db.delete(programmes).where(inArray(programmes.slug, ['delft', 'gouda']));
      // With one programme the home goes straight to it.
      const single = await get('/en');
      assert.equal(single.statusCode, 302);
      assert.equal(single.headers.location, '/en/leiden');
    });
  });
}
