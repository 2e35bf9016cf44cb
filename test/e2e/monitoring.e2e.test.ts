// In Chromium: the targets pages, a measurement entered through the form, a progress report, the
// dashboard, the deadlines overview, the outbox, mail preferences and unsubscribing, in Dutch and
// English; axe on every page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { buildUser } from '../support/app.ts';
import { chromiumAvailable, expectAccessible, expectNoScriptButEnhancement, useBrowserApp } from '../support/browser.ts';
import { projects, users } from '../../src/db/schema.ts';
import { preferencesFor } from '../../src/features/monitoring/mail.ts';

describe('monitoring in Chromium', { skip: !chromiumAvailable() }, () => {
  const emails: Record<string, string> = {};

  // Registered first, so it runs before the app starts: the job runner is set up when the app is built.
  before(() => {
    process.env.JOBS = 'off';
  });
  after(() => {
    delete process.env.JOBS;
  });
  const e2e = useBrowserApp({}, { leiden: 'running' });
  // A running programme on the dates this test works on: Leiden's parties renewed its agreement twice (to 2032).

  before(async () => {
    await e2e.t.database.db.update(projects).set({ lifecycle: 'running' }).where(eq(projects.code, '3a'));
    emails.coordinator = (await buildUser(e2e.t, { role: 'coordinator', name: 'Coördinator' })).email;
    emails.lead = (await buildUser(e2e.t, { role: 'lead', project: '3a', name: 'Trekker 3a' })).email;
    emails.admin = (await buildUser(e2e.t, { role: 'admin', name: 'Beheerder' })).email;
  });

  // axe runs as a script in the page, so the browser keeps JavaScript on; that the pages need
  // none is checked by asserting they ship no script but the site's one enhancement (the live
  // character count of long fields, public/enhance.js), from the site itself.
  const as = (who: string | null, run: (page: Page) => Promise<void>) => e2e.as(who && emails[who]!, run);

  async function visit(page: Page, path: string) {
    const response = await page.goto(`${e2e.baseUrl}${path}`);
    assert.equal(response?.status(), 200, path);
    await expectNoScriptButEnhancement(page);
    await expectAccessible(page);
  }

  test('public targets pages in both languages, without JavaScript', async () => {
    await as(null, async (page) => {
      for (const locale of ['nl', 'en'] as const) {
        await visit(page, `/${locale}/leiden/targets`);
        assert.equal(await page.locator('tbody tr').count(), 5);
        for (const key of ['student-housing', 'short-stay-housing']) {
          await visit(page, `/${locale}/leiden/targets/${key}`);
          const chart = page.locator('svg[role="img"]');
          assert.equal(await chart.count(), 1);
          assert.ok((await chart.getAttribute('aria-labelledby'))?.endsWith('-title'));
          const box = await chart.boundingBox();
          assert.ok(box && box.width > 200 && box.height > 80, 'the chart is drawn at a readable size');
        }
        // Without a baseline or a measurement there is nothing to draw: a sentence says so.
        for (const key of ['non-student-housing-study', 'working-method-proposal']) {
          await visit(page, `/${locale}/leiden/targets/${key}`);
          assert.equal(await page.locator('svg[role="img"]').count(), 0);
          assert.match((await page.textContent('main')) ?? '', locale === 'nl' ? /de grafiek verschijnt na de eerste meting/ : /the chart appears after the first measurement/);
        }
      }
    });
  });

  test('a lead records a measurement and files a report; the chart and table show it', async () => {
    await as('lead', async (page) => {
      await visit(page, '/nl/leiden/targets/student-housing');
      await page.fill('#measurement-measuredOn', '2019-09-01');
      await page.fill('#measurement-value', 'abc');
      await page.fill('#measurement-source', 'Monitor 2019');
      await page.click('form[action$="/measurements"] button[type=submit]');
      assert.match(await page.locator('#measurement-value-error').innerText(), /Vul een getal in/);
      await expectAccessible(page);
      await page.fill('#measurement-value', '1450');
      await Promise.all([page.waitForURL(/saved=1/), page.click('form[action$="/measurements"] button[type=submit]')]);
      await expectAccessible(page);
      assert.match(await page.locator('table').innerText(), /1\.450/);
      assert.match(await page.locator('svg[role="img"] title').textContent() ?? '', /laatste waarde 1\.450/);

      await visit(page, '/en/leiden/projects/3a/report');
      await page.check('#report-status-on_track');
      await page.fill('#report-narrative_en', 'Two buildings delivered.');
      await Promise.all([page.waitForURL(/saved=1/), page.click('form[action$="/report"] button[type=submit]')]);
      await expectAccessible(page);
      assert.match(await page.locator('main').innerText(), /Two buildings delivered\./);
    });
  });

  test('coordinator: dashboard and deadlines in both languages; admin: outbox', async () => {
    await as('coordinator', async (page) => {
      for (const locale of ['nl', 'en'] as const) {
        await visit(page, `/${locale}/leiden/dashboard`);
        await visit(page, `/${locale}/leiden/deadlines`);
        const text = await page.locator('main').innerText();
        assert.match(text, locale === 'nl' ? /31 oktober 2017/ : /31 October 2017/);
        assert.match(text, locale === 'nl' ? /31 maart 2018/ : /31 March 2018/);
      }
    });
    await as('admin', async (page) => {
      await visit(page, '/nl/leiden/outbox');
      await visit(page, '/en/leiden/outbox');
    });
  });

  test('mail preferences and unsubscribe pages in both languages; the choices are saved', async () => {
    await as('lead', async (page) => {
      for (const locale of ['nl', 'en'] as const) {
        await visit(page, `/${locale}/account/mail`);
        assert.equal(await page.locator('fieldset input[type=checkbox]:checked').count(), 4, 'every kind is on by default');
      }
      await page.selectOption('#preferences-locale', 'en');
      await page.uncheck('#preferences-deadlines');
      await Promise.all([page.waitForURL(/saved=1/), page.click('form[action$="/account/mail"] button[type=submit]')]);
      await expectAccessible(page);
      assert.match(await page.locator('[role=status]').innerText(), /saved/);
      assert.equal(await page.locator('#preferences-locale').inputValue(), 'en');
      assert.equal(await page.isChecked('#preferences-deadlines'), false);
      assert.equal(await page.isChecked('#preferences-reports'), true);
    });
    const [lead] = await e2e.t.database.db.select({ id: users.id }).from(users).where(eq(users.email, emails.lead!));
    const { unsubscribeToken } = await preferencesFor(e2e.t.database.db, lead!.id);
    await as(null, async (page) => {
      for (const locale of ['nl', 'en'] as const) await visit(page, `/${locale}/mail/unsubscribe/${unsubscribeToken}?kind=reports`);
      await page.click('main button[type=submit]');
      await expectAccessible(page);
      assert.match(await page.locator('[role=status]').innerText(), /unsubscribed from: Reminders of a missing progress report/);
    });
    const prefs = await preferencesFor(e2e.t.database.db, lead!.id);
    assert.equal(prefs.reportReminders, false);
    assert.equal(prefs.locale, 'en');
  });
});
