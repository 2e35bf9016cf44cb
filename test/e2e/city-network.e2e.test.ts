// In Chromium: the coordinator follows a programme of the same installation and another
// installation (one that answers, one that answers garbage) from the management page reached
// through the menu, then reads the network page; axe on both pages in Dutch and English, and the
// pages fit a phone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { buildUser } from '../support/app.ts';
import { chromiumAvailable, expectAccessible, expectFitsPhone, expectNoScriptButEnhancement, useBrowserApp } from '../support/browser.ts';
import { programmes } from '../../src/db/schema.ts';
import { loadProgramme } from '../../src/seed/load.ts';
import { leiden } from '../../src/seed/leiden.ts';
import { forgetProgrammes } from '../../src/web/request-context.ts';
import { newsItems } from '../../src/features/website/tables.ts';

describe('network of knowledge cities in Chromium', { skip: !chromiumAvailable() }, () => {
  before(() => {
    process.env.JOBS = 'off';
  });
  after(() => {
    delete process.env.JOBS;
  });
  const e2e = useBrowserApp({ network: { allowHttp: true, allowPrivate: true, maxBytes: 2 * 1024 * 1024, timeoutMs: 1500, pollMinutes: 60 } }, { leiden: 'running' });
  let coordinator = '';
  let remote: Server;
  let remoteUrl = '';

  before(async () => {
    const db = e2e.t.database.db;
    await loadProgramme(db, { ...leiden, slug: 'katwijk', name: { nl: 'Kennisstad Katwijk', en: 'Katwijk Knowledge City' }, city: 'Katwijk' });
    forgetProgrammes(db);
    const [katwijk] = await db.select().from(programmes).where(eq(programmes.slug, 'katwijk'));
    await db.insert(newsItems).values({ programmeId: katwijk!.id, slug: 'resultaat-katwijk', title: { nl: 'Resultaat uit Katwijk', en: 'Result from Katwijk' }, summary: { nl: 'Een gedeeld resultaat.', en: 'A shared result.' }, status: 'published', publishAt: new Date(Date.now() - 60_000), sharedWithNetwork: true });
    coordinator = (await buildUser(e2e.t, { role: 'coordinator', name: 'Coördinator' })).email;
    // Another "installation": Leiden's own export under another name, and a garbage answer.
    const exported = (await e2e.t.app.inject({ url: '/api/v1/programmes/leiden/open-data.json' })).body.replace(/Programma Leiden Kennisstad/g, 'Kennisstad Noordwijk').replace(/Leiden Knowledge City Programme/g, 'Noordwijk Knowledge City');
    remote = createServer((request, response) => {
      if (request.url === '/good.json') return void response.end(exported);
      response.end('{ this is not json');
    });
    await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
    remoteUrl = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
  });
  after(async () => {
    remote?.closeAllConnections();
    await new Promise((resolve) => remote?.close(resolve));
  });

  test('the coordinator follows from the management page and reads the network page; axe in both languages', async () => {
    await e2e.as(coordinator, async (page) => {
      await page.goto(`${e2e.baseUrl}/nl/leiden`);
      await page.click('a:has-text("Netwerk van kennissteden volgen")');
      assert.match(page.url(), /\/nl\/leiden\/manage\/network$/);
      await expectAccessible(page);

      await page.selectOption('#local-programme', 'katwijk');
      await page.click('#local button[type="submit"]');
      await page.waitForURL(/done=saved/);
      for (const path of ['/good.json', '/bad.json']) {
        await page.fill('#remote-url', `${remoteUrl}${path}`);
        await page.click('#remote button[type="submit"]');
        await page.waitForURL(/done=saved/);
      }
      const rows = page.locator('#network-follows tbody tr');
      assert.equal(await rows.count(), 3);
      assert.match((await rows.nth(2).textContent()) ?? '', /het antwoord is geen geldige JSON/);
      await expectAccessible(page);

      // A refused address keeps what was typed and says why, in the page's language.
      await page.goto(`${e2e.baseUrl}/en/leiden/manage/network`);
      await page.fill('#remote-url', 'ftp://example.org/data.json');
      await page.click('#remote button[type="submit"]');
      assert.match((await page.locator('.utrecht-form-field-error-message, [id$="-error"]').first().textContent()) ?? (await page.content()), /Only addresses starting with https:\/\/ are allowed\./);
      assert.equal(await page.inputValue('#remote-url'), 'ftp://example.org/data.json');
      await expectAccessible(page);
      await page.goto(`${e2e.baseUrl}/nl/leiden/manage/network`);
      await expectFitsPhone(page);
    });
  });

  test('the network page: programmes side by side per theme, comparable targets in a chart with a table, shared results linking to their source', async () => {
    await e2e.as(null, async (page) => {
      for (const locale of ['nl', 'en'] as const) {
        const response = await page.goto(`${e2e.baseUrl}/${locale}/leiden/network`);
        assert.equal(response?.status(), 200);
        await expectNoScriptButEnhancement(page);
        const headers = await page.locator('#network-themes thead th').allTextContents();
        assert.equal(headers.length, 4, headers.join(' | '));
        const results = page.locator('#network-results a');
        assert.ok((await results.allTextContents()).some((text) => /Katwijk/.test(text)));
        assert.equal(await page.locator(`#network-results a[href="${e2e.t.config.baseUrl}/${locale}/katwijk/news/resultaat-katwijk"]`).count(), 1);
        assert.match((await page.locator('#network-sources').textContent()) ?? '', locale === 'nl' ? /Laatste poging mislukt: het antwoord is geen geldige JSON/ : /Last attempt failed: the answer is not valid JSON/);
        assert.ok((await page.locator('section[aria-labelledby^="unit-"] table').count()) > 0, 'a table of comparable targets');
        await expectAccessible(page);
        await page.screenshot({ path: `/tmp/citynet-network-${locale}-1280.png`, fullPage: false });
      }
      await page.goto(`${e2e.baseUrl}/nl/leiden/network`);
      await expectFitsPhone(page);
      await page.setViewportSize({ width: 390, height: 800 });
      await page.goto(`${e2e.baseUrl}/nl/leiden/network`);
      await page.screenshot({ path: '/tmp/citynet-network-nl-390.png', fullPage: false });
    });
  });
});
