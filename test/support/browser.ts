// Real Chromium (Debian's /usr/bin/chromium, no browser download) driven by playwright-core, with
// axe-core's WCAG 2.1 AA rules on every page a test visits.
import { existsSync } from 'node:fs';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { requireOrSkip } from './skip.ts';
import { authenticatorCode, registerServedApp, servedApp, startTestApp, TEST_PASSWORD, type TestApp, type TestAppOptions } from './app.ts';
import { currentCode } from '../../src/features/accounts/totp.ts';
import type { Config } from '../../src/config.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  requireOrSkip('Chromium', `${CHROMIUM} not found (apt-get install chromium); browser and accessibility tests skipped`);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Serves the test app on a free loopback port and returns its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  registerServedApp(baseUrl, t);
  return baseUrl;
}

export interface BrowserApp {
  readonly t: TestApp;
  readonly baseUrl: string;
  readonly browser: Browser;
  /**
   * A page in a context of its own (axe needs one made with browser.newContext()), so each page
   * has its own cookies; contexts still open are closed when the suite ends.
   */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Runs `steps` on a fresh page, signed in through the login form first unless `email` is null. */
  as(email: string | null, steps: (page: Page) => Promise<void>): Promise<void>;
}

/**
 * For a describe of browser tests (guard the describe with `{ skip: !chromiumAvailable() }`):
 * registers a before hook that starts the app on PGlite, serves it on loopback and launches
 * Chromium, and an after hook that closes them. node:test runs before hooks in the order they are
 * registered: set-up that must precede the app goes above this call, set-up that needs it below.
 */
export function useBrowserApp(overrides: Partial<Config> = {}, options: TestAppOptions = {}): BrowserApp {
  let t: TestApp | undefined;
  let baseUrl: string | undefined;
  let browser: Browser | undefined;
  const contexts = new Set<BrowserContext>();
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useBrowserApp: not started yet (read it in a test or a later before hook)');
    return value;
  };

  before(async () => {
    t = await startTestApp('pglite', overrides, options);
    baseUrl = await listen(t);
    browser = await launchBrowser();
  });
  after(async () => {
    await Promise.all([...contexts].map((context) => context.close()));
    await browser?.close();
    await t?.close();
  });

  return {
    get t() { return started(t); },
    get baseUrl() { return started(baseUrl); },
    get browser() { return started(browser); },
    async newPage(options) {
      const context = await started(browser).newContext(options);
      contexts.add(context);
      context.on('close', () => contexts.delete(context));
      return context.newPage();
    },
    async as(email, steps) {
      const page = await this.newPage();
      try {
        if (email) await browserLogin(page, started(baseUrl), email, TEST_PASSWORD);
        await steps(page);
      } finally {
        await page.context().close();
      }
    },
  };
}

/** Gives a browser context the cookies of a `Cookie` header (a session made by the test set-up). */
export async function addCookieHeader(context: BrowserContext, cookieHeader: string, baseUrl: string): Promise<void> {
  const cookies = cookieHeader
    .split(/;\s*/)
    .filter(Boolean)
    .map((pair) => {
      const [name, ...value] = pair.split('=');
      return { name: name!, value: value.join('='), url: baseUrl };
    });
  if (cookies.length > 0) await context.addCookies(cookies);
}

/** axe on the Dutch and the English address of a page (`path` after the language; '' for the installation home). */
export async function expectAccessibleAt(page: Page, baseUrl: string, path: string): Promise<void> {
  for (const locale of ['nl', 'en']) {
    await page.goto(`${baseUrl}/${locale}${path}`);
    await expectAccessible(page);
  }
}

/**
 * Fails when the page ships a script other than the site's one enhancement (public/enhance.js, the
 * live character count): what the page does, it does without JavaScript.
 */
export async function expectNoScriptButEnhancement(page: Page): Promise<void> {
  const scripts = await page.locator('script').evaluateAll((found) => found.map((script) => `${script.getAttribute('type')} ${script.getAttribute('src')}`));
  assert.deepEqual(scripts.map((script) => script.replace(/enhance-[0-9a-f]+\.js/, 'enhance.js')), ['module /assets/enhance.js'], `${page.url()} needs no JavaScript`);
}

/** Fails when the page scrolls sideways on a 390 px phone; the viewport goes back to 1280 px after. */
export async function expectFitsPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${page.url()} scrolls ${overflow} px sideways at 390 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** axe on the Dutch page, then on the same page in English (through its language link), and back. */
export async function expectAccessibleInBothLanguages(page: Page): Promise<void> {
  await expectAccessible(page);
  const dutch = page.url();
  await page.click('a[hreflang="en"]');
  await page.waitForURL((url) => url.pathname.startsWith('/en/'));
  await expectAccessible(page);
  await page.goto(dutch);
}

/** Runs axe with the WCAG 2.0/2.1 A and AA rules and fails on any violation, naming them. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations on ${page.url()}`);
}

/**
 * Logs in through the real forms, with the second step where the account has one (as `login` in
 * app.ts): an administrator or coordinator without an authenticator enrols one at the first login
 * and continues from the recovery codes; later logins type a code. Ends on the page after login.
 */
export async function browserLogin(page: Page, baseUrl: string, email: string, password: string, locale: 'nl' | 'en' = 'nl'): Promise<void> {
  await page.goto(`${baseUrl}/${locale}/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login')), page.click('button[type=submit]')]);
  const path = new URL(page.url()).pathname;
  if (path === `/${locale}/login/enrol`) {
    const secret = (await page.textContent('#totp-secret'))!.trim();
    await page.fill('#code', currentCode(secret));
    await page.click('form.ks-form button[type=submit]');
    // The recovery codes page (same address), then on through its link.
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith(`/${locale}/login`)), page.locator('.ks-recovery-codes + p a').click()]);
  } else if (path === `/${locale}/login/verify`) {
    await page.fill('#code', await authenticatorCode(servedApp(baseUrl), email));
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith(`/${locale}/login`)), page.click('form.ks-form button[type=submit]')]);
  }
}
