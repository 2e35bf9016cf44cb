// Each role's daily work, end to end, as a person who has never seen Kennisstad does it: after
// login only links and forms (the one address typed is the login page; a mail's link is opened as
// a mail reader opens it). Leiden's programme with the clock inside its term; mail goes to a real
// SMTP server in the test process. axe on the start pages in Dutch and English (the pages on the
// way have their own tests).
//   - the coordinator seats and invites a member of the support body, plans a meeting and sends the
//     invitations; the member accepts from the mail, holds the meeting with the secretary, confirms
//     the decision from their start page; the next meeting approves the minutes;
//   - a project lead reports progress and enters a measurement from their start page;
//   - the coordinator appoints the four parties' representatives, one proposes an amendment and the
//     other three consent from their start pages; the coordinator adopts it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { setClock } from '../../src/clock.ts';
import { projects } from '../../src/db/schema.ts';
import { partsOf, startSmtp, textOf, type Received } from '../../src/features/monitoring/test-smtp.ts';
import { buildUser, TEST_PASSWORD } from '../support/app.ts';
import { browserLogin, chromiumAvailable, expectAccessibleInBothLanguages, useBrowserApp } from '../support/browser.ts';

const PARTIES = ['gemeente-leiden', 'universiteit-leiden', 'lumc', 'hogeschool-leiden'] as const;

