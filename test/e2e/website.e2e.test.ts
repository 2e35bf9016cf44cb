// In a real browser: the coordinator writes a bilingual news item, schedules it (not yet public),
// then publishes it; the public pages show it in Dutch and English. axe checks every page visited.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildUser, TEST_PASSWORD } from '../support/app.ts';
import { browserLogin, chromiumAvailable, expectAccessible, useBrowserApp } from '../support/browser.ts';

describe('website in Chromium', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp();
  let email: string;

  before(async () => {
    email = (await buildUser(e2e.t, { role: 'coordinator', name: 'Coördinator' })).email;
  });

  async function visit(page: Page, path: string, status = 200) {
    const response = await page.goto(`${e2e.baseUrl}${path}`);
    assert.equal(response?.status(), status, path);
    await expectAccessible(page);
  }

  test('write, schedule and publish a bilingual news item; public pages in both languages', async () => {
    const page = await e2e.newPage();
    await browserLogin(page, e2e.baseUrl, email, TEST_PASSWORD);

    await visit(page, '/nl/leiden/manage/website');
    await visit(page, '/nl/leiden/manage/website/news/new');
    // Submitting without a title shows the errors, accessibly.
    await Promise.all([page.waitForLoadState('load'), page.click('form.ks-form button[type=submit] >> nth=0')]);
    assert.match(await page.content(), /Geef een titel in minstens één taal/);
    await expectAccessible(page);

    await page.fill('#content-title_nl', 'Tweede Nacht van Kunst en Kennis aangekondigd');
    await page.fill('#content-title_en', 'Second Night of Art and Knowledge announced');
    await page.fill('#content-summary_nl', 'Ook dit jaar opent de binnenstad haar deuren voor kunst en wetenschap.');
    await page.fill('#content-summary_en', 'This year too the city centre opens its doors to art and science.');
    await page.fill('#content-body_nl', 'Musea en **onderzoekers** zijn een avond lang te gast.\n\n- lezingen\n- rondleidingen');
    await page.fill('#content-body_en', 'Museums and **researchers** are guests for an evening.\n\n- talks\n- tours');
    await page.fill('#content-slug', 'tweede-nacht');
    await page.selectOption('#content-status', 'scheduled');
    await page.fill('#content-publish_at', '2099-09-01T09:00');
    await Promise.all([page.waitForURL(/\/manage\/website\/news\/[0-9a-f-]{36}$/), page.click('form.ks-form button[type=submit] >> nth=0')]);
    await expectAccessible(page);
    const editUrl = page.url();

    const reader = await e2e.newPage();
    assert.equal((await reader.goto(`${e2e.baseUrl}/nl/leiden/news/tweede-nacht`))?.status(), 404, 'scheduled: not yet public');

    await page.goto(editUrl);
    await page.selectOption('#content-status', 'published');
    await page.fill('#content-publish_at', '');
    await Promise.all([page.waitForURL(editUrl), page.click('form.ks-form button[type=submit] >> nth=0')]);
    await visit(page, '/en/leiden/manage/website/translations');
    await visit(page, '/nl/leiden/manage/website/translations');
    await visit(page, '/en/leiden/manage/website/theme');
    await visit(page, '/en/leiden/manage/website/events/new');

    for (const [locale, title, strong] of [
      ['nl', 'Tweede Nacht van Kunst en Kennis aangekondigd', 'onderzoekers'],
      ['en', 'Second Night of Art and Knowledge announced', 'researchers'],
    ] as const) {
      await visit(reader, `/${locale}/leiden/news`);
      assert.ok((await reader.content()).includes(title), `${locale} list shows the item`);
      await visit(reader, `/${locale}/leiden/news/tweede-nacht`);
      assert.equal(await reader.locator('h1').innerText(), title);
      assert.equal(await reader.locator('article strong').innerText(), strong);
      assert.equal(await reader.getAttribute('html', 'lang'), locale);
      await visit(reader, `/${locale}/leiden/events`);
      await visit(reader, `/${locale}/leiden/events/nacht-van-kunst-en-kennis`);
      await visit(reader, `/${locale}/leiden/pages/over`);
      await visit(reader, `/${locale}/leiden/contact`);
      await visit(reader, `/${locale}/leiden/search?q=${locale === 'nl' ? 'kunst' : 'art'}`);
      assert.ok((await reader.locator('mark').count()) > 0, 'search highlights matches');
    }

    // Printed: the article without the site's navigation, tools, search form and footer.
    await reader.goto(`${e2e.baseUrl}/en/leiden/news/tweede-nacht`);
    assert.ok(await reader.locator('nav.ks-nav').first().isVisible(), 'on screen the navigation shows');
    await reader.emulateMedia({ media: 'print' });
    for (const clutter of ['#menu', '.ks-tools', '.ks-crumbs', 'footer.ks-footer', '.utrecht-skip-link']) {
      assert.equal(await reader.locator(clutter).isVisible(), false, `${clutter} hidden in print`);
    }
    assert.ok(await reader.locator('main article h1').isVisible(), 'the article prints');
    assert.equal(await reader.locator('main').evaluate((main) => getComputedStyle(main).color), 'rgb(0, 0, 0)', 'black text');
    await reader.emulateMedia({ media: 'screen' });
    await reader.context().close();
    await page.context().close();
  });

  test('privacy statement, open data and a decision\'s page: accessible in both languages, and their forms', async () => {
    const page = await e2e.newPage();
    await browserLogin(page, e2e.baseUrl, email, TEST_PASSWORD);
    await visit(page, '/nl/leiden/manage/website/privacy');
    await visit(page, '/en/leiden/manage/open-data');
    await page.goto(`${e2e.baseUrl}/nl/leiden/manage/website/privacy`);
    await page.fill('#privacy-controller_nl', 'Gemeente Leiden');
    await Promise.all([page.waitForURL(/\/manage\/website\/privacy\?saved=1$/), page.click('form.ks-form button[type=submit] >> nth=0')]);
    await expectAccessible(page);
    const reader = await e2e.newPage();
    const feed = await (await reader.request.get(`${e2e.baseUrl}/en/leiden/decisions/feed.atom`)).text();
    const decision = /\/en\/leiden\/decisions\/([0-9a-f-]{36})/.exec(feed)?.[1];
    for (const locale of ['nl', 'en'] as const) {
      await visit(reader, `/${locale}/leiden/privacy`);
      await visit(reader, `/${locale}/leiden/open-data`);
      if (decision) await visit(reader, `/${locale}/leiden/decisions/${decision}`);
    }
    assert.match(await (await reader.request.get(`${e2e.baseUrl}/nl/leiden/privacy`)).text(), /Gemeente Leiden/);
    await reader.context().close();
    await page.context().close();
  });
});
