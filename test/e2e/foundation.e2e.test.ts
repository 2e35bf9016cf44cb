// In a real browser: log in, switch language, and visit every foundation page in Dutch and
// English with axe's WCAG 2.1 AA rules (0 violations allowed).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildUser, TEST_PASSWORD } from '../support/app.ts';
import { browserLogin, chromiumAvailable, expectAccessible, useBrowserApp } from '../support/browser.ts';
import { leiden } from '../../src/seed/leiden.ts';

describe('foundation pages in Chromium', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp();
  let page: Page;

  before(async () => {
    page = await e2e.newPage();
  });

  const publicPaths = [
    '/leiden',
    '/leiden/projects',
    '/leiden/organisations',
    '/leiden/accessibility',
    ...leiden.themes.map((theme) => `/leiden/themes/${theme.code}`),
    ...leiden.projects.map((project) => `/leiden/projects/${project.code}`),
    '/leiden/organisations/universiteit-leiden',
    '/leiden/organisations/gemeente-leiden',
    '/leiden/organisations/lumc',
    '/leiden/organisations/hogeschool-leiden',
    '/login',
  ];

  for (const locale of ['nl', 'en'] as const) {
    test(`every public page passes axe in ${locale}`, async () => {
      for (const path of publicPaths) {
        const response = await page.goto(`${e2e.baseUrl}/${locale}${path}`);
        assert.equal(response?.status(), 200, path);
        assert.equal(await page.getAttribute('html', 'lang'), locale);
        assert.ok((await page.title()).length > 0);
        assert.equal(await page.locator('main#main').count(), 1, `main landmark on ${path}`);
        assert.equal(await page.locator('h1').count(), 1, `one h1 on ${path}`);
        await expectAccessible(page);
      }
    });

    test(`the not-found page is accessible in ${locale}`, async () => {
      const response = await page.goto(`${e2e.baseUrl}/${locale}/leiden/projects/none`);
      assert.equal(response?.status(), 404);
      await expectAccessible(page);
    });
  }

  test('log in, switch language on the same page, reach the dashboard, log out', async () => {
    const user = await buildUser(e2e.t, { role: 'coordinator', name: 'Coördinator Test' });
    await browserLogin(page, e2e.baseUrl, user.email, TEST_PASSWORD);
    await page.goto(`${e2e.baseUrl}/nl/leiden/projects/3a`);
    assert.match(await page.locator('h1').innerText(), /3a\. Wonen/);
    await page.click('a[hreflang="en"]');
    assert.equal(new URL(page.url()).pathname, '/en/leiden/projects/3a');
    assert.match(await page.locator('h1').innerText(), /3a\. Housing/);
    await page.click('nav[aria-label="My menu"] >> text=Dashboard');
    assert.equal(new URL(page.url()).pathname, '/en/leiden/dashboard');
    await expectAccessible(page);
    await page.goto(`${e2e.baseUrl}/en/account`);
    assert.match(await page.locator('main').innerText(), /Coordinator/);
    await expectAccessible(page);
    await page.click('button:has-text("Log out")');
    await page.goto(`${e2e.baseUrl}/en/account`);
    assert.equal(new URL(page.url()).pathname, '/en/login');
  });

  test('signed in without the right: the 403 page says so and is accessible in both languages; a long field states its limit', async () => {
    const visitor = await e2e.newPage();
    const lead = await buildUser(e2e.t, { role: 'lead', project: '3a', name: 'Trekker Test' });
    // A link to a management page opened without a session: the login page, then back to it.
    await visitor.goto(`${e2e.baseUrl}/nl/leiden/dashboard`);
    assert.equal(new URL(visitor.url()).pathname, '/nl/login');
    await visitor.fill('#email', lead.email);
    await visitor.fill('#password', TEST_PASSWORD);
    const [answer] = await Promise.all([visitor.waitForResponse((r) => new URL(r.url()).pathname === '/nl/leiden/dashboard'), visitor.click('form.ks-form button[type=submit]')]);
    assert.equal(answer.status(), 403);
    for (const locale of ['nl', 'en'] as const) {
      const response = await visitor.goto(`${e2e.baseUrl}/${locale}/leiden/dashboard`);
      assert.equal(response?.status(), 403);
      assert.match(await visitor.locator('main').innerText(), locale === 'nl' ? /Geen toegang tot deze pagina[\s\S]*Trekker Test/ : /No access to this page[\s\S]*Trekker Test/);
      await expectAccessible(visitor);
    }
    await visitor.context().close();
    const coordinator = await buildUser(e2e.t, { role: 'coordinator' });
    const editor = await e2e.newPage();
    await browserLogin(editor, e2e.baseUrl, coordinator.email, TEST_PASSWORD);
    for (const locale of ['nl', 'en'] as const) {
      await editor.goto(`${e2e.baseUrl}/${locale}/leiden/manage/website/news/new`);
      assert.match(await editor.locator('#content-body_nl-limit').innerText(), locale === 'nl' ? /Maximaal 50\.000 tekens/ : /At most 50,000 characters/);
      assert.equal(await editor.getAttribute('#content-body_nl', 'maxlength'), '50000');
      await expectAccessible(editor);
    }
    await editor.context().close();
  });

  test('the skip link is the first thing a keyboard reaches and moves focus to the content', async () => {
    await page.goto(`${e2e.baseUrl}/nl/leiden`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Direct naar de inhoud');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  });
});
