// A programme's life in Chromium: on today's date Leiden (2017-2022) is finished, a second
// programme runs and a third is in preparation. The installation home lists them by stage, and
// Leiden's pages are an archive (notice, results, no overdue work). axe in both languages, and
// nothing scrolls sideways on a 390 px phone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { setClock } from '../../src/clock.ts';
import { programmes } from '../../src/db/schema.ts';
import { buildUser } from '../support/app.ts';
import { chromiumAvailable, expectAccessible, expectAccessibleAt, expectFitsPhone, useBrowserApp } from '../support/browser.ts';

describe('installation home and archive in Chromium', { skip: !chromiumAvailable() }, () => {
  before(() => setClock('2026-12-03T10:00:00Z'));
  const e2e = useBrowserApp();
  let coordinator: string;
  before(async () => {
    await e2e.t.database.db.insert(programmes).values([
      { slug: 'delft', name: { nl: 'Kennisstad Delft', en: 'Knowledge City Delft' }, city: 'Delft', periodStart: '2024-01-01', periodEnd: '2028-12-31' },
      { slug: 'gouda', name: { nl: 'Kennisstad Gouda', en: 'Knowledge City Gouda' }, city: 'Gouda', periodStart: '2027-09-01', periodEnd: '2032-08-31' },
    ]);
    coordinator = (await buildUser(e2e.t, { role: 'coordinator', name: 'Cora Coördinator' })).email;
  });
  after(() => setClock(null));

  test('the home lists running, then preparation, then finished programmes', async () => {
    await e2e.as(null, async (page) => {
      await page.goto(`${e2e.baseUrl}/nl`);
      assert.deepEqual(await page.locator('main h2').allInnerTexts(), ['Lopende programma’s', 'In voorbereiding', 'Afgelopen programma’s (archief)']);
      assert.deepEqual(await page.locator('main .ks-programme-list a').allInnerTexts(), ['Kennisstad Delft', 'Kennisstad Gouda', 'Programma Leiden Kennisstad']);
      await expectAccessibleAt(page, e2e.baseUrl, '');
      await page.goto(`${e2e.baseUrl}/en`);
      assert.deepEqual(await page.locator('main h2').allInnerTexts(), ['Running programmes', 'In preparation', 'Finished programmes (archive)']);
      await expectFitsPhone(page);
      await page.click('text=Knowledge City Gouda');
      assert.match(await page.locator('.ks-stage-notice').innerText(), /In preparation: this programme starts on 1 September 2027/);
    });
  });

  test('a finished programme is an archive on its public and internal pages', async () => {
    await e2e.as(null, async (page) => {
      await page.goto(`${e2e.baseUrl}/nl/leiden`);
      assert.ok(await page.locator('.ks-stage-notice[data-stage="finished"]').isVisible(), 'the archive notice shows');
      assert.match(await page.locator('#archive-results').innerText(), /Wat het programma heeft opgeleverd/);
      await expectAccessibleAt(page, e2e.baseUrl, '/leiden');
      await expectFitsPhone(page);
    });
    await e2e.as(coordinator, async (page) => {
      await page.goto(`${e2e.baseUrl}/nl/leiden/dashboard`);
      assert.ok(await page.locator('.ks-stage-notice[data-stage="finished"]').isVisible());
      assert.ok(await page.locator('#archive-results').isVisible());
      assert.equal(await page.locator('#panel-deadlines, #panel-missing-reports, #dashboard-agreement, #panel-cadence').count(), 0);
      await expectAccessibleAt(page, e2e.baseUrl, '/leiden/dashboard');
      await expectFitsPhone(page);
      await page.goto(`${e2e.baseUrl}/en/leiden/deadlines`);
      assert.equal(await page.locator('.ks-overdue').count(), 0);
      await expectAccessibleAt(page, e2e.baseUrl, '/leiden/deadlines');
    });
  });
});
