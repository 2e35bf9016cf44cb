// In a real browser: the coordinator plans an executive and a support meeting, the support meeting
// prepares a decision proposal, the executive meeting adopts it (the decision refers back), and
// that decision adopts the next annual agenda (proposed by a support member, adoption recorded by
// an executive member), which the coordinator then publishes. The decision is recorded by the
// secretary after the meeting has started and confirmed by the chair, who attended (four eyes),
// before it can adopt anything. The same meeting's confirmed decision admits a project a partner
// proposed and the support level recommended. axe checks every new page in Dutch and English on the way.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { setClock } from '../../src/clock.ts';
import { organisations } from '../../src/db/schema.ts';
import { buildUser, TEST_PASSWORD } from '../support/app.ts';
import { browserLogin, chromiumAvailable, expectAccessible, useBrowserApp } from '../support/browser.ts';

describe('steering group at work in Chromium', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp({}, { leiden: 'running' });
  // A running programme on the dates this test works on: Leiden's parties renewed its agreement twice (to 2032).
  let page: Page;

  before(async () => {
    const coordinator = await buildUser(e2e.t, { role: 'coordinator', name: 'Coördinator' });
    page = await e2e.newPage();
    await browserLogin(page, e2e.baseUrl, coordinator.email, TEST_PASSWORD);
    for (const role of ['support', 'executive'] as const) {
      const user = await buildUser(e2e.t, { role, name: `Lid ${role}` });
      emails[role] = user.email;
      ids[role] = user.id;
    }
    emails.partner = (await buildUser(e2e.t, { role: 'partner', organisation: 'hogeschool-leiden', name: 'Petra Partner' })).email;
    for (const row of await e2e.t.database.db.select({ id: organisations.id, slug: organisations.slug }).from(organisations)) orgIds[row.slug] = row.id;
    // The programme's clock: early 2031, before the meetings this test plans.
    setClock('2031-01-15T10:00:00Z');
  });
  after(() => setClock(null));
  const ids: Record<string, string> = {};
  const emails: Record<string, string> = {};
  const orgIds: Record<string, string> = {};

  /** A steering group member in a browser of their own. */
  async function member(role: 'support' | 'executive' | 'partner'): Promise<Page> {
    const own = await e2e.newPage();
    await browserLogin(own, e2e.baseUrl, emails[role]!, TEST_PASSWORD);
    return own;
  }

  /** Visits a page in both languages, checking each with axe; ends on the Dutch one. */
  async function visitBoth(path: string) {
    for (const locale of ['en', 'nl'] as const) {
      const response = await page.goto(`${e2e.baseUrl}/${locale}${path}`);
      assert.equal(response?.status(), 200, `${locale}${path}`);
      await expectAccessible(page);
    }
  }

  async function submit(formAction: string) {
    await Promise.all([page.waitForNavigation(), page.click(`form[action$="${formAction}"] button[type=submit]`)]);
  }

  /** The meeting page's forms open on demand: a click on the summary, as a person would. */
  async function openForm(summary: string) {
    await page.locator('summary', { hasText: new RegExp(`^${summary}$`) }).click();
  }

  async function planMeeting(kind: 'executive' | 'support', date: string): Promise<string> {
    await visitBoth(`/leiden/bodies/${kind}/meetings/new`);
    await page.fill('#plan-date', date);
    await page.fill('#plan-startTime', '14:00');
    await page.fill('#plan-endTime', '16:00');
    await page.fill('#plan-location', 'Stadhuis Leiden');
    await submit(`/bodies/${kind}/meetings`);
    const path = new URL(page.url()).pathname;
    assert.match(path, /^\/nl\/leiden\/meetings\/[0-9a-f-]{36}$/);
    return path.slice('/nl'.length);
  }

  test('plan, prepare, adopt, publish', async () => {
    await visitBoth('/leiden/bodies');
    await visitBoth('/leiden/bodies/executive');
    await visitBoth('/leiden/bodies/support');
    // The coordinator/secretary body starts empty: a hint on what to do instead of an empty table.
    await visitBoth('/leiden/bodies/coordinator');
    assert.match((await page.textContent('main')) ?? '', /noemt hiervoor geen personen/);

    // An invalid plan shows its errors accessibly and keeps the input.
    await page.goto(`${e2e.baseUrl}/nl/leiden/bodies/support/meetings/new`);
    await page.fill('#plan-date', '2031-02-01');
    await page.fill('#plan-startTime', '16:00');
    await page.fill('#plan-endTime', '15:00');
    await submit('/bodies/support/meetings');
    assert.match(await page.textContent('main') ?? '', /De eindtijd moet na de begintijd liggen/);
    assert.ok(await page.$('.utrecht-alert a[href="#plan-endTime"]'), 'the summary links to the field');
    await expectAccessible(page);

    const executive = await planMeeting('executive', '2031-03-01');
    const support = await planMeeting('support', '2031-02-01');

    // The support meeting gets an agenda item linked to a project, and prepares a proposal.
    await page.goto(`${e2e.baseUrl}/nl${support}`);
    await openForm('Agendapunt toevoegen');
    await page.fill('#item-title_nl', 'Voortgang studentenhuisvesting');
    await page.fill('#item-title_en', 'Progress on student housing');
    await page.selectOption('#item-kind', 'discussion');
    await page.selectOption('#item-projects', ['3a']);
    await submit('/items');
    await openForm('Besluitvoorstel voorbereiden');
    await page.fill('#proposal-title_nl', 'Jaaragenda 2031');
    await page.fill('#proposal-title_en', 'Annual agenda 2031');
    await page.fill('#proposal-text_nl', 'De stuurgroep stelt de jaaragenda 2031 vast.');
    await page.fill('#proposal-text_en', 'The steering group adopts the annual agenda 2031.');
    await submit('/proposals');
    await openForm('Actie toevoegen');
    await page.fill('#action-description_nl', 'Concept jaaragenda rondsturen');
    await page.fill('#action-owner', 'Coördinator');
    await submit('/actions');
    assert.match(await page.textContent('main') ?? '', /Geagendeerd voor 1 maart 2031/);
    await visitBoth(support);

    // The executive level's chair: a seat in the body, linked to the executive member's account.
    await page.goto(`${e2e.baseUrl}/nl/leiden/bodies/executive`);
    await page.fill('#member-name', 'Lid executive');
    await page.selectOption('#member-position', 'chair');
    await page.fill('#member-startsOn', '2030-01-01');
    await submit('/bodies/executive/members');
    // Linked to the executive member's existing account from the person's page.
    await Promise.all([page.waitForNavigation(), page.click('a[aria-label*="Lid executive"][href*="/people/"]')]);
    await expectAccessible(page);
    await page.selectOption('#link-user', ids.executive!);
    await submit('/link');
    assert.match((await page.textContent('#person-account')) ?? '', /Lid executive/);

    // Before the meeting has started nothing is recorded; once it has, the secretary records who attended.
    await page.goto(`${e2e.baseUrl}/nl${executive}`);
    assert.match((await page.textContent('main')) ?? '', /kunnen worden vastgelegd zodra de vergadering is begonnen \(1 maart 2031\)/);
    assert.equal(await page.$('#decision-text_nl'), null, 'no decision form before the meeting');
    setClock('2031-03-01T15:30:00Z');
    await page.goto(`${e2e.baseUrl}/nl${executive}`);
    await openForm('Aanwezigheid vastleggen');
    await page.locator('#attendance-present label', { hasText: 'Lid executive' }).click();
    await submit('/attendance');
    assert.match((await page.textContent('main')) ?? '', /Aanwezig\s*Lid executive \(Voorzitter\)/);

    // The executive meeting adopts it; the decision refers back to the support meeting.
    await openForm('Besluit vastleggen');
    const itemValue = await page.$eval('#decision-item', (select) => [...(select as HTMLSelectElement).options].find((o) => o.text.includes('Jaaragenda 2031'))!.value);
    await page.selectOption('#decision-item', itemValue);
    await page.fill('#decision-text_nl', 'De jaaragenda 2031 is vastgesteld.');
    await page.fill('#decision-text_en', 'The annual agenda 2031 is adopted.');
    await page.selectOption('#decision-outcome', 'adopted');
    await page.selectOption('#decision-public', 'yes');
    await submit('/decisions');
    const main = (await page.textContent('main')) ?? '';
    assert.match(main, /De jaaragenda 2031 is vastgesteld\./);
    assert.match(main, /Voorbereid in het ambtelijk overleg van 1 februari 2031/);
    assert.match(main, /Wacht op bevestiging/);
    assert.equal(await page.$('form[action$="/confirm"]'), null, 'the secretary who recorded it does not confirm it');
    await visitBoth(executive);

    // The chair, who attended, confirms it after a confirmation step.
    const chair = await member('executive');
    await chair.goto(`${e2e.baseUrl}/nl${executive}`);
    await expectAccessible(chair);
    await Promise.all([chair.waitForNavigation(), chair.click('form[action$="/confirm"] button[type=submit]')]);
    assert.match((await chair.textContent('main')) ?? '', /Dit besluit bevestigen\?[\s\S]*De jaaragenda 2031 is vastgesteld\./);
    await expectAccessible(chair);
    await Promise.all([chair.waitForNavigation(), chair.click('form[action$="/confirm"] button[type=submit]')]);
    assert.match((await chair.textContent('main')) ?? '', /Bevestigd door Lid executive op 1 maart 2031/);
    await visitBoth('/leiden/decisions');
    await visitBoth('/leiden/dashboard');

    // The annual agenda 2031: drawn up from 2017-2018, proposed, adopted by that decision, published.
    await visitBoth('/leiden/annual-agendas');
    await page.fill('#agenda-startYear', '2031');
    await page.fill('#agenda-endYear', '2031');
    const firstAgenda = await page.$eval('#agenda-basedOn', (select) => [...(select as HTMLSelectElement).options].find((o) => o.text.includes('2017-2018'))!.value);
    await page.selectOption('#agenda-basedOn', firstAgenda);
    await submit('/annual-agendas');
    const agendaPath = new URL(page.url()).pathname.slice('/nl'.length);
    await visitBoth(agendaPath);
    // The support level proposes it, the executive level records its adoption, the coordinator publishes.
    const supportMember = await member('support');
    await supportMember.goto(`${e2e.baseUrl}/nl${agendaPath}`);
    await expectAccessible(supportMember);
    await Promise.all([supportMember.waitForNavigation(), supportMember.click('form[action$="/propose"] button[type=submit]')]);
    assert.match((await supportMember.textContent('main')) ?? '', /Voorgesteld door het ambtelijk overleg/);
    assert.equal(await supportMember.$('form[action$="/adopt"]'), null, 'the support level does not adopt');
    const executiveMember = await member('executive');
    await executiveMember.goto(`${e2e.baseUrl}/nl${agendaPath}`);
    const decision = await executiveMember.$eval('#advance-decision', (select) => [...(select as HTMLSelectElement).options].find((o) => o.text.includes('De jaaragenda 2031 is vastgesteld'))!.value);
    assert.equal(await executiveMember.$eval('#advance-decision', (select) => (select as HTMLSelectElement).value), '', 'no decision is chosen beforehand');
    await executiveMember.selectOption('#advance-decision', decision);
    await expectAccessible(executiveMember);
    await Promise.all([executiveMember.waitForNavigation(), executiveMember.click('form[action$="/adopt"] button[type=submit]')]);
    // The confirmation step names the meeting's date; the year has not passed, so no warning.
    const asked = (await executiveMember.textContent('main')) ?? '';
    assert.match(asked, /Jaaragenda 2031 vaststellen\?[\s\S]*in de vergadering van 1 maart 2031: De jaaragenda 2031 is vastgesteld\./);
    assert.doesNotMatch(asked, /achteraf/);
    await expectAccessible(executiveMember);
    await Promise.all([executiveMember.waitForNavigation(), executiveMember.click('form[action$="/adopt"] button[type=submit]')]);
    assert.equal(await executiveMember.$('form[action$="/publish"]'), null, 'publishing is the coordinator’s');
    await page.goto(`${e2e.baseUrl}/nl${agendaPath}`);
    await submit('/publish');
    assert.match((await page.textContent('main')) ?? '', /Gepubliceerd[\s\S]*Vastgesteld door de bestuurlijke stuurgroep in de vergadering van 1 maart 2031/);
    await visitBoth(agendaPath);
    await visitBoth(`/leiden/annual-agendas/compare?left=${firstAgenda}&right=${agendaPath.split('/').at(-1)}`);

    // The same executive meeting admits a proposed project: a partner proposes it, the support
    // level judges and recommends, the secretary records the decision, the chair confirms it and
    // an executive member admits the project with it — the admission names the meeting.
    const partner = await member('partner');
    await partner.goto(`${e2e.baseUrl}/nl/leiden/proposals/new`);
    await partner.fill('#proposal-title_nl', 'Leidse zomerschool');
    await partner.fill('#proposal-title_en', 'Leiden summer school');
    await partner.fill('#proposal-goal_nl', 'Een zomerschool voor scholieren');
    await partner.fill('#proposal-goal_en', 'A summer school for pupils');
    await partner.selectOption('#proposal-leadOrganisationId', orgIds['hogeschool-leiden']!);
    await partner.check(`#proposal-partners-${orgIds['universiteit-leiden']}`);
    await Promise.all([partner.waitForNavigation(), partner.click('main form button[type=submit]')]);
    const code = /\/projects\/([^/]+)\/admission$/.exec(new URL(partner.url()).pathname)![1]!;
    await partner.goto(`${e2e.baseUrl}/nl/leiden/projects/${code}/edit`);
    await partner.fill('#project-safeguarding_nl', 'Wordt onderdeel van het vaste onderwijsaanbod');
    await partner.fill('#project-staffingArrangements_nl', 'Elk twee docenten, 160 uur');
    await partner.fill('#project-financingArrangements_nl', 'Hogeschool en universiteit dragen elk de helft');
    await Promise.all([partner.waitForNavigation(), partner.click('main form button[type=submit]')]);
    await partner.goto(`${e2e.baseUrl}/nl/leiden/projects/${code}/partners/hogeschool-leiden/edit`);
    await partner.fill('#partner-capacityHours', '160');
    await Promise.all([partner.waitForNavigation(), partner.click('main form button[type=submit]')]);

    await supportMember.goto(`${e2e.baseUrl}/nl/leiden/projects/${code}/admission`);
    for (const [criterion, reasoning] of [['c', 'Hogeschool en universiteit versterken elkaar'], ['d', 'Bestaat nog niet in Leiden']] as const) {
      await supportMember.check(`#judgement-criterion-${criterion}`);
      await supportMember.check('#judgement-met-yes');
      await supportMember.fill('#judgement-reasoning_nl', reasoning);
      await Promise.all([supportMember.waitForNavigation(), supportMember.click('form[action$="/judgement"] button[type=submit]')]);
    }
    await supportMember.check('#recommendation-outcome-admit');
    await supportMember.fill('#recommendation-reasons_nl', 'Voldoet aan alle criteria');
    await Promise.all([supportMember.waitForNavigation(), supportMember.click('form[action$="/recommendation"] button[type=submit]')]);
    assert.match((await supportMember.textContent('main')) ?? '', /Advies: toelaten/);

    // Before the chair confirms the recorded decision, the admission form does not offer it.
    await page.goto(`${e2e.baseUrl}/nl${executive}`);
    await openForm('Besluit vastleggen');
    await page.fill('#decision-text_nl', 'De Leidse zomerschool wordt toegelaten.');
    await page.fill('#decision-text_en', 'The Leiden summer school is admitted.');
    await page.selectOption('#decision-outcome', 'adopted');
    await page.selectOption('#decision-public', 'yes');
    await submit('/decisions');
    await executiveMember.goto(`${e2e.baseUrl}/nl/leiden/projects/${code}/admission`);
    const offeredBefore = await executiveMember.$$eval('#decision-decision option', (list) => list.map((o) => (o as HTMLOptionElement).text));
    assert.ok(!offeredBefore.some((text) => text.includes('zomerschool')), `awaiting confirmation, not offered: ${offeredBefore.join(' | ')}`);
    await chair.goto(`${e2e.baseUrl}/nl${executive}`);
    // The first decision is confirmed already: the only confirm button left is this one's.
    assert.equal(await chair.locator('form[action$="/confirm"]').count(), 1);
    await Promise.all([chair.waitForNavigation(), chair.click('form[action$="/confirm"] button[type=submit]')]);
    await Promise.all([chair.waitForNavigation(), chair.click('form[action$="/confirm"] button[type=submit]')]);
    assert.match((await chair.textContent('main')) ?? '', /De Leidse zomerschool wordt toegelaten\.[\s\S]*Bevestigd door Lid executive/);

    await executiveMember.goto(`${e2e.baseUrl}/nl/leiden/projects/${code}/admission`);
    await executiveMember.selectOption('#decision-decision', { label: '1 maart 2031: De Leidse zomerschool wordt toegelaten.' });
    await executiveMember.check('#decision-outcome-admit');
    await executiveMember.fill('#decision-reasons_nl', 'Past in de jaaragenda');
    await executiveMember.fill('#decision-reasons_en', 'Fits the annual agenda');
    await Promise.all([executiveMember.waitForNavigation(), executiveMember.click('form[action$="/decision"] button[type=submit]')]);
    assert.match((await executiveMember.textContent('main')) ?? '', /in de vergadering van 1 maart 2031: De Leidse zomerschool wordt toegelaten\./);
    await expectAccessible(executiveMember);
    await Promise.all([executiveMember.waitForNavigation(), executiveMember.click('form[action$="/decision"] button[type=submit]')]);
    assert.match((await executiveMember.textContent('main')) ?? '', /Toegelaten — Besloten door de bestuurlijke stuurgroep in de vergadering van 1 maart 2031/);

    // The public sees the published agenda and the public decision.
    const visitor = await e2e.newPage();
    const response = await visitor.goto(`${e2e.baseUrl}/en${agendaPath}`);
    assert.equal(response?.status(), 200);
    await visitor.goto(`${e2e.baseUrl}/en/leiden/decisions`);
    assert.match((await visitor.textContent('main')) ?? '', /The annual agenda 2031 is adopted\./);
    await expectAccessible(visitor);
  });
});
