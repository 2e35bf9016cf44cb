// In a real browser, through links and forms only after login: a partner organisation's contact
// (an organisation that is not a party) asks to join project 3a from its page; the lead finds the
// request on their start page, records the steering group's advice and accepts after a
// confirmation step; the partner sees the outcome on the project page and their start page. The
// coordinator plans a meeting, reschedules it and cancels it with a reason after confirming.
// axe on every new or changed page, in Dutch and English.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { setClock } from '../../src/clock.ts';
import { buildUser, TEST_PASSWORD } from '../support/app.ts';
import { browserLogin, chromiumAvailable, expectAccessible, useBrowserApp, expectAccessibleInBothLanguages } from '../support/browser.ts';

describe('joining a project and managing a meeting in Chromium', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp();
  const emails: Record<string, string> = {};

  before(async () => {
    emails.partner = (await buildUser(e2e.t, { role: 'partner', organisation: 'taskforce-studentenhuisvesting', name: 'Tessa Taskforce' })).email;
    emails.lead = (await buildUser(e2e.t, { role: 'lead', project: '3a', name: 'Lotte Lead' })).email;
    emails.coordinator = (await buildUser(e2e.t, { role: 'coordinator', name: 'Coco Coördinator' })).email;
    // Inside the programme's term.
    setClock('2019-03-20T10:00:00Z');
  });
  after(() => setClock(null));

  async function signIn(role: string): Promise<Page> {
    const page = await e2e.newPage();
    await browserLogin(page, e2e.baseUrl, emails[role]!, TEST_PASSWORD);
    return page;
  }

  const main = async (page: Page) => (await page.textContent('main')) ?? '';


  async function submit(page: Page, formAction: string) {
    await Promise.all([page.waitForNavigation(), page.click(`form[action$="${formAction}"] button[type=submit]`)]);
  }

  async function follow(page: Page, name: string | RegExp) {
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name }).first().click()]);
  }

  /** A form that opens on demand: a click on its summary, as a person would. */
  async function openForm(page: Page, summary: string) {
    await page.locator('summary', { hasText: new RegExp(`^${summary}$`) }).click();
  }

  test('a partner asks to join; the lead records the advice and accepts; the partner sees it', async () => {
    const partner = await signIn('partner');
    await follow(partner, 'Projecten');
    await Promise.all([partner.waitForNavigation(), partner.click('main a[href="/nl/leiden/projects/3a"]')]);
    await follow(partner, 'Toetreding aanvragen als Taskforce Studentenhuisvesting');
    assert.match(await main(partner), /Toetreding aanvragen/);
    await expectAccessibleInBothLanguages(partner);

    // Only English on a Dutch page: refused with the reason, the input kept.
    await partner.fill('#ask-motivation_en', 'We build student housing.');
    await submit(partner, '/join-requests/new');
    assert.match(await main(partner), /Schrijf uw motivatie in elk geval in het Nederlands/);
    assert.equal(await partner.inputValue('#ask-motivation_en'), 'We build student housing.');
    await expectAccessible(partner);
    await partner.fill('#ask-motivation_nl', 'Wij bouwen studentenwoningen en brengen 200 kamers in.');
    await submit(partner, '/join-requests/new');
    assert.equal(new URL(partner.url()).hash, '#join-requests');
    assert.match((await partner.textContent('#join-requests + ul')) ?? '', /In behandeling[\s\S]*Taskforce Studentenhuisvesting, aangevraagd door Tessa Taskforce/);
    await expectAccessibleInBothLanguages(partner);
    await follow(partner, 'Mijn werk');
    assert.match(await main(partner), /Uw toetredingsverzoeken\s*3a .*: In behandeling/);

    // The lead finds it on their start page; the organisation is not a party, so the advice is asked for.
    const lead = await signIn('lead');
    assert.equal(new URL(lead.url()).pathname, '/nl/leiden/my-work');
    assert.match(await main(lead), /Toetredingsverzoeken om te beoordelen/);
    await expectAccessibleInBothLanguages(lead);
    await follow(lead, /3a: verzoek van Taskforce Studentenhuisvesting/);
    assert.match(await main(lead), /is geen partij bij de samenwerkingsovereenkomst/);
    assert.match(await main(lead), /Wij bouwen studentenwoningen/);
    await expectAccessibleInBothLanguages(lead);
    await submit(lead, '/accept');
    assert.match(await main(lead), /leg het advies van de stuurgroep vast/);
    await expectAccessible(lead);
    await lead.fill('#accept-consultedOn', '2019-03-14');
    await lead.check('#accept-level-support');
    await lead.check('#accept-outcome-agreed');
    await submit(lead, '/accept');
    assert.match(await main(lead), /Taskforce Studentenhuisvesting toelaten tot 3a\.[\s\S]*Advies ambtelijke stuurgroep \(14 maart 2019\): instemming/);
    await expectAccessible(lead); // a confirmation step answers a POST: no address to open in English
    await submit(lead, '/accept');
    assert.equal(new URL(lead.url()).hash, '#join-requests');
    assert.match(await main(lead), /Toegelaten door Lotte Lead/);
    assert.match(await main(lead), /Taskforce Studentenhuisvesting[\s\S]*Advies ambtelijke stuurgroep \(14 maart 2019\): instemming/);
    await expectAccessibleInBothLanguages(lead);

    // The partner sees the outcome on the project page and on their start page.
    await Promise.all([partner.waitForNavigation(), partner.click('main a[href="/nl/leiden/projects/3a#join-requests"]')]);
    assert.match((await partner.textContent('#join-requests + ul')) ?? '', /Toegelaten door Lotte Lead/);
    assert.equal(await partner.getByRole('link', { name: /Toetreding aanvragen als/ }).count(), 0, 'a partner now: nothing to ask');
    await expectAccessibleInBothLanguages(partner);
    await follow(partner, 'Mijn werk');
    assert.match(await main(partner), /Uw toetredingsverzoeken\s*3a .*: Toegelaten/);
  });

  test('the coordinator reschedules a meeting and cancels it with a reason', async () => {
    const page = await signIn('coordinator');
    await follow(page, 'Stuurgroep');
    await Promise.all([page.waitForNavigation(), page.click('main a[href="/nl/leiden/bodies/support"]')]);
    await follow(page, /Vergadering plannen/);
    await page.fill('#plan-date', '2019-04-10');
    await page.fill('#plan-startTime', '14:00');
    await page.fill('#plan-endTime', '16:00');
    await page.fill('#plan-location', 'Stadhuis Leiden');
    await submit(page, '/bodies/support/meetings');
    const meetingPath = new URL(page.url()).pathname;
    // The page is short: its forms are closed until opened.
    assert.equal(await page.locator('details.ks-disclosure[open]').count(), 0);
    assert.equal(await page.isVisible('#item-title_nl'), false);
    await expectAccessibleInBothLanguages(page);

    await openForm(page, 'Vergadering verzetten');
    assert.match((await page.textContent('#reschedule-disclosure')) ?? '', /Er zijn nog geen uitnodigingen verstuurd/);
    await page.fill('#reschedule-date', '2019-04-17');
    await page.fill('#reschedule-startTime', '10:00');
    await page.fill('#reschedule-endTime', '09:00');
    await submit(page, '/reschedule');
    assert.match(await main(page), /De eindtijd moet na de begintijd liggen/);
    assert.equal(await page.inputValue('#reschedule-date'), '2019-04-17', 'the input is kept');
    await expectAccessible(page);
    await page.fill('#reschedule-endTime', '12:00');
    await page.fill('#reschedule-location', 'Pieterskerk');
    await submit(page, '/reschedule');
    assert.equal(new URL(page.url()).pathname, meetingPath);
    assert.equal(new URL(page.url()).hash, '#meeting-schedule');
    assert.match(await main(page), /17 april 2019 om 10:00 – 12:00[\s\S]*Pieterskerk/);
    await expectAccessibleInBothLanguages(page);

    await openForm(page, 'Vergadering annuleren');
    await page.fill('#cancel-reason', 'Te weinig agendapunten');
    await submit(page, '/cancel');
    assert.match(await main(page), /Vergadering annuleren: [^?]*17 april 2019\?[\s\S]*Reden van annuleren: Te weinig agendapunten/);
    await expectAccessible(page);
    await submit(page, '/cancel');
    assert.equal(new URL(page.url()).pathname, meetingPath);
    assert.match(await main(page), /Vervallen — Reden van annuleren: Te weinig agendapunten/);
    assert.equal(await page.locator('#reschedule-disclosure, #cancel-disclosure').count(), 0, 'a cancelled meeting is not rescheduled or cancelled again');
    await expectAccessibleInBothLanguages(page);
  });
});
