// Issue 20 in Chromium: the coordinator starts a successor of Leiden (finished on today's date)
// from its archive notice, selecting two projects, checks and confirms, and sees the links both
// ways; then, with roles in both programmes, switches between them from the start page with links
// only (JavaScript off). axe in both languages on every new or changed page; no sideways scrolling
// on a 390 px phone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { setClock } from '../../src/clock.ts';
import { TEST_PASSWORD, buildUser } from '../support/app.ts';
import { browserLogin, chromiumAvailable, expectAccessible, expectAccessibleAt, expectFitsPhone, useBrowserApp } from '../support/browser.ts';
import { rows } from '../security/world.ts';

describe('successor programme and the programme switch in Chromium', { skip: !chromiumAvailable() }, () => {
  before(() => setClock('2026-12-03T10:00:00Z'));
  const e2e = useBrowserApp();
  let coordinator: string;
  let carried: string[] = [];
  before(async () => {
    coordinator = (await buildUser(e2e.t, { role: 'coordinator', name: 'Cora Coördinator' })).email;
    carried = (
      await rows<{ code: string }>(
        e2e.t.database.db,
        sql`select p.code from projects p join programmes g on g.id = p.programme_id
            where g.slug = 'leiden' and p.lifecycle = 'running' and exists (select 1 from actions a where a.project_id = p.id and a.state = 'open')
            order by p.position, p.code limit 2`,
      )
    ).map((row) => row.code);
    assert.equal(carried.length, 2);
  });
  after(() => setClock(null));

  async function fillForm(page: Page): Promise<void> {
    await page.fill('#successor-name_nl', 'Kennisstad Leiden 2027-2031');
    await page.fill('#successor-name_en', 'Knowledge City Leiden 2027-2031');
    await page.fill('#successor-slug', 'leiden-2027');
    await page.fill('#successor-startOn', '2027-01-01');
    await page.fill('#successor-termYears', '5');
    for (const code of carried) await page.check(`#successor-project-${code}`);
  }

  test('the coordinator starts a successor from the archive notice, checks and confirms; the links show both ways', async () => {
    await e2e.as(coordinator, async (page) => {
      await page.goto(`${e2e.baseUrl}/nl/leiden`);
      await page.click('.ks-stage-notice a[href="/nl/leiden/successor"]');
      assert.equal(new URL(page.url()).pathname, '/nl/leiden/successor');
      await expectAccessible(page);
      await expectFitsPhone(page);
      await page.goto(`${e2e.baseUrl}/en/leiden/successor`);
      await expectAccessible(page);

      // A refused form keeps what was typed and says what is wrong.
      await fillForm(page);
      await page.fill('#successor-slug', 'leiden');
      await page.click('#successor-form button[type=submit]');
      assert.match(await page.locator('[role=alert]').innerText(), /already in use/);
      assert.equal(await page.inputValue('#successor-name_en'), 'Knowledge City Leiden 2027-2031');
      await expectAccessible(page);

      // Check in Dutch: the confirmation lists what will be copied; nothing is made yet.
      await page.goto(`${e2e.baseUrl}/nl/leiden/successor`);
      await fillForm(page);
      await page.click('#successor-form button[type=submit]');
      const dutch = await page.locator('main').innerText();
      assert.match(dutch, /Vervolgprogramma Kennisstad Leiden 2027-2031 starten\?/);
      for (const code of carried) assert.match(dutch, new RegExp(`Project ${code} .* gaat door, met \\d+ partners en \\d+ openstaande acties`));
      await expectAccessible(page);
      await expectFitsPhone(page);
      await page.click('a:has-text("Terug zonder iets te doen")');
      assert.equal(new URL(page.url()).pathname, '/nl/leiden/successor');

      // Check and confirm in English.
      await page.goto(`${e2e.baseUrl}/en/leiden/successor`);
      await fillForm(page);
      await page.click('#successor-form button[type=submit]');
      assert.match(await page.locator('h1').innerText(), /Start the successor programme Knowledge City Leiden 2027-2031\?/);
      await expectAccessible(page);
      await Promise.all([page.waitForURL((url) => url.pathname === '/en/leiden-2027'), page.click('button:has-text("Start the successor programme")')]);

      // The successor names its predecessor; the predecessor's archive notice names its successor.
      assert.match(await page.locator('#lineage-predecessor').innerText(), /This programme succeeds Leiden/);
      await expectAccessibleAt(page, e2e.baseUrl, '/leiden-2027');
      await expectFitsPhone(page);
      await page.goto(`${e2e.baseUrl}/en/leiden-2027`);
      await page.click('#lineage-predecessor a');
      assert.equal(new URL(page.url()).pathname, '/en/leiden');
      assert.match(await page.locator('#lineage-successor').innerText(), /This programme carries on in Knowledge City Leiden 2027-2031/);
      await expectAccessible(page);

      // Each carried project links to the one it carries on, and back.
      const code = carried[0]!;
      await page.goto(`${e2e.baseUrl}/en/leiden-2027/projects/${code}`);
      await page.click('#project-predecessor a');
      assert.equal(new URL(page.url()).pathname, `/en/leiden/projects/${code}`);
      await page.click('#project-successor a');
      assert.equal(new URL(page.url()).pathname, `/en/leiden-2027/projects/${code}`);
      await expectAccessibleAt(page, e2e.baseUrl, `/leiden-2027/projects/${code}`);
      await expectAccessibleAt(page, e2e.baseUrl, `/leiden/projects/${code}`);

      // The start page shows both programmes.
      await expectAccessibleAt(page, e2e.baseUrl, '/leiden-2027/my-work');
      await expectFitsPhone(page);
      await expectAccessibleAt(page, e2e.baseUrl, '/leiden/my-work');
      await expectAccessibleAt(page, e2e.baseUrl, '/leiden-2027/successor');
    });
  });

  test('with roles in both programmes, the person switches from the start page and the menu with links only', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await browserLogin(page, e2e.baseUrl, coordinator, TEST_PASSWORD, 'en');
    await page.goto(`${e2e.baseUrl}/en/my-work`);
    // Two programmes: the person chooses.
    await page.click('main a[href="/en/leiden-2027/my-work"]');
    assert.equal(new URL(page.url()).pathname, '/en/leiden-2027/my-work');
    assert.match(await page.locator('#my-programmes + p + ul').innerText(), /Knowledge City Leiden 2027-2031 \(you are here\)/);
    assert.match(await page.locator('.ks-programme-switch').innerText(), /You are working in Knowledge City Leiden 2027-2031/);
    await page.click('#my-programmes ~ ul a[data-programme="leiden"]');
    assert.equal(new URL(page.url()).pathname, '/en/leiden/my-work');
    assert.match(await page.locator('.ks-programme-switch').innerText(), /You are working in Leiden/);
    // Back through the menu's switch.
    await page.click('.ks-programme-switch a[data-programme="leiden-2027"]');
    assert.equal(new URL(page.url()).pathname, '/en/leiden-2027/my-work');
    await page.context().close();
  });
});
