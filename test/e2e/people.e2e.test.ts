// In a real browser, through links and forms only: the coordinator plans a meeting, invites a
// steering-group member from the body page, and sees who will receive the meeting invitation;
// the member accepts through the link in the mail, lands on their start page ("my work") and
// sees the next meeting; a later login lands there too. axe on every new page in Dutch and English.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { buildUser, TEST_PASSWORD } from '../support/app.ts';
import { browserLogin, chromiumAvailable, expectAccessible, useBrowserApp, expectAccessibleInBothLanguages } from '../support/browser.ts';
import { mailOutbox } from '../../src/features/monitoring/tables.ts';

const PASSWORD = 'over de breestraat naar de burcht';

describe('people and accounts, my work: in Chromium', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp();
  let coordinatorEmail: string;

  before(async () => {
    coordinatorEmail = (await buildUser(e2e.t, { role: 'coordinator', name: 'Coco Coördinator' })).email;
  });


  async function invitationLink(email: string): Promise<string> {
    const [mail] = await e2e.t.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)).orderBy(desc(mailOutbox.createdAt)).limit(1);
    assert.ok(mail, `a mail to ${email} in the outbox`);
    return /http:\/\/localhost(\/(?:nl|en)\/invitation\/[A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
  }

  test('the coordinator invites a body member from the body page; the member accepts, lands on my work and sees the next meeting', async () => {
    const email = `lid-${Date.now()}@example.org`;
    const page = await e2e.newPage();
    await browserLogin(page, e2e.baseUrl, coordinatorEmail, TEST_PASSWORD);
    // The login lands on the start page; the coordinator's leads to the dashboard.
    assert.equal(new URL(page.url()).pathname, '/nl/leiden/my-work');
    assert.match((await page.textContent('main')) ?? '', /Naar het dashboard/);
    await expectAccessibleInBothLanguages(page);

    // Plan a meeting of the executive body: navigation → body → plan.
    await page.click('nav a:has-text("Stuurgroep")');
    await page.click('main a[href="/nl/leiden/bodies/executive"]');
    await page.click('main a[href$="/bodies/executive/meetings/new"]');
    await page.fill('#plan-date', '2031-03-04');
    await page.fill('#plan-startTime', '10:00');
    await page.fill('#plan-endTime', '12:00');
    await page.fill('#plan-location', 'Stadhuis Leiden');
    await Promise.all([page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/), page.click('form#plan button[type=submit]')]);
    const meetingPath = new URL(page.url()).pathname;
    // Beforehand: nobody has an account yet, and the page says so, with a way to fix it.
    assert.match((await page.textContent('#invitations-heading ~ p#invitations-receiving')) ?? '', /Geen enkel lid krijgt een uitnodiging/);
    assert.match((await page.textContent('#invitations-not-receiving')) ?? '', /Stolker: (niet gekoppeld aan een account|geen account en geen e-mailadres bekend)/);
    await expectAccessibleInBothLanguages(page);

    // From the body page, the member's account page: invite by e-mail.
    await page.click('main a[href="/nl/leiden/bodies/executive"]');
    await page.click('a[aria-label*="Stolker"]');
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    const personPath = new URL(page.url()).pathname;
    assert.match((await page.textContent('#person-account')) ?? '', /Nog niet gekoppeld/);
    await expectAccessibleInBothLanguages(page);
    await page.fill('#invite-email', 'geen adres');
    await page.click('form#invite button[type=submit]');
    assert.equal(await page.inputValue('#invite-email'), 'geen adres', 'the input is kept');
    await expectAccessible(page);
    await page.fill('#invite-email', email);
    await Promise.all([page.waitForURL(/done=invited/), page.click('form#invite button[type=submit]')]);
    assert.match((await page.textContent('main')) ?? '', new RegExp(`uitnodiging open aan ${email.replace(/[.]/g, '\\.')}`));
    await expectAccessible(page);
    await page.context().close();

    // The member accepts through the link in the mail and lands on their start page.
    const member = await e2e.newPage();
    await member.goto(`${e2e.baseUrl}${await invitationLink(email)}`);
    await member.fill('#password', PASSWORD);
    await Promise.all([member.waitForURL(`${e2e.baseUrl}/nl/leiden/my-work`), member.click('form.ks-form button[type=submit]')]);
    const next = member.locator('#my-next-meetings + ul');
    assert.match((await next.textContent()) ?? '', /4 maart 2031/);
    assert.equal(await member.locator(`#my-next-meetings ~ ul a[href="${meetingPath}"]`).count(), 1);
    await expectAccessibleInBothLanguages(member);
    // My work is first in their own menu; the meeting opens from there.
    assert.equal(await member.locator('nav.ks-nav-own a').first().getAttribute('href'), '/nl/leiden/my-work');
    await Promise.all([member.waitForURL(`${e2e.baseUrl}${meetingPath}`), member.click(`main a[href="${meetingPath}"]`)]);
    await member.context().close();

    // A later login lands on the start page too.
    const again = await e2e.newPage();
    await browserLogin(again, e2e.baseUrl, email, PASSWORD);
    assert.equal(new URL(again.url()).pathname, '/nl/leiden/my-work');
    await again.context().close();

    // The coordinator sends the invitations: the member is linked now, and the page says what happened.
    const coordinator = await e2e.newPage();
    await browserLogin(coordinator, e2e.baseUrl, coordinatorEmail, TEST_PASSWORD);
    await coordinator.goto(`${e2e.baseUrl}${personPath}`);
    assert.match((await coordinator.textContent('#person-account')) ?? '', /Gekoppeld aan het account/);
    await coordinator.goto(`${e2e.baseUrl}${meetingPath}`);
    assert.match((await coordinator.textContent('#invitations-receiving')) ?? '', /1 lid krijgt een uitnodiging: .*Stolker/);
    await Promise.all([coordinator.waitForURL(/invited=/), coordinator.click('#invitations-heading ~ form button[type=submit]')]);
    assert.match((await coordinator.textContent('[role=status]')) ?? '', /1 uitnodiging staat klaar in de uitgaande e-mail/);
    await expectAccessible(coordinator);
    await coordinator.context().close();
  });
});
