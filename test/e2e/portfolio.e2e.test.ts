// In a real browser: a partner member proposes a project, completes it and lets a non-party join
// after the steering group objected, the support steering group judges criteria c and d and
// recommends, the executive steering group admits it with its confirmed decision of a held meeting
// (through the confirmation step, the meeting's date shown); a stale edit (of
// the project or of a partner's commitment) gets the conflict page; the coordinator renames a code. axe checks every new portfolio page in Dutch and English on the way.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildUser } from '../support/app.ts';
import { chromiumAvailable, expectAccessible, useBrowserApp } from '../support/browser.ts';
import { eq } from 'drizzle-orm';
import { bodies, organisations, projectPartners, projects } from '../../src/db/schema.ts';
import { setClock } from '../../src/clock.ts';
import { decisions, meetings } from '../../src/features/meetings/tables.ts';

describe('portfolio: proposal to admission in Chromium', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp();
  const emails: Record<string, string> = {};
  const orgIds: Record<string, string> = {};

  before(async () => {
    for (const row of await e2e.t.database.db.select({ id: organisations.id, slug: organisations.slug }).from(organisations)) orgIds[row.slug] = row.id;
    emails.proposer = (await buildUser(e2e.t, { role: 'partner', organisation: 'hogeschool-leiden', name: 'Petra Proposer' })).email;
    emails.support = (await buildUser(e2e.t, { role: 'support', name: 'Sam Support' })).email;
    emails.executive = (await buildUser(e2e.t, { role: 'executive', name: 'Eva Executive' })).email;
    emails.coordinator = (await buildUser(e2e.t, { role: 'coordinator', name: 'Coco Coordinator' })).email;
    // Inside Leiden's term: spring 2018. The executive steering group met on 1 March 2018 and its
    // decision there was confirmed by a member who attended (the meeting flow is the meetings test's).
    setClock('2018-04-03T10:00:00Z');
    const db = e2e.t.database.db;
    const [executive] = await db.select().from(bodies).where(eq(bodies.kind, 'executive'));
    const [meeting] = await db
      .insert(meetings)
      .values({ programmeId: executive!.programmeId, bodyId: executive!.id, startsAt: new Date('2018-03-01T13:00:00Z'), endsAt: new Date('2018-03-01T15:00:00Z'), state: 'held' })
      .returning();
    await db.insert(decisions).values({ programmeId: executive!.programmeId, meetingId: meeting!.id, outcome: 'adopted', text: { nl: 'De Leidse zomerschool wordt toegelaten.', en: 'The Leiden summer school is admitted.' }, confirmedAt: new Date('2018-03-01T16:00:00Z'), confirmedByName: 'Voorzitter' });
  });
  after(() => setClock(null));

  const as = (who: string, run: (page: Page) => Promise<void>) => e2e.as(emails[who]!, run);

  /** Visits a page in both languages, checking status and accessibility; ends on the Dutch one. */
  async function visitBoth(page: Page, path: string) {
    for (const locale of ['en', 'nl']) {
      const response = await page.goto(`${e2e.baseUrl}/${locale}${path}`);
      assert.equal(response?.status(), 200, `${locale}${path}`);
      await expectAccessible(page);
    }
  }

  async function firstPartnerOf1a(): Promise<string> {
    const [row] = await e2e.t.database.db
      .select({ slug: organisations.slug })
      .from(projectPartners)
      .innerJoin(organisations, eq(organisations.id, projectPartners.organisationId))
      .innerJoin(projects, eq(projects.id, projectPartners.projectId))
      .where(eq(projects.code, '1a'))
      .orderBy(organisations.slug)
      .limit(1);
    return row!.slug;
  }

  async function submit(page: Page, form = 'main form') {
    await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click(`${form} button[type=submit]`)]);
  }

  test('submission, recommendation and admission, with the criteria shown', async () => {
    let code = '';
    await as('proposer', async (page) => {
      await visitBoth(page, '/leiden/proposals/new');
      await page.fill('#proposal-title_nl', 'Leidse zomerschool');
      await page.fill('#proposal-title_en', 'Leiden summer school');
      await page.fill('#proposal-goal_nl', 'Een zomerschool voor scholieren');
      await page.fill('#proposal-goal_en', 'A summer school for pupils');
      await page.selectOption('#proposal-leadOrganisationId', orgIds['hogeschool-leiden']!);
      await page.check(`#proposal-partners-${orgIds['universiteit-leiden']}`);
      await submit(page);
      const match = /\/projects\/([^/]+)\/admission$/.exec(new URL(page.url()).pathname);
      assert.ok(match, page.url());
      code = match[1]!;
      assert.match(await page.textContent('main') ?? '', /nog niet beschreven hoe het succes wordt geborgd/);
      await visitBoth(page, `/leiden/projects/${code}/admission`);

      // Complete the proposal: safeguarding (criterion e) and the partners' arrangements on
      // staffing/capacity and financing, per project (criterion f).
      await visitBoth(page, `/leiden/projects/${code}/edit`);
      await page.fill('#project-safeguarding_nl', 'Wordt onderdeel van het vaste onderwijsaanbod');
      await page.fill('#project-staffingArrangements_nl', 'Elk twee docenten, 160 uur');
      await page.fill('#project-financingArrangements_nl', 'Hogeschool en universiteit dragen elk de helft');
      await submit(page);
      await visitBoth(page, `/leiden/projects/${code}/partners/hogeschool-leiden/edit`);
      await page.fill('#partner-capacityHours', '160');
      await submit(page);
      await visitBoth(page, `/leiden/projects/${code}/actions/new`);
      await page.fill('#action-description_nl', 'Programma opstellen');
      await page.fill('#action-dueLabel_nl', 'Q1 2018');
      await submit(page);
      // A non-party joins after the executive level objected: the lead decides, the objection is shown.
      await page.goto(`${e2e.baseUrl}/nl/leiden/projects/${code}`);
      await Promise.all([page.waitForNavigation(), page.click(`a[href$="/projects/${code}/partners/new"]`)]);
      await expectAccessible(page);
      await page.selectOption('#join-organisationId', orgIds['taskforce-studentenhuisvesting']!);
      await submit(page);
      assert.match(await page.textContent('main') ?? '', /Deze organisatie is geen partij: leg het advies van de stuurgroep vast/);
      await expectAccessible(page);
      await page.fill('#join-consultedOn', '2018-03-20');
      await page.check('#join-level-executive');
      await page.check('#join-outcome-objection');
      await page.fill('#join-note_nl', 'Eerst de hogescholen laten beginnen');
      await submit(page);
      const projectText = (await page.textContent('main')) ?? '';
      assert.match(projectText, /Programma opstellen/);
      assert.match(projectText, /Taskforce Studentenhuisvesting — Advies bestuurlijke stuurgroep \(20 maart 2018\): bezwaar/);
      await visitBoth(page, `/leiden/projects/${code}`);
    });

    await as('support', async (page) => {
      await visitBoth(page, `/leiden/projects/${code}/admission`);
      for (const [criterion, reasoning] of [['c', 'Hogeschool en universiteit versterken elkaar'], ['d', 'Bestaat nog niet in Leiden']] as const) {
        await page.check(`#judgement-criterion-${criterion}`);
        await page.check('#judgement-met-yes');
        await page.fill('#judgement-reasoning_nl', reasoning);
        await submit(page, 'form[action$="/judgement"]');
      }
      assert.match(await page.textContent('main') ?? '', /6 vervuld, 0 niet vervuld, 0 nog te beoordelen/);
      await page.check('#recommendation-outcome-admit');
      await page.fill('#recommendation-reasons_nl', 'Voldoet aan alle criteria');
      await submit(page, 'form[action$="/recommendation"]');
      assert.match(await page.textContent('main') ?? '', /Advies: toelaten/);
      await expectAccessible(page);
    });

    await as('executive', async (page) => {
      await visitBoth(page, `/leiden/projects/${code}/admission`);
      // Only the confirmed decision of the held meeting is offered, after an empty first choice.
      const options = await page.$$eval('#decision-decision option', (list) => list.map((o) => (o as HTMLOptionElement).text));
      assert.deepEqual(options.slice(1), ['1 maart 2018: De Leidse zomerschool wordt toegelaten.']);
      assert.equal(await page.$eval('#decision-decision', (select) => (select as HTMLSelectElement).value), '');
      await page.selectOption('#decision-decision', { label: '1 maart 2018: De Leidse zomerschool wordt toegelaten.' });
      await page.check('#decision-outcome-admit');
      await page.fill('#decision-reasons_nl', 'Past in de jaaragenda');
      await page.fill('#decision-reasons_en', 'Fits the annual agenda');
      await submit(page, 'form[action$="/decision"]');
      // The confirmation step says what will happen and on which decision it rests.
      const asked = (await page.textContent('main')) ?? '';
      assert.match(asked, new RegExp(`${code} toelaten\\?`));
      assert.match(asked, /in de vergadering van 1 maart 2018: De Leidse zomerschool wordt toegelaten\./);
      await expectAccessible(page);
      await submit(page, 'form[action$="/decision"]');
      const text = (await page.textContent('main')) ?? '';
      assert.match(text, /Toegelaten — Besloten door de bestuurlijke stuurgroep in de vergadering van 1 maart 2018/);
      assert.match(text, /Past in de jaaragenda/);
      await visitBoth(page, `/leiden/projects/${code}/admission`);
    });

    // The admitted project is public now.
    const anonymous = await e2e.newPage();
    const response = await anonymous.goto(`${e2e.baseUrl}/en/leiden/projects/${code}`);
    assert.equal(response?.status(), 200);
    assert.match((await anonymous.textContent('h1')) ?? '', /Leiden summer school/);
    await anonymous.context().close();
  });

  test('lists with filters and the cross-overs network are accessible in both languages', async () => {
    await as('coordinator', async (page) => {
      await visitBoth(page, '/leiden/projects?theme=2&overdue=1');
      await visitBoth(page, '/leiden/cross-overs?a=2a&b=2c');
      assert.equal(await page.locator('svg[role=img] title').count(), 1);
    });
    const anonymous = await e2e.newPage();
    for (const locale of ['nl', 'en']) {
      const response = await anonymous.goto(`${e2e.baseUrl}/${locale}/leiden/cross-overs`);
      assert.equal(response?.status(), 200);
      await expectAccessible(anonymous);
    }
    await anonymous.context().close();
  });

  test('a stale edit shows the conflict page, accessible in both languages', async () => {
    await as('coordinator', async (page) => {
      for (const locale of ['nl', 'en']) {
        await page.goto(`${e2e.baseUrl}/${locale}/leiden/projects/1a/edit`);
        // Someone else saves in another tab first.
        const other = await page.context().newPage();
        await other.goto(`${e2e.baseUrl}/${locale}/leiden/projects/1a/edit`);
        await other.fill('#project-goal_en', `Goal saved first (${locale})`);
        await submit(other);
        await other.close();
        await page.fill('#project-goal_en', `My goal (${locale})`);
        const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('main form button[type=submit]')]);
        assert.equal(response.status(), 409);
        await page.waitForLoadState('load');
        const text = (await page.textContent('main')) ?? '';
        assert.match(text, new RegExp(`Goal saved first \\(${locale}\\)`));
        assert.equal(await page.inputValue('#project-goal_en'), `My goal (${locale})`);
        await expectAccessible(page);
      }
    });
  });

  test('a stale commitment save shows the conflict page; the coordinator renames a project code', async () => {
    await as('coordinator', async (page) => {
      const slug = await firstPartnerOf1a();
      const url = (locale: string) => `${e2e.baseUrl}/${locale}/leiden/projects/1a/partners/${slug}/edit`;
      for (const locale of ['nl', 'en']) {
        await page.goto(url(locale));
        await expectAccessible(page);
        const other = await page.context().newPage();
        await other.goto(url(locale));
        await other.fill('#partner-capacityHours', '321');
        await submit(other);
        await other.close();
        await page.fill('#partner-capacityHours', '123');
        const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('main form button[type=submit]')]);
        assert.equal(response.status(), 409);
        await page.waitForLoadState('load');
        assert.match((await page.textContent('main')) ?? '', /Coco Coordinator[\s\S]*321[\s\S]*123/);
        assert.equal(await page.inputValue('#partner-capacityHours'), '123');
        await expectAccessible(page);
      }
      // A duplicate code is refused with its message next to the field, accessibly.
      await page.goto(`${e2e.baseUrl}/en/leiden/projects/1a/edit`);
      await page.fill('#project-code', '1b');
      await Promise.all([page.waitForLoadState('load'), page.waitForResponse((r) => r.request().method() === 'POST'), page.click('main form button[type=submit]')]);
      assert.match((await page.textContent('#project-code-error')) ?? '', /already uses this code/);
      await expectAccessible(page);
      await page.fill('#project-code', '1z');
      await submit(page);
      assert.equal(new URL(page.url()).pathname, '/en/leiden/projects/1z');
    });
  });
});
