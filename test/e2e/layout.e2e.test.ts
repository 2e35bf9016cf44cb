// Every page type fits the screen: each HTML page of the access matrix that a visitor, a project
// lead or the coordinator may open is loaded in Chromium at 1280 px and at 390 px (a phone), and
// no page may scroll sideways. Tables scroll inside their own region; long words and addresses wrap.
// The pages and their objects are the access matrix's (test/security), so a new page is measured
// here as soon as it is in the table.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { ACCESS_MATRIX } from '../security/access-matrix.ts';
import { fillPattern } from '../security/matrix-walk.ts';
import { ROLE_KEYS, buildWorld, type RoleKey, type World } from '../security/world.ts';
import { addCookieHeader, chromiumAvailable, expectAccessible, useBrowserApp } from '../support/browser.ts';

const WIDTHS = [1280, 390] as const;
const ROLES: RoleKey[] = ['anonymous', 'lead', 'coordinator'];
// Not pages: files, feeds, data and the redirects that lead elsewhere.
const NOT_A_PAGE = /[./](css|csv|xlsx|ics|xml|json|pdf|docx|png|svg|ico|txt|atom)$|\/feeds?\/|\/export\/|\/files\/|\/logo$|\/download$|\/data\//;

describe('page layout at 1280 px and 390 px in Chromium', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp();
  let world: World;
  before(async () => {
    world = await buildWorld(e2e.t);
  });

  /** The pages a role may open, with the matrix's own objects filled in. */
  function pagesFor(role: RoleKey): string[] {
    const index = ROLE_KEYS.indexOf(role);
    const urls = new Set<string>();
    for (const [key, expectation] of Object.entries(ACCESS_MATRIX)) {
      if (!key.startsWith('GET ~')) continue;
      if (expectation.own.replace(/\s+/g, '')[index] !== 'o') continue;
      const url = fillPattern(key, 'own', world, world.actors[role]);
      if (!NOT_A_PAGE.test(url)) urls.add(url);
    }
    return [...urls].sort();
  }

  async function signIn(page: Page, role: RoleKey): Promise<void> {
    await addCookieHeader(page.context(), world.actors[role].cookie ?? '', e2e.baseUrl);
  }

  for (const role of ROLES) {
    test(`no page scrolls sideways (${role})`, async () => {
      const page = await e2e.newPage();
      await signIn(page, role);
      const pages = pagesFor(role);
      assert.ok(pages.length >= (role === 'anonymous' ? 20 : 40), `${role}: ${pages.length} pages`);
      const overflowing: string[] = [];
      let measured = 0;
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        for (const url of pages) {
          const response = await page.goto(`${e2e.baseUrl}${url}`).catch((error: Error) => {
            // A file the pattern did not reveal (the browser downloads it): not a page.
            if (/Download is starting/.test(error.message)) return null;
            throw error;
          });
          if (!response || response.status() !== 200 || !String(response.headers()['content-type']).startsWith('text/html')) continue;
          measured++;
          const extra = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (extra > 1) {
            const culprit = await page.evaluate(() => {
              const limit = document.documentElement.clientWidth;
              const wide = [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > limit + 1);
              const deepest = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
              return deepest.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`).join(', ');
            });
            overflowing.push(`${width} px ${url}: ${extra} px too wide (${culprit})`);
          }
        }
      }
      assert.ok(measured >= pages.length, `${role}: measured ${measured} of ${pages.length * WIDTHS.length}`);
      assert.deepEqual(overflowing, [], `pages that scroll sideways:\n${overflowing.join('\n')}`);
    });
  }
});

describe('the menu on a phone, without JavaScript', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp();

  test('at 390 px the menu folds behind "Menu" and opens with it; at 1280 px it shows; the current section is marked', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
    await page.goto(`${e2e.baseUrl}/nl/leiden/projects/1a`);
    const items = page.locator('nav#menu > ul');
    assert.equal(await items.isVisible(), false, 'folded on a phone');
    await page.getByRole('link', { name: 'Menu' }).click();
    assert.equal(await items.isVisible(), true, 'the Menu link opens it');
    // A project page is in the Projects section.
    assert.equal(await page.locator('nav#menu a[aria-current]').textContent(), 'Projecten');
    // axe runs as a script: checked on the same state in a page that allows it.
    const checked = await e2e.newPage({ viewport: { width: 390, height: 800 } });
    await checked.goto(`${e2e.baseUrl}/nl/leiden/projects/1a#menu`);
    assert.equal(await checked.locator('nav#menu > ul').isVisible(), true);
    await expectAccessible(checked);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${e2e.baseUrl}/en/leiden/projects`);
    assert.equal(await page.locator('nav#menu > ul').isVisible(), true);
    assert.equal(await page.getByRole('link', { name: 'Menu' }).isVisible(), false);
    assert.equal(await page.locator('nav#menu a[aria-current="page"]').textContent(), 'Projects');
  });
});
