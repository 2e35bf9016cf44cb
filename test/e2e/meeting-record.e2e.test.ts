// In a real browser, through links and forms only: the secretary corrects a meeting's record (an
// agenda item changed and another withdrawn, a decision changed), the body's next meeting approves
// the minutes, after which the earlier meeting is frozen and a correction is a note. The minutes
// setting ("not in the agreement") and the dashboard's cadence panel. axe on every changed page, in
// Dutch and English.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { setClock } from '../../src/clock.ts';
import { buildUser, TEST_PASSWORD } from '../support/app.ts';
import { browserLogin, chromiumAvailable, expectAccessible, useBrowserApp } from '../support/browser.ts';

describe('correcting and approving a meeting record in Chromium', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp();
  let page: Page;

  let chairUserId = '';
  let chairEmail = '';
  before(async () => {
    const coordinator = await buildUser(e2e.t, { role: 'coordinator', name: 'Coördinator' });
    const chair = await buildUser(e2e.t, { role: 'support', name: 'Voorzitter ambtelijk' });
    chairUserId = chair.id;
    chairEmail = chair.email;
    page = await e2e.newPage();
    await browserLogin(page, e2e.baseUrl, coordinator.email, TEST_PASSWORD);
    // Inside the term: both meetings this test plans have taken place.
    setClock('2019-03-20T10:00:00Z');
  });
  after(() => setClock(null));

  const main = async () => (await page.textContent('main')) ?? '';

  /** Checks the page the browser is on with axe, then the same page in English, and comes back. */
  async function checkBoth() {
    const url = new URL(page.url());
    await expectAccessible(page);
    const response = await page.goto(`${e2e.baseUrl}${url.pathname.replace(/^\/nl\//, '/en/')}${url.search}`);
    assert.equal(response?.status(), 200, url.pathname);
    await expectAccessible(page);
    await page.goto(url.toString());
  }

  async function submit(formAction: string) {
    await Promise.all([page.waitForNavigation(), page.click(`form[action$="${formAction}"] button[type=submit]`)]);
  }

  /** The meeting page's forms open on demand: a click on the summary, as a person would. */
  async function openForm(summary: string) {
    await page.locator('summary', { hasText: new RegExp(`^${summary}$`) }).click();
  }

  async function follow(name: string | RegExp) {
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name }).first().click()]);
  }

  async function planMeeting(date: string): Promise<string> {
    await page.goto(`${e2e.baseUrl}/nl/leiden/bodies/support`);
    await follow(/Vergadering plannen/);
    await page.fill('#plan-date', date);
    await page.fill('#plan-startTime', '14:00');
    await page.fill('#plan-endTime', '16:00');
    await page.fill('#plan-location', 'Stadhuis Leiden');
    await submit('/bodies/support/meetings');
    return new URL(page.url()).pathname;
  }

  test('edit, withdraw, approve at the next meeting, correct with a note', async () => {
    // The body's chair: a seat linked to an account from the person's page, so that a decision the
    // secretary records can be confirmed by someone else who attended (four eyes).
    await page.goto(`${e2e.baseUrl}/nl/leiden/bodies/support`);
    await page.fill('#member-name', 'Voorzitter ambtelijk');
    await page.selectOption('#member-position', 'chair');
    await page.fill('#member-startsOn', '2019-01-01');
    await submit('/bodies/support/members');
    await Promise.all([page.waitForNavigation(), page.click('a[aria-label*="Voorzitter ambtelijk"][href*="/people/"]')]);
    await page.selectOption('#link-user', chairUserId);
    await submit('/link');

    const earlier = await planMeeting('2019-03-01');
    const later = await planMeeting('2019-03-15');

    // The earlier meeting: the chair attended, two agenda items and a decision.
    await page.goto(`${e2e.baseUrl}${earlier}`);
    await openForm('Aanwezigheid vastleggen');
    await page.locator('#attendance-present label', { hasText: 'Voorzitter ambtelijk' }).click();
    await submit('/attendance');
    for (const [nl, en] of [
      ['Voortgang', 'Progress'],
      ['Rondvraag', 'Any other business'],
    ]) {
      await openForm('Agendapunt toevoegen');
      await page.fill('#item-title_nl', nl!);
      await page.fill('#item-title_en', en!);
      await submit('/items');
    }
    await openForm('Besluit vastleggen');
    await page.fill('#decision-text_nl', 'Werkgroep ingesteld.');
    await page.fill('#decision-text_en', 'Working group set up.');
    await submit('/decisions');

    // Change an item through its link.
    await follow('Wijzigen: Voortgang');
    assert.match(await main(), /Agendapunt wijzigen/);
    await checkBoth();
    await page.fill('#edit-item-title_nl', 'Voortgang projecten');
    await page.selectOption('#edit-item-kind', 'discussion');
    await submit('/edit');
    assert.equal(new URL(page.url()).pathname, earlier);
    assert.match(await main(), /Voortgang projecten\s*\(Ter bespreking\)/);

    // Withdraw the other one: a reason, a confirmation step, then shown as withdrawn.
    const withdraw = page.locator('details', { hasText: 'Intrekken: Rondvraag' });
    await withdraw.locator('summary').click();
    await withdraw.getByLabel('Reden van intrekking').fill('Geen punten');
    await Promise.all([page.waitForNavigation(), withdraw.locator('button[type=submit]').click()]);
    assert.match(await main(), /Dit agendapunt intrekken\?[\s\S]*Geen punten/);
    await expectAccessible(page); // a confirmation step answers a POST: no address to open in English
    await submit('/withdraw');
    assert.match(await main(), /Rondvraag\s*\(Ter informatie\)\s*Ingetrokken/);

    // Change the decision through its link.
    await follow('Besluit wijzigen');
    await checkBoth();
    await page.fill('#edit-decision-text_nl', 'Werkgroep ingesteld met vijf leden.');
    await submit('/edit');
    assert.match(await main(), /Werkgroep ingesteld met vijf leden\./);

    // Minutes, then the next meeting approves them.
    await openForm('Verslag opslaan');
    await page.fill('#minutes-minutes_nl', 'Besproken: de werkgroep.');
    await submit('/minutes');
    await checkBoth();
    await page.goto(`${e2e.baseUrl}${later}`);
    assert.match(await main(), /De notulen van de vergadering van 1 maart 2019 zijn nog niet vastgesteld/);
    // Refused while the decision awaits confirmation: the page says what to do.
    await submit('/minutes/approve-previous');
    assert.match(await main(), /wacht nog op bevestiging/);

    // The chair, who attended, confirms the decision in a browser of their own.
    const chair = await e2e.newPage();
    await browserLogin(chair, e2e.baseUrl, chairEmail, TEST_PASSWORD);
    await chair.goto(`${e2e.baseUrl}${earlier}`);
    await Promise.all([chair.waitForNavigation(), chair.click('form[action$="/confirm"] button[type=submit]')]);
    await Promise.all([chair.waitForNavigation(), chair.click('form[action$="/confirm"] button[type=submit]')]);
    assert.match((await chair.textContent('main')) ?? '', /Bevestigd door Voorzitter ambtelijk/);

    await page.goto(`${e2e.baseUrl}${later}`);
    await submit('/minutes/approve-previous');
    assert.match(await main(), /De notulen van de vergadering van 1 maart 2019 vaststellen\?/);
    await expectAccessible(page);
    await submit('/minutes/approve-previous');
    assert.equal(new URL(page.url()).pathname, later);
    assert.match(await main(), /De notulen van de vergadering van 1 maart 2019 zijn vastgesteld/);
    await checkBoth();

    // The earlier meeting is frozen: no forms that change it, a correction is a note.
    await follow(/De notulen van de vergadering van 1 maart 2019 zijn vastgesteld/);
    assert.equal(new URL(page.url()).pathname, earlier);
    assert.match(await main(), /Vastgesteld in de vergadering van 15 maart 2019\.[\s\S]*bevroren/);
    assert.equal(await page.$('#minutes-minutes_nl'), null);
    assert.equal(await page.$('#item-title_nl'), null);
    assert.equal(await page.$('#decision-text_nl'), null);
    assert.equal(await page.getByRole('link', { name: /Wijzigen|Besluit wijzigen/ }).count(), 0);
    await openForm('Correctie toevoegen');
    await page.fill('#note-note_nl', 'Correctie: de werkgroep telt zes leden.');
    await submit('/notes');
    assert.match(await main(), /Correcties[\s\S]*Correctie: de werkgroep telt zes leden\.[\s\S]*Coördinator, 20 maart 2019/);
    await checkBoth();
  });

  test('the minutes setting is marked "not in the agreement"; the dashboard quotes the agreement', async () => {
    await page.goto(`${e2e.baseUrl}/nl/leiden/bodies/support`);
    await follow('Instelling: vaststelling van notulen');
    assert.match(await main(), /Niet in de overeenkomst/);
    await checkBoth();
    await page.getByLabel('door de secretaris, die ze definitief maakt').check();
    await submit('/meetings/settings');
    assert.match(await main(), /De instelling is opgeslagen/);
    await page.getByLabel('in de volgende vergadering van hetzelfde orgaan (standaard)').check();
    await submit('/meetings/settings');
    await page.goto(`${e2e.baseUrl}/nl/leiden/dashboard`);
    assert.match(await main(), /gemiddeld twee keer per jaar/);
    assert.match(await main(), /Voor 2019 is geen jaaragenda vastgesteld/);
    await checkBoth();
  });
});
