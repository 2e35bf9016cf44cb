// In a real browser: the coordinator writes a bilingual news item, schedules it (not yet public),
// then publishes it; the public pages show it in Dutch and English. axe checks every page visited.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildUser, TEST_PASSWORD } from '../support/app.ts';
import { browserLogin, chromiumAvailable, expectAccessible, expectAccessibleInBothLanguages, useBrowserApp } from '../support/browser.ts';
import { getAgreement, sectionsAsSnapshot } from '../../src/features/agreement/queries.ts';
import { agreementVersions } from '../../src/features/agreement/tables.ts';
import { programmes } from '../../src/db/schema.ts';
import { eq } from 'drizzle-orm';

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
  test('a text changed in one language: "translation out of date" on the page, the form and the overview, accessible in both languages; a language cannot be emptied', async () => {
    const page = await e2e.newPage();
    await browserLogin(page, e2e.baseUrl, email, TEST_PASSWORD);
    await page.goto(`${e2e.baseUrl}/nl/leiden/manage/website/news/new`);
    await page.fill('#content-title_nl', 'Bibliotheek langer open');
    await page.fill('#content-title_en', 'Library open longer');
    await page.fill('#content-body_nl', 'De bibliotheek is voortaan tot middernacht open.');
    await page.fill('#content-body_en', 'From now on the library is open until midnight.');
    await page.fill('#content-slug', 'bibliotheek-langer-open');
    await page.selectOption('#content-status', 'published');
    await Promise.all([page.waitForURL(/\/manage\/website\/news\/[0-9a-f-]{36}$/), page.click('form.ks-form button[type=submit] >> nth=0')]);
    const editUrl = page.url();
    // Only the Dutch text changes.
    await page.fill('#content-body_nl', 'De bibliotheek is voortaan tot één uur open.');
    await Promise.all([page.waitForLoadState('load'), page.click('form.ks-form button[type=submit] >> nth=0')]);
    assert.equal(await page.locator('#translation-stale').count(), 0, 'in Dutch nothing is behind');
    await page.goto(editUrl.replace('/nl/', '/en/'));
    assert.equal((await page.locator('#translation-stale').innerText()).trim(), 'Translation out of date: text');
    await page.goto(editUrl);
    await expectAccessibleInBothLanguages(page);

    // The overview, reached through the management page, lists it with a link to its form.
    await page.goto(`${e2e.baseUrl}/nl/leiden/manage/website`);
    await page.click('main a:has-text("Vertalingen")');
    const row = page.locator('tr', { hasText: 'Bibliotheek langer open' });
    assert.match(await row.innerText(), /Actueel\s+Vertaling verouderd/);
    await expectAccessibleInBothLanguages(page);
    await Promise.all([page.waitForURL(editUrl), row.locator('a').click()]);

    // Emptying the English title is refused with a message; what was typed stays.
    await page.fill('#content-title_en', '');
    await page.fill('#content-body_en', 'From now on the library is open until one o’clock.');
    await Promise.all([page.waitForLoadState('load'), page.click('form.ks-form button[type=submit] >> nth=0')]);
    assert.match(await page.locator('main').innerText(), /De titel had een tekst in deze taal en kan niet leeg worden gemaakt/);
    assert.equal(await page.inputValue('#content-body_en'), 'From now on the library is open until one o’clock.');
    await expectAccessible(page);

    // The reader of the English page is told; the Dutch page is current.
    const reader = await e2e.newPage();
    await reader.goto(`${e2e.baseUrl}/nl/leiden/news/bibliotheek-langer-open`);
    assert.equal(await reader.locator('#translation-stale').count(), 0);
    await expectAccessibleInBothLanguages(reader);
    await reader.goto(`${e2e.baseUrl}/en/leiden/news/bibliotheek-langer-open`);
    assert.equal((await reader.locator('#translation-stale').innerText()).trim(), 'Translation out of date: text');

    // The agreement's current text with a section behind in English (as an adopted Dutch-only amendment leaves it).
    const db = e2e.t.database.db;
    const [leiden] = await db.select().from(programmes).where(eq(programmes.slug, 'leiden'));
    const agreement = (await getAgreement(db, leiden!.id))!;
    await db
      .insert(agreementVersions)
      .values({ programmeId: leiden!.id, agreementId: agreement.id, number: 1, sections: await sectionsAsSnapshot(db, agreement.id), effectiveOn: agreement.signedOn, staleTranslations: { duration: 'en' } })
      .onConflictDoUpdate({ target: [agreementVersions.agreementId, agreementVersions.number], set: { staleTranslations: { duration: 'en' } } });
    await reader.goto(`${e2e.baseUrl}/nl/leiden/agreement`);
    assert.equal(await reader.locator('#translation-stale').count(), 0);
    await expectAccessibleInBothLanguages(reader);
    await reader.goto(`${e2e.baseUrl}/en/leiden/agreement`);
    assert.equal((await reader.locator('#translation-stale').innerText()).trim(), 'Translation out of date: Duration');
    await page.goto(`${e2e.baseUrl}/en/leiden/manage/website/translations`);
    assert.match(await page.locator('#stale-agreement').innerText(), /The agreement’s current text .* — English: 1 text out of date/);
    await expectAccessible(page);
    await reader.context().close();
    await page.context().close();
  });
});
