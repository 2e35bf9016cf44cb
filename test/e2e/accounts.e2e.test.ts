// In a real browser: a coordinator invites people; a partner member accepts and sets a password;
// an invited coordinator sets up an authenticator, then logs in again with password and code.
// axe checks every new accounts page in Dutch and English on the way.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { buildUser, TEST_PASSWORD } from '../support/app.ts';
import { browserLogin, chromiumAvailable, expectAccessible, useBrowserApp } from '../support/browser.ts';
import { mailOutbox } from '../../src/features/monitoring/tables.ts';
import { currentCode } from '../../src/features/accounts/totp.ts';

const PASSWORD = 'fietsen langs de singel in leiden';

describe('accounts: invitations and two-step login in Chromium', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp();
  let coordinatorEmail: string;
  let adminEmail: string;

  before(async () => {
    coordinatorEmail = (await buildUser(e2e.t, { role: 'coordinator', name: 'Coco Coordinator' })).email;
    adminEmail = (await buildUser(e2e.t, { role: 'admin', name: 'Ada Admin' })).email;
  });

  async function visitBoth(page: Page, path: string, status = 200) {
    for (const locale of ['en', 'nl']) {
      const response = await page.goto(`${e2e.baseUrl}/${locale}${path}`);
      assert.equal(response?.status(), status, `${locale}${path}`);
      await expectAccessible(page);
    }
  }

  async function invitationLink(email: string): Promise<string> {
    const [mail] = await e2e.t.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)).orderBy(desc(mailOutbox.createdAt)).limit(1);
    return /http:\/\/localhost(\/(?:nl|en)\/invitation\/[A-Za-z0-9_-]+)/.exec(mail!.body)![1]!;
  }

  async function invite(page: Page, email: string, name: string, role: string, organisation = '') {
    await page.goto(`${e2e.baseUrl}/nl/leiden/invitations`);
    await page.fill('#email', email);
    await page.fill('#displayName', name);
    await page.selectOption('#role', role);
    if (organisation) await page.selectOption('#organisation', organisation);
    await Promise.all([page.waitForURL(/sent=1/), page.click('form.ks-form button[type=submit]')]);
  }

  test('pages for signed-out visitors: login, forgot password, a dead link', async () => {
    const page = await e2e.newPage();
    await visitBoth(page, '/login');
    await visitBoth(page, '/password/forgot');
    await page.fill('#email', 'someone@example.org');
    await page.click('form.ks-form button[type=submit]');
    await page.waitForSelector('.utrecht-alert, [role=status], .ks-alert');
    await expectAccessible(page);
    await visitBoth(page, '/password/reset/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 404);
    await visitBoth(page, '/invitation/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 404);
    await page.context().close();
  });

  test('a partner member accepts an invitation and lands in the programme', async () => {
    const page = await e2e.newPage();
    await browserLogin(page, e2e.baseUrl, coordinatorEmail, TEST_PASSWORD);
    await visitBoth(page, '/leiden/invitations');
    // Invalid input: the form comes back with a message and keeps what was typed.
    await page.goto(`${e2e.baseUrl}/nl/leiden/invitations`);
    await page.fill('#email', 'geen-adres');
    await page.fill('#displayName', 'Paula Partner');
    await page.click('form.ks-form button[type=submit]');
    assert.equal(await page.inputValue('#displayName'), 'Paula Partner');
    assert.match(await page.textContent('body') ?? '', /geldig e-mailadres/);
    await expectAccessible(page);
    const email = `paula-${Date.now()}@example.org`;
    await invite(page, email, 'Paula Partner', 'partner', 'lumc');
    await expectAccessible(page);
    await visitBoth(page, '/account');
    await visitBoth(page, '/account/sessions');
    await visitBoth(page, '/account/two-factor');
    await page.context().close();

    const link = await invitationLink(email);
    const invitee = await e2e.newPage();
    await invitee.goto(`${e2e.baseUrl}${link.replace('/nl/', '/en/')}`);
    await expectAccessible(invitee);
    await invitee.goto(`${e2e.baseUrl}${link}`);
    await expectAccessible(invitee);
    await invitee.fill('#password', 'qwerty123456');
    await invitee.click('form.ks-form button[type=submit]');
    assert.match(await invitee.textContent('body') ?? '', /veelgebruikte of gelekte/);
    await expectAccessible(invitee);
    await invitee.fill('#password', PASSWORD);
    await Promise.all([invitee.waitForURL(`${e2e.baseUrl}/nl/leiden/my-work`), invitee.click('form.ks-form button[type=submit]')]);
    await invitee.goto(`${e2e.baseUrl}/nl/account`);
    assert.match(await invitee.textContent('main') ?? '', /Lid partnerorganisatie/);
    await invitee.context().close();
  });

  test('an invited coordinator enrols an authenticator, then logs in with password and code', async () => {
    const page = await e2e.newPage();
    await browserLogin(page, e2e.baseUrl, coordinatorEmail, TEST_PASSWORD);
    const email = `carla-${Date.now()}@example.org`;
    await invite(page, email, 'Carla Coordinator', 'coordinator');
    await page.context().close();

    const invitee = await e2e.newPage();
    await invitee.goto(`${e2e.baseUrl}${await invitationLink(email)}`);
    await invitee.fill('#password', PASSWORD);
    await Promise.all([invitee.waitForURL(/\/login\/enrol$/), invitee.click('form.ks-form button[type=submit]')]);
    await visitBoth(invitee, '/login/enrol');
    const secret = (await invitee.textContent('#totp-secret'))!.trim();
    await invitee.fill('#code', '000000');
    await invitee.click('form.ks-form button[type=submit]');
    assert.match(await invitee.textContent('body') ?? '', /klopt niet/);
    await expectAccessible(invitee);
    await invitee.fill('#code', currentCode(secret, Date.now() - 30_000));
    await invitee.click('form.ks-form button[type=submit]');
    await invitee.waitForSelector('.ks-recovery-codes');
    assert.equal(await invitee.locator('.ks-recovery-codes code').count(), 10);
    await expectAccessible(invitee);
    await Promise.all([invitee.waitForURL(`${e2e.baseUrl}/nl/leiden/my-work`), invitee.click('main a.utrecht-link')]);
    await invitee.context().close();

    // Log in again: after the password comes the code.
    const again = await e2e.newPage();
    await again.goto(`${e2e.baseUrl}/en/login`);
    await again.fill('#email', email);
    await again.fill('#password', PASSWORD);
    await Promise.all([again.waitForURL(/\/login\/verify$/), again.click('form.ks-form button[type=submit]')]);
    await visitBoth(again, '/login/verify');
    await again.fill('#code', '111111');
    await again.click('form.ks-form button[type=submit]');
    assert.match(await again.textContent('body') ?? '', /klopt niet/);
    await again.fill('#code', currentCode(secret));
    await Promise.all([again.waitForURL((url) => !url.pathname.includes('/login')), again.click('form.ks-form button[type=submit]')]);
    await again.goto(`${e2e.baseUrl}/en/account`);
    assert.match(await again.textContent('main') ?? '', /Coordinator/);
    await again.context().close();
  });

  test('a coordinator revokes a pending invitation; its link then says so', async () => {
    const page = await e2e.newPage();
    await browserLogin(page, e2e.baseUrl, coordinatorEmail, TEST_PASSWORD);
    const email = `rik-${Date.now()}@example.org`;
    await invite(page, email, 'Rik Revoked', 'support');
    const link = await invitationLink(email);
    const row = page.locator('tr', { hasText: email });
    await Promise.all([page.waitForURL(/revoked=1/), row.getByRole('button', { name: 'Uitnodiging voor Rik Revoked intrekken' }).click()]);
    assert.match((await page.textContent('main')) ?? '', /ingetrokken; de link werkt niet meer/);
    assert.match((await page.locator('tr', { hasText: email }).textContent()) ?? '', /Ingetrokken/);
    assert.equal(await page.locator('tr', { hasText: email }).getByRole('button').count(), 0);
    await expectAccessible(page);
    await page.context().close();

    const invitee = await e2e.newPage();
    for (const [locale, text] of [['nl', /ingetrokken door de coördinator/], ['en', /revoked by the coordinator/]] as const) {
      const response = await invitee.goto(`${e2e.baseUrl}${link.replace('/nl/', `/${locale}/`)}`);
      assert.equal(response?.status(), 404);
      assert.match((await invitee.textContent('main')) ?? '', text);
      await expectAccessible(invitee);
    }
    await invitee.context().close();
  });

  test('the administrator’s erase page', async () => {
    const page = await e2e.newPage();
    await browserLogin(page, e2e.baseUrl, adminEmail, TEST_PASSWORD);
    await visitBoth(page, '/leiden/admin/erase');
    await page.context().close();
  });
});
