// In a real browser: a coordinator makes a personal API token through the form (an empty name is
// refused first), sees it once, uses it, and revokes it; the revoked token no longer opens the
// API. axe checks the tokens page in Dutch and English in every state on the way.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildUser, TEST_PASSWORD } from '../support/app.ts';
import { browserLogin, chromiumAvailable, expectAccessible, useBrowserApp } from '../support/browser.ts';

describe('API tokens page in Chromium', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp();
  let email: string;

  before(async () => {
    email = (await buildUser(e2e.t, { role: 'coordinator', name: 'Coördinator' })).email;
  });

  async function visitBoth(page: Page) {
    for (const locale of ['en', 'nl']) {
      const response = await page.goto(`${e2e.baseUrl}/${locale}/account/tokens`);
      assert.equal(response?.status(), 200, locale);
      await expectAccessible(page);
    }
  }

  async function submit(page: Page, button: string) {
    const [response] = await Promise.all([page.waitForNavigation(), page.locator(button).click()]);
    await page.waitForLoadState('load');
    return response;
  }

  /** The API's answer to a read that needs a token (the coordinator's view of the funds). */
  async function apiStatus(token: string): Promise<number> {
    const response = await fetch(`${e2e.baseUrl}/api/v1/programmes/leiden/funds`, { headers: { authorization: `Bearer ${token}` } });
    return response.status;
  }

  test('create a token, see it once, revoke it', async () => {
    const page = await e2e.newPage();
    await browserLogin(page, e2e.baseUrl, email, TEST_PASSWORD);
    await visitBoth(page);
    assert.match(await page.locator('main').innerText(), /U heeft nog geen tokens\./);

    // An empty name is refused with the message at the field, and the page stays accessible.
    const refused = await submit(page, 'form.ks-form button[type=submit]');
    assert.equal(refused?.status(), 400);
    assert.equal(await page.getAttribute('#token-name', 'aria-invalid'), 'true');
    assert.ok(((await page.getAttribute('#token-name', 'aria-describedby')) ?? '').includes('token-name-error'));
    await expectAccessible(page);

    await page.fill('#token-name', 'Dashboard gemeente');
    await page.check('#token-scope-read-write');
    await page.selectOption('#token-programme', 'leiden');
    const created = await submit(page, 'form.ks-form button[type=submit]');
    assert.equal(created?.status(), 201);
    const token = (await page.locator('#new-token').innerText()).trim();
    assert.ok(token.length >= 20, 'the token is shown');
    assert.match(await page.locator('[role=status]').innerText(), /niet nog eens getoond/);
    await expectAccessible(page);
    assert.equal(await apiStatus(token), 200, 'the new token opens the API');

    // Shown once: a fresh look at the page lists the token by name and prefix, never in full.
    await visitBoth(page);
    assert.equal(await page.locator('#new-token').count(), 0);
    const listed = await page.locator('table').innerText();
    assert.match(listed, /Dashboard gemeente/);
    assert.ok(!(await page.content()).includes(token), 'the full token is not on the page again');

    const revoke = page.getByRole('button', { name: 'Token Dashboard gemeente intrekken' });
    await Promise.all([page.waitForURL(/\/nl\/account\/tokens$/), revoke.click()]);
    assert.match(await page.locator('table').innerText(), /Ingetrokken/);
    assert.equal(await page.getByRole('button', { name: /intrekken/ }).count(), 0);
    await expectAccessible(page);
    await visitBoth(page);
    assert.equal(await apiStatus(token), 401, 'a revoked token no longer opens the API');
  });
});