describe('every role’s journey through links and forms in Chromium', { skip: !chromiumAvailable() }, () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const previousSmtp = process.env.SMTP_URL;
  // Registered before the app starts: its mailer reads SMTP_URL when it is built.
  before(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    // Inside the programme's term, two weeks before the meeting this test plans.
    setClock('2019-03-01T09:00:00Z');
  });
  after(async () => {
    setClock(null);
    if (previousSmtp === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previousSmtp;
    await smtp.close();
  });
  const e2e = useBrowserApp();
  const emails: Record<string, string> = {};

  before(async () => {
    emails.coordinator = (await buildUser(e2e.t, { role: 'coordinator', name: 'Coco Coördinator' })).email;
    emails.lead = (await buildUser(e2e.t, { role: 'lead', project: '3a', name: 'Lotte Lead' })).email;
    for (const slug of PARTIES) {
      // The university speaks through a person of one of its faculties (a unit, "onderdeel van").
      const organisation = slug === 'universiteit-leiden' ? 'faculteit-sociale-wetenschappen' : slug;
      emails[slug] = (await buildUser(e2e.t, { role: 'partner', organisation, name: `Vertegenwoordiger ${slug}` })).email;
    }
    // A project whose work has started reports on its progress.
    await e2e.t.database.db.update(projects).set({ lifecycle: 'running' }).where(eq(projects.code, '3a'));
  });

  async function signIn(who: string): Promise<Page> {
    const page = await e2e.newPage();
    await browserLogin(page, e2e.baseUrl, emails[who]!, TEST_PASSWORD);
    assert.equal(new URL(page.url()).pathname, '/nl/leiden/my-work', `${who} lands on the start page`);
    return page;
  }

  const main = async (page: Page) => (await page.textContent('main')) ?? '';

  async function follow(page: Page, name: string | RegExp, scope = 'main') {
    await Promise.all([page.waitForNavigation(), page.locator(scope).getByRole('link', { name }).first().click()]);
  }

  /** Follows a link of the site's navigation (the menu), as a person looking for a section does. */
  async function menu(page: Page, name: string | RegExp) {
    await Promise.all([page.waitForNavigation(), page.locator('nav').getByRole('link', { name }).first().click()]);
  }

  /** A form that opens on demand: a click on its summary, as a person would. */
  async function openForm(page: Page, summary: string) {
    await page.locator('summary', { hasText: new RegExp(`^${summary}$`) }).click();
  }

  /** Submits a form; when the step asks to check and confirm, confirms it. */
  async function submit(page: Page, formAction: string) {
    await Promise.all([page.waitForNavigation(), page.click(`form[action$="${formAction}"] button[type=submit]`)]);
    const confirm = page.locator(`form[action$="${formAction}"]:has(input[name=confirmed][value=yes]) button[type=submit]`);
    if ((await confirm.count()) > 0) await Promise.all([page.waitForNavigation(), confirm.click()]);
  }

  /** The mails the SMTP server received for an address whose text matches, waiting a moment for one to arrive. */
  async function mailsTo(address: string, text: RegExp): Promise<Received[]> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const found = smtp.inbox.filter((m) => m.to.includes(address) && text.test(textOf(m.raw)));
      if (found.length > 0) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail(`no mail to ${address} matching ${text}; received: ${smtp.inbox.map((m) => m.to.join(',')).join(' | ')}`);
  }

  /** The steering group's support body, through the menu. */
  async function supportBody(page: Page) {
    await menu(page, 'Stuurgroep');
    await Promise.all([page.waitForNavigation(), page.click('main a[href="/nl/leiden/bodies/support"]')]);
  }

  /** Plans a meeting of the support body from its page, 14:00-16:00 at the town hall; stays on the meeting's page. */
  async function planSupportMeeting(page: Page, date: string) {
    await supportBody(page);
    await follow(page, /Vergadering plannen/);
    await page.fill('#plan-date', date);
    await page.fill('#plan-startTime', '14:00');
    await page.fill('#plan-endTime', '16:00');
    await page.fill('#plan-location', 'Stadhuis Leiden');
    await submit(page, '/bodies/support/meetings');
  }

  /** A link from a mail, opened on the test server (mails name the configured public address). */
  const onTestServer = (link: string) => `${e2e.baseUrl}${new URL(link).pathname}${new URL(link).search}`;

  test('coordinator and support member: seat and invite, plan, invitations received, hold the meeting, confirm, approve the minutes', async () => {
    const memberEmail = `sanne-${Date.now()}@example.org`;
    const coordinator = await signIn('coordinator');
    await expectAccessibleInBothLanguages(coordinator);

    // Steering group → the support body → a seat for the new member.
    await supportBody(coordinator);
    await coordinator.fill('#member-name', 'Sanne Steunpunt');
    await coordinator.fill('#member-startsOn', '2019-01-01');
    await submit(coordinator, '/bodies/support/members');
    await Promise.all([coordinator.waitForNavigation(), coordinator.click('a[aria-label*="Sanne Steunpunt"][href*="/people/"]')]);
    await coordinator.fill('#invite-email', memberEmail);
    await Promise.all([coordinator.waitForURL(/done=invited/), coordinator.click('form#invite button[type=submit]')]);

    // The member accepts through the link in the mail the SMTP server received, and lands on their start page.
    const [invitationMail] = await mailsTo(memberEmail, /\/invitation\//);
    const invitationLink = /https?:\/\/\S+\/(?:nl|en)\/invitation\/[A-Za-z0-9_-]+/.exec(textOf(invitationMail!.raw))?.[0];
    assert.ok(invitationLink, 'the invitation mail carries its link');
    const member = await e2e.newPage();
    await member.goto(onTestServer(invitationLink));
    await member.fill('#password', 'over de breestraat naar de burcht');
    await Promise.all([member.waitForURL(`${e2e.baseUrl}/nl/leiden/my-work`), member.click('form.ks-form button[type=submit]')]);
    assert.match(await main(member), /Er is geen vergadering gepland/);

    // The coordinator plans the meeting from the body page; the meeting page says who gets an invitation.
    await planSupportMeeting(coordinator, '2019-03-05');
    const meetingPath = new URL(coordinator.url()).pathname;
    assert.match(meetingPath, /\/meetings\/[0-9a-f-]{36}$/);
    assert.match((await coordinator.textContent('#invitations-receiving')) ?? '', /Sanne Steunpunt/);
    await submit(coordinator, '/invitations');
    assert.match(await main(coordinator), /1 uitnodiging per e-mail verstuurd/);
    const [meetingMail] = await mailsTo(memberEmail, /U bent uitgenodigd voor deze vergadering/);
    assert.ok(partsOf(meetingMail!.raw).some((part) => /text\/calendar; charset=utf-8; method=REQUEST/i.test(part.headers)), 'a calendar invitation (iMIP)');
    assert.match(textOf(meetingMail!.raw), /Wanneer: 5 maart 2019 om 14:00 – 16:00/);

    // The member sees it on the start page and opens it from there.
    await member.reload();
    await follow(member, /5 maart 2019/);
    assert.equal(new URL(member.url()).pathname, meetingPath);

    // The meeting has been held: the secretary records who attended, an item, a decision, an action and the minutes.
    setClock('2019-03-05T15:30:00Z');
    await coordinator.reload();
    await openForm(coordinator, 'Aanwezigheid vastleggen');
    await coordinator.locator('#attendance-present label', { hasText: 'Sanne Steunpunt' }).click();
    await submit(coordinator, '/attendance');
    await openForm(coordinator, 'Agendapunt toevoegen');
    await coordinator.fill('#item-title_nl', 'Voortgang studentenhuisvesting');
    await coordinator.fill('#item-title_en', 'Progress on student housing');
    await submit(coordinator, '/items');
    await openForm(coordinator, 'Besluit vastleggen');
    await coordinator.fill('#decision-text_nl', 'Werkgroep huisvesting ingesteld.');
    await coordinator.fill('#decision-text_en', 'Housing working group set up.');
    await submit(coordinator, '/decisions');
    assert.match(await main(coordinator), /Wacht op bevestiging/);
    await openForm(coordinator, 'Actie toevoegen');
    await coordinator.fill('#action-description_nl', 'Leden werkgroep voordragen');
    await coordinator.fill('#action-owner', 'Sanne Steunpunt');
    await submit(coordinator, '/actions');
    await openForm(coordinator, 'Verslag opslaan');
    await coordinator.fill('#minutes-minutes_nl', 'Besproken: de voortgang van de studentenhuisvesting.');
    await submit(coordinator, '/minutes');
    assert.match(await main(coordinator), /Leden werkgroep voordragen/);

    // The member, who attended, confirms the decision from the start page.
    await menu(member, 'Mijn werk');
    assert.match((await member.textContent('#my-confirmations + ul')) ?? '', /Werkgroep huisvesting ingesteld\./);
    await expectAccessibleInBothLanguages(member);
    await follow(member, /Werkgroep huisvesting ingesteld\./, '#my-confirmations + ul');
    await submit(member, '/confirm');
    assert.match(await main(member), /Bevestigd door Sanne Steunpunt/);
    await menu(member, 'Mijn werk');
    assert.match(await main(member), /Er wachten geen besluiten op uw bevestiging/);

    // The next meeting approves the minutes (the default setting, marked as not in the agreement).
    await planSupportMeeting(coordinator, '2019-03-19');
    setClock('2019-03-19T14:30:00Z');
    await coordinator.reload();
    await submit(coordinator, '/minutes/approve-previous');
    assert.match(await main(coordinator), /De notulen van de vergadering van 5 maart 2019 zijn vastgesteld/);
    await follow(coordinator, /De notulen van de vergadering van 5 maart 2019 zijn vastgesteld/);
    assert.equal(new URL(coordinator.url()).pathname, meetingPath);
    assert.match(await main(coordinator), /Vastgesteld in de vergadering van 19 maart 2019/);
  });

  test('project lead: a progress report and a measurement from the start page', async () => {
    const lead = await signIn('lead');
    await expectAccessibleInBothLanguages(lead);
    await follow(lead, /Rapportage .* voor 3a/, '#my-reports + ul');
    await lead.check('#report-status-on_track');
    await lead.fill('#report-narrative_nl', 'Twee gebouwen opgeleverd.');
    await submit(lead, '/report');
    assert.match(await main(lead), /Twee gebouwen opgeleverd\./);
    await menu(lead, 'Mijn werk');
    assert.match(await main(lead), /Uw rapportages over .* zijn ingediend/);

    await follow(lead, /./, '#my-targets + ul');
    await lead.fill('#measurement-measuredOn', '2019-03-01');
    await lead.fill('#measurement-value', '1450');
    await lead.fill('#measurement-source', 'Monitor 2019');
    await submit(lead, '/measurements');
    assert.match(await lead.locator('table').first().innerText(), /1\.450/);
  });

  test('party representatives: appointed, one proposes an amendment, the others consent from their start pages, adopted', async () => {
    const coordinator = await signIn('coordinator');
    await menu(coordinator, 'Overeenkomst');
    await follow(coordinator, /Vertegenwoordigers/);
    for (const slug of PARTIES) {
      const section = coordinator.locator(`section[aria-labelledby="party-${slug}"]`);
      await section.locator('input[type=email], input[id$="-email"]').first().fill(emails[slug]!);
      await Promise.all([coordinator.waitForNavigation(), section.locator('button[type=submit]').first().click()]);
      assert.match(await section.innerText(), new RegExp(`Vertegenwoordiger ${slug}`));
    }

    const proposer = await signIn('lumc');
    await menu(proposer, 'Overeenkomst');
    await follow(proposer, /Wijziging voorstellen/);
    await proposer.fill('#proposal-title_nl', 'Looptijd verlengd');
    await proposer.fill('#proposal-title_en', 'Longer term');
    await proposer.fill('#proposal-reason_nl', 'De samenwerking loopt goed.');
    await proposer.fill('#proposal-reason_en', 'The cooperation works well.');
    await proposer.check('#proposal-article-duration');
    await proposer.click('button[name=step][value=edit]');
    await proposer.waitForSelector('#proposal-body_duration_nl');
    await proposer.fill('#proposal-body_duration_nl', 'Deze overeenkomst geldt voor onbepaalde tijd.');
    await proposer.fill('#proposal-body_duration_en', 'This agreement applies for an indefinite period.');
    await proposer.click('button[name=step][value=check]');
    await proposer.waitForSelector('.ks-confirm');
    await Promise.all([proposer.waitForURL(/\/amendments\/\d+$/), proposer.click('.ks-confirm button[type=submit]:not([name])')]);
    const amendmentPath = new URL(proposer.url()).pathname;
    await Promise.all([proposer.waitForNavigation(), proposer.click('button[name=answer][value=consent]')]);

    for (const slug of ['gemeente-leiden', 'universiteit-leiden', 'hogeschool-leiden'] as const) {
      const representative = await signIn(slug);
      assert.match((await representative.textContent('#my-amendments + ul')) ?? '', /Looptijd verlengd/);
      if (slug === 'gemeente-leiden') await expectAccessibleInBothLanguages(representative);
      await follow(representative, /Looptijd verlengd/, '#my-amendments + ul');
      assert.equal(new URL(representative.url()).pathname, amendmentPath);
      await Promise.all([representative.waitForNavigation(), representative.click('button[name=answer][value=consent]')]);
      await representative.context().close();
    }
    await coordinator.reload();
    await menu(coordinator, 'Overeenkomst');
    await follow(coordinator, /Looptijd verlengd/);
    assert.match((await coordinator.textContent('#amendment-state')) ?? '', /Alle partijen stemmen in/);
    await submit(coordinator, '/adopt');
    assert.match((await coordinator.textContent('#amendment-state')) ?? '', /Aangenomen|Vastgesteld/);
  });
});
