// Every page type fits the screen: each HTML page of the access matrix that a visitor, a project
// lead or the coordinator may open is loaded in Chromium at 1280 px and at 390 px (a phone), and
// no page may scroll sideways. Tables scroll inside their own region; long words and addresses wrap.
// The pages and their objects are the access matrix's (test/security), so a new page is measured
// here as soon as it is in the table.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { ACCESS_MATRIX } from '../security/access-matrix.ts';
import { pagesFor as pagesOf } from '../support/pages.ts';
import { ROLE_KEYS, buildWorld, type RoleKey, type World } from '../security/world.ts';
import { addCookieHeader, chromiumAvailable, expectAccessibleInBothLanguages, useBrowserApp } from '../support/browser.ts';
import { allNavItems } from '../../src/web/navigation.ts';
import { routeActions } from '../../src/web/request-context.ts';

const WIDTHS = [1280, 390] as const;
const ROLES: RoleKey[] = ['anonymous', 'lead', 'coordinator'];

describe('page layout at 1280 px and 390 px in Chromium', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp();
  let world: World;
  before(async () => {
    world = await buildWorld(e2e.t);
  });

  const pagesFor = (role: RoleKey) => pagesOf(world, role);

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

// The menus per role: the public menu holds only pages anyone may open; a signed-in person's own
// menu starts with their start page and holds, grouped, exactly the pages of the access matrix their
// role may open (no link to a login page, a 403 or a 404); on a phone both fold behind one "Menu"
// link that works without JavaScript; axe finds nothing in either language.
describe('the menus per role', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp();
  let world: World;
  before(async () => {
    world = await buildWorld(e2e.t);
  });

  test('every menu entry has a page route', () => {
    const actions = routeActions(e2e.t.app);
    const missing = allNavItems().filter((item) => !actions.has(`GET /nl/:programme${item.path}`));
    assert.deepEqual(missing, []);
  });

  for (const role of ROLE_KEYS) {
    test(`${role}: the menus show exactly the pages the role may open, each answers 200, fold at 390 px without JavaScript, axe in NL and EN`, async () => {
      const index = ROLE_KEYS.indexOf(role);
      const slug = world.home.slug;
      const home = `/nl/${slug}`;
      const start = role === 'anonymous' ? `${home}/projects` : `${home}/my-work`;
      const cookie = world.actors[role].cookie ?? '';
      const mayOpen = (path: string) => ACCESS_MATRIX[`GET ~/:programme${path}`]?.own.replace(/\s+/g, '')[index] === 'o';

      const page = await e2e.newPage({ viewport: { width: 1280, height: 900 } });
      await addCookieHeader(page.context(), cookie, e2e.baseUrl);
      await page.goto(`${e2e.baseUrl}${start}`);
      const hrefs = (nav: string) => page.locator(`#menu ${nav} a`).evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      const publicLinks = await hrefs('nav.ks-nav:not(.ks-nav-own)');
      const ownLinks = await hrefs('nav.ks-nav-own');

      // Exactly what the role may open: every entry whose page the access matrix lets this role open, no other.
      const expected = allNavItems().filter((item) => mayOpen(item.path)).map((item) => `${home}${item.path}`);
      assert.deepEqual([...publicLinks, ...ownLinks].sort(), [home, ...expected].sort(), `${role}: menu entries`);
      if (role === 'anonymous') assert.equal(ownLinks.length, 0, 'a visitor has no own menu');
      else assert.equal(ownLinks[0], `${home}/my-work`, 'the start page comes first');
      // The public menu needs no signing in: each entry is a page anyone may open.
      for (const href of publicLinks) assert.ok(href === home || ACCESS_MATRIX[`GET ~/:programme${href.slice(home.length)}`]?.own.startsWith('o'), `${href} is public`);

      // Every link answers 200 for this role (no login redirect, 403 or 404).
      const failing: string[] = [];
      for (const href of [...publicLinks, ...ownLinks]) {
        const response = await page.request.get(`${e2e.baseUrl}${href}`, { maxRedirects: 0 });
        if (response.status() !== 200) failing.push(`${href}: ${response.status()}`);
      }
      assert.deepEqual(failing, [], `${role}: menu links that do not answer 200`);

      // The current section is marked: the start page itself.
      assert.equal(await page.locator('#menu a[aria-current="page"]').textContent(), role === 'anonymous' ? 'Projecten' : 'Mijn werk');
      if (role === 'coordinator') {
        assert.deepEqual(await page.locator('.ks-nav-group__name').allTextContents(), ['Programma', 'Stuurgroep', 'Beheer']);
      }
      if (role === 'lead' || role === 'partner') assert.equal(await page.locator('.ks-nav-group__name', { hasText: 'Beheer' }).count(), 0);
      await expectAccessibleInBothLanguages(page);

      // On a phone, without JavaScript: folded behind "Menu", opened by it, without sideways scrolling.
      const phone = await e2e.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
      await addCookieHeader(phone.context(), cookie, e2e.baseUrl);
      await phone.goto(`${e2e.baseUrl}${start}`);
      const menus = phone.locator('#menu > nav');
      const navCount = role === 'anonymous' ? 1 : 2;
      assert.equal(await menus.count(), navCount);
      for (let n = 0; n < navCount; n++) assert.equal(await menus.nth(n).isVisible(), false, 'folded on a phone');
      await phone.getByRole('link', { name: 'Menu' }).click();
      for (let n = 0; n < navCount; n++) assert.equal(await menus.nth(n).isVisible(), true, 'the Menu link opens it');
      assert.equal(await phone.getByRole('link', { name: 'Menu' }).isVisible(), false);
      assert.equal(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'the open menu fits the screen');
      await phone.setViewportSize({ width: 1280, height: 800 });
      for (let n = 0; n < navCount; n++) assert.equal(await menus.nth(n).isVisible(), true, 'shown on a wide screen');
      assert.equal(await phone.getByRole('link', { name: 'Menu' }).isVisible(), false);
      await phone.context().close();
      await page.context().close();
    });
  }

  test('a page under a section marks that section', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    await page.goto(`${e2e.baseUrl}/en/${world.home.slug}/projects/${world.home.ownProject}`);
    assert.equal(await page.locator('#menu a[aria-current="true"]').textContent(), 'Projects');
    assert.equal(await page.locator('#menu a[aria-current="page"]').count(), 0);
  });
});
