import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { anonymous, loginAs, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { auditEvents, projects } from '../../db/schema.ts';
import { chartRenderCount } from './chart.ts';
import { isoToday, periodOf } from './periods.ts';
import { measurements, progressReports } from './tables.ts';

for (const mode of databaseModes()) {
  describe(`monitoring (${mode})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(mode, {}, { leiden: 'running' });
    });
    after(async () => t.close());

    test('the targets page lists the five targets of the agreement with their status in both languages', async () => {
      const nl = await t.app.inject({ url: '/nl/leiden/targets' });
      assert.equal(nl.statusCode, 200);
      for (const key of ['student-housing', 'short-stay-housing', 'non-student-housing-study', 'non-student-housing-units', 'working-method-proposal']) {
        assert.ok(nl.body.includes(`/nl/leiden/targets/${key}"`), key);
      }
      assert.match(nl.body, /2\.700/);
      assert.match(nl.body, /Nog geen gegevens/);
      // The proposal was due before 1 November 2017 and nothing was recorded: off track.
      assert.match(nl.body, /Niet op koers/);
      const en = await t.app.inject({ url: '/en/leiden/targets' });
      assert.equal(en.statusCode, 200);
      assert.match(en.body, /2,700/);
      assert.match(en.body, /No data yet/);
      assert.match(en.body, /<html lang="en"/);
    });

    test('a target page shows an accessible server-side SVG chart with Dutch month names, and a table', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const saved = await t.app.inject({
        method: 'POST',
        url: '/nl/leiden/targets/student-housing/measurements',
        headers: { cookie: coordinator.cookie },
        payload: { _csrf: coordinator.csrf, measuredOn: '2018-10-01', value: '1.250', source: 'Monitor studentenhuisvesting 2018' },
      });
      // "1.250" is read as 1.25 (a decimal point), not as 1250: the table must show what was stored.
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, '/nl/leiden/targets/student-housing?saved=1');
      const page = await t.app.inject({ url: '/nl/leiden/targets/student-housing' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<svg[^>]*role="img"[^>]*aria-labelledby="chart-[^"]+-title"/);
      assert.match(page.body, /<title id="chart-[^"]+-title">Lijndiagram: /);
      // A short span (the baseline of 2017 to October 2018): ticks name the month with its year, never a month alone.
      assert.match(page.body, />(jan|apr|jul|okt) 2018</);
      assert.doesNotMatch(page.body, />(jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)</);
      assert.match(page.body, /Monitor studentenhuisvesting 2018/);
      assert.match(page.body, /<caption[^>]*>Metingen van /);
      // No script but the site's one enhancement (the character count of long fields).
      assert.doesNotMatch(page.body, /<script(?! type="module" src="\/assets\/enhance-[0-9a-f]+\.js")/);
      const english = await t.app.inject({ url: '/en/leiden/targets/student-housing' });
      assert.match(english.body, />(Jan|Apr|Jul|Oct) 2018</);
      assert.match(english.body, /Line chart: /);
    });

    test('an empty target shows a sentence instead of a chart; a history over years names its years', async () => {
      const empty = await t.app.inject({ url: '/nl/leiden/targets/non-student-housing-units' });
      assert.equal(empty.statusCode, 200);
      assert.ok(!empty.body.includes('<svg'), 'no empty chart');
      assert.match(empty.body, /id="chart-empty">Er is nog geen meting of beginwaarde: de grafiek verschijnt na de eerste meting\./);
      assert.match((await t.app.inject({ url: '/en/leiden/targets/non-student-housing-units' })).body, /id="chart-empty">There is no measurement or baseline yet/);
      const coordinator = await loginAs(t, { role: 'coordinator' });
      for (const [measuredOn, value] of [['2018-03-01', '40'], ['2021-09-01', '130']]) {
        const saved = await t.app.inject({
          method: 'POST',
          url: '/nl/leiden/targets/non-student-housing-units/measurements',
          headers: { cookie: coordinator.cookie },
          payload: { _csrf: coordinator.csrf, measuredOn, value, source: 'Telling' },
        });
        assert.equal(saved.statusCode, 303);
      }
      const page = await t.app.inject({ url: '/nl/leiden/targets/non-student-housing-units' });
      const svg = page.body.match(/<svg[\s\S]*<\/svg>/)?.[0] ?? '';
      for (const year of ['2019', '2020', '2021']) assert.match(svg, new RegExp(`>${year}<`), `the axis names ${year}`);
      assert.doesNotMatch(svg, />(jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)</, 'no month without its year');
      assert.doesNotMatch(svg, /0,000000/);
    });

    test('the chart is cached until a measurement changes', async () => {
      await t.app.inject({ url: '/nl/leiden/targets/short-stay-housing' });
      const before = chartRenderCount();
      await t.app.inject({ url: '/nl/leiden/targets/short-stay-housing' });
      assert.equal(chartRenderCount(), before, 'second view served from cache');
      const lead = await loginAs(t, { role: 'lead', project: '3a' });
      const post = await t.app.inject({
        method: 'POST',
        url: '/en/leiden/targets/short-stay-housing/measurements',
        headers: { cookie: lead.cookie },
        payload: { _csrf: lead.csrf, measuredOn: '2019-06-30', value: '40', source: 'Housing monitor' },
      });
      assert.equal(post.statusCode, 303);
      const page = await t.app.inject({ url: '/nl/leiden/targets/short-stay-housing' });
      assert.equal(chartRenderCount(), before + 1, 'a new measurement renders a new chart');
      assert.match(page.body, /Housing monitor/);
      const [row] = await t.database.db.select().from(measurements).where(eq(measurements.source, 'Housing monitor'));
      assert.equal(row!.value, 40);
      assert.equal(row!.enteredByUserId, lead.userId);
      const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, row!.id));
      assert.equal(audit[0]?.action, 'measurement.add');
    });

    test('invalid measurements answer 400 with messages in the user language and keep the input', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const nl = await t.app.inject({
        method: 'POST',
        url: '/nl/leiden/targets/student-housing/measurements',
        headers: { cookie: coordinator.cookie },
        payload: { _csrf: coordinator.csrf, measuredOn: '2018-02-30', value: 'veel', source: 'eigen telling' },
      });
      assert.equal(nl.statusCode, 400);
      assert.match(nl.body, /Geef een bestaande datum/);
      assert.match(nl.body, /Vul een getal in/);
      assert.match(nl.body, /value="eigen telling"/);
      assert.match(nl.body, /<a class="utrecht-link" href="#measurement-value">/, 'the summary links to the field');
      const post = (payload: Record<string, string>) =>
        t.app.inject({ method: 'POST', url: '/en/leiden/targets/student-housing/measurements', headers: { cookie: coordinator.cookie }, payload: { _csrf: coordinator.csrf, ...payload } });
      const empty = await post({ measuredOn: '2999-01-01', value: '', source: '' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Fill in this field/);
      const future = await post({ measuredOn: '2999-01-01', value: '12', source: 'count' });
      assert.equal(future.statusCode, 400);
      assert.match(future.body, /cannot be in the future/);
      const long = await post({ measuredOn: '2018-01-01', value: '12', source: 'x'.repeat(501) });
      assert.equal(long.statusCode, 400, 'a source over the limit is refused, not cut');
      assert.match(long.body, /at most 500 characters/);
      assert.match(long.body, /maxlength="500"/);
      assert.equal((await t.database.db.select().from(measurements).where(eq(measurements.source, 'count'))).length, 0, 'nothing stored');
    });

    test('measurements: anonymous, partners and leads of other projects are refused; unknown targets 404', async () => {
      const visitor = await anonymous(t);
      const payload = { measuredOn: '2018-01-01', value: '1', source: 'x' };
      const anon = await t.app.inject({ method: 'POST', url: '/nl/leiden/targets/student-housing/measurements', headers: { cookie: visitor.cookie }, payload: { ...payload, _csrf: visitor.csrf } });
      assert.equal(anon.statusCode, 404);
      const otherLead = await loginAs(t, { role: 'lead', project: '1a' });
      const denied = await t.app.inject({ method: 'POST', url: '/nl/leiden/targets/student-housing/measurements', headers: { cookie: otherLead.cookie }, payload: { ...payload, _csrf: otherLead.csrf } });
      assert.equal(denied.statusCode, 404);
      const page = await t.app.inject({ url: '/nl/leiden/targets/student-housing', headers: { cookie: otherLead.cookie } });
      assert.doesNotMatch(page.body, /Meting toevoegen/);
      const unknown = await t.app.inject({ url: '/en/leiden/targets/no-such-target' });
      assert.equal(unknown.statusCode, 404);
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const csrfless = await t.app.inject({ method: 'POST', url: '/nl/leiden/targets/student-housing/measurements', headers: { cookie: coordinator.cookie }, payload });
      assert.equal(csrfless.statusCode, 403);
    });

    test('a lead files a progress report; the coordinator sees who has not reported', async () => {
      const period = periodOf(isoToday());
      await t.database.db.update(projects).set({ lifecycle: 'running' }).where(eq(projects.code, '3a'));
      await t.database.db.update(projects).set({ lifecycle: 'running' }).where(eq(projects.code, '2c'));
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const before = await t.app.inject({ url: '/nl/leiden/dashboard', headers: { cookie: coordinator.cookie } });
      assert.equal(before.statusCode, 200);
      assert.match(before.body, new RegExp(`Ontbrekende voortgangsrapportages \\(${period}\\)`));
      assert.match(before.body, /\/nl\/leiden\/projects\/3a"/);

      const lead = await loginAs(t, { role: 'lead', project: '3a', name: 'Trekker Huisvesting' });
      const form = await t.app.inject({ url: '/en/leiden/projects/3a/report', headers: { cookie: lead.cookie } });
      assert.equal(form.statusCode, 200);
      assert.match(form.body, new RegExp(`Report for ${period}`));
      const invalid = await t.app.inject({
        method: 'POST',
        url: '/en/leiden/projects/3a/report',
        headers: { cookie: lead.cookie },
        payload: { _csrf: lead.csrf, period, status: 'fine', narrative_nl: '', narrative_en: '' },
      });
      assert.equal(invalid.statusCode, 400);
      assert.match(invalid.body, /Choose one of the options/);
      const unexplained = await t.app.inject({
        method: 'POST',
        url: '/en/leiden/projects/3a/report',
        headers: { cookie: lead.cookie },
        payload: { _csrf: lead.csrf, period, status: 'on_track', narrative_nl: ' ', narrative_en: '' },
      });
      assert.equal(unexplained.statusCode, 400);
      assert.match(unexplained.body, /Write a short explanation/);
      assert.match(unexplained.body, /id="report-status-on_track" name="status" value="on_track" checked/, 'the choice is kept');
      const oldPeriod = await t.app.inject({
        method: 'POST',
        url: '/nl/leiden/projects/3a/report',
        headers: { cookie: lead.cookie },
        payload: { _csrf: lead.csrf, period: '2017-Q4', status: 'on_track', narrative_nl: 'x', narrative_en: '' },
      });
      assert.equal(oldPeriod.statusCode, 400);
      assert.match(oldPeriod.body, /Kies een geldige periode/);
      const filed = await t.app.inject({
        method: 'POST',
        url: '/nl/leiden/projects/3a/report',
        headers: { cookie: lead.cookie },
        payload: { _csrf: lead.csrf, period, status: 'at_risk', narrative_nl: 'Bouw loopt vertraging op.', narrative_en: 'Construction is delayed.' },
      });
      assert.equal(filed.statusCode, 303);
      const shown = await t.app.inject({ url: '/en/leiden/projects/3a/report', headers: { cookie: lead.cookie } });
      assert.match(shown.body, /Construction is delayed\./);
      assert.match(shown.body, /At risk/);
      const rows = await t.database.db.select().from(progressReports);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.period, period);

      const afterReport = await t.app.inject({ url: '/nl/leiden/dashboard', headers: { cookie: coordinator.cookie } });
      const panel = afterReport.body.slice(afterReport.body.indexOf('aria-labelledby="panel-missing-reports"')).split('</section>')[0]!;
      assert.doesNotMatch(panel, /projects\/3a"/);
      assert.match(panel, /projects\/2c"/);

      // Another project's lead and a partner may not see or file the report.
      const otherLead = await loginAs(t, { role: 'lead', project: '2c' });
      assert.equal((await t.app.inject({ url: '/nl/leiden/projects/3a/report', headers: { cookie: otherLead.cookie } })).statusCode, 404);
      const partner = await loginAs(t, { role: 'partner', organisation: 'lumc' });
      const post = await t.app.inject({
        method: 'POST',
        url: '/nl/leiden/projects/3a/report',
        headers: { cookie: partner.cookie },
        payload: { _csrf: partner.csrf, period, status: 'on_track', narrative_nl: 'x', narrative_en: '' },
      });
      assert.equal(post.statusCode, 404);
      assert.equal((await t.app.inject({ url: '/nl/leiden/projects/9z/report', headers: { cookie: coordinator.cookie } })).statusCode, 404);
    });

    test('the deadlines page shows the dated commitments of the default data per organisation and person', async () => {
      const partner = await loginAs(t, { role: 'partner', organisation: 'gemeente-leiden' });
      for (const [locale, dates] of [
        ['nl', ['31 oktober 2017', '30 november 2017', '31 maart 2018']],
        ['en', ['31 October 2017', '30 November 2017', '31 March 2018']],
      ] as const) {
        const page = await t.app.inject({ url: `/${locale}/leiden/deadlines`, headers: { cookie: partner.cookie } });
        assert.equal(page.statusCode, 200, locale);
        for (const date of dates) assert.ok(page.body.includes(date), `${locale} ${date}`);
        assert.match(page.body, /datetime="2017-10-31"/);
      }
      const nl = await t.app.inject({ url: '/nl/leiden/deadlines', headers: { cookie: partner.cookie } });
      assert.match(nl.body, /Per organisatie: wat zijn wij verschuldigd\?/);
      assert.match(nl.body, /Gemeente Leiden/);
      assert.match(nl.body, /dagen te laat/);
      const anonymousVisit = await t.app.inject({ url: '/nl/leiden/deadlines' });
      assert.equal(anonymousVisit.statusCode, 303);
      assert.match(String(anonymousVisit.headers.location), /^\/nl\/login/);
      const nobody = await loginAs(t, {});
      assert.equal((await t.app.inject({ url: '/nl/leiden/deadlines', headers: { cookie: nobody.cookie } })).statusCode, 403);
    });

    test('the outbox is for admins only', async () => {
      const admin = await loginAs(t, { role: 'admin' });
      const page = await t.app.inject({ url: '/en/leiden/outbox', headers: { cookie: admin.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Sent e-mail \(outbox\)/);
      const coordinator = await loginAs(t, { role: 'coordinator' });
      assert.equal((await t.app.inject({ url: '/en/leiden/outbox', headers: { cookie: coordinator.cookie } })).statusCode, 403);
    });
  });
}
