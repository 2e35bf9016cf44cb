// In a real browser: a coordinator records a contribution, a project lead applies, the support
// level advises, the executive level awards and the coordinator pays; the balances follow on the
// overview. axe checks every fund page in Dutch and English on the way, error states included.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { programmes } from '../../src/db/schema.ts';
import { buildUser } from '../support/app.ts';
import { heldDecision, type HeldDecision } from '../support/decisions.ts';
import { chromiumAvailable, expectAccessible, useBrowserApp } from '../support/browser.ts';

describe('knowledge fund in Chromium', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp({}, { leiden: 'running' });
  // A running programme on today's date: Leiden's parties renewed its agreement twice (to 2032).
  const emails: Record<string, string> = {};
  /** The executive level's confirmed decision of a held meeting (recorded through the meeting pages in the governance browser test). */
  let awardDecision: HeldDecision;

  before(async () => {
    emails.coordinator = (await buildUser(e2e.t, { role: 'coordinator', name: 'Coördinator' })).email;
    emails.lead = (await buildUser(e2e.t, { role: 'lead', project: '3a', name: 'Trekker 3a' })).email;
    emails.support = (await buildUser(e2e.t, { role: 'support', name: 'Ambtelijk' })).email;
    emails.executive = (await buildUser(e2e.t, { role: 'executive', name: 'Bestuurder' })).email;
    const db = e2e.t.database.db;
    const [leiden] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden'));
    awardDecision = await heldDecision(db, { programmeId: leiden!.id, startsAt: '2018-04-10T13:00:00Z', text: { nl: 'Toekenning uit het kennisfonds aan project 3a', en: 'Award from the knowledge fund to project 3a' } });
  });

  const as = (who: string, run: (page: Page) => Promise<void>) => e2e.as(emails[who]!, run);

  async function visit(page: Page, path: string) {
    const response = await page.goto(`${e2e.baseUrl}${path}`);
    assert.equal(response?.status(), 200, path);
    await expectAccessible(page);
  }

  async function submit(page: Page, form: string) {
    await Promise.all([page.waitForLoadState('load'), page.locator(`${form} button[type=submit]`).click()]);
    await page.waitForLoadState('load');
  }

  test('contribution → application → advice → award → payment, balances visible', async () => {
    let applicationPath = '';
    await as('coordinator', async (page) => {
      for (const locale of ['en', 'nl']) {
        await visit(page, `/${locale}/leiden/fund`);
        await visit(page, `/${locale}/leiden/fund/contributions`);
      }
      // No fund is seeded (the agreement leaves its form open): the coordinator sets up the joint fund.
      await visit(page, '/nl/leiden/fund');
      assert.match(await page.locator('main').innerText(), /wordt nog nader bepaald/);
      await page.selectOption('#fund-kind', 'joint');
      await page.fill('#fund-name_nl', 'Kennisfonds');
      await page.fill('#fund-name_en', 'Knowledge fund');
      await submit(page, 'form[action$="/fund/funds"]');
      assert.match(await page.locator('[role=status]').first().innerText(), /ingesteld/);
      await visit(page, '/nl/leiden/fund/contributions');
      const form = 'form[action$="/fund/contributions"]';
      await page.selectOption('#contribution-party', { label: 'Leids Universitair Medisch Centrum' });
      await page.fill('#contribution-amount', '-500');
      await submit(page, form);
      assert.match(await page.locator('.utrecht-alert--error').innerText(), /negatief/);
      assert.equal(await page.inputValue('#contribution-amount'), '-500');
      await expectAccessible(page);
      await page.fill('#contribution-amount', '€ 10.000');
      await page.fill('#contribution-hours', '800');
      await page.fill('#contribution-year', '2018');
      await submit(page, form);
      assert.match(await page.locator('[role=status]').first().innerText(), /vastgelegd/);
      await expectAccessible(page);
      await visit(page, '/nl/leiden/fund');
      const joint = await page.locator('table').first().innerText();
      assert.match(joint, /10\.000,00/);
      assert.match(joint, /800 uur \(0,50 fte\)/);
    });

    await as('lead', async (page) => {
      await visit(page, '/nl/leiden/fund/applications/new');
      await visit(page, '/en/leiden/fund/applications/new');
      await page.fill('#application-amount', '2,500.50');
      await page.fill('#application-hours', '160');
      await page.fill('#application-purpose_nl', 'Startbudget onderzoek niet-studenten');
      await page.fill('#application-purpose_en', 'Start budget research on non-students');
      await page.fill('#application-periodStart', '2018-01-01');
      await page.fill('#application-periodEnd', '2017-12-31');
      await page.fill('#application-budgetLines', 'Research assistant; 2,000\nMaterials; 500.50');
      await submit(page, 'form[action$="/fund/applications"]');
      assert.match(await page.locator('.utrecht-alert--error').innerText(), /end is before the start/);
      await expectAccessible(page);
      await page.fill('#application-periodEnd', '2018-12-31');
      await submit(page, 'form[action$="/fund/applications"]');
      applicationPath = new URL(page.url()).pathname.replace(/^\/en/, '');
      assert.match(applicationPath, /\/leiden\/fund\/applications\/[0-9a-f-]{36}$/);
      assert.match(await page.locator('#application-status').innerText(), /Submitted/);
      assert.match(await page.locator('main').innerText(), /Stage/);
      await expectAccessible(page);
      await visit(page, `/nl${applicationPath}`);
      await visit(page, '/nl/leiden/fund/applications');
      await visit(page, '/en/leiden/fund/applications');
    });

    await as('support', async (page) => {
      await visit(page, `/nl${applicationPath}`);
      await page.selectOption('#advice-advice', 'support');
      await page.fill('#advice-note', 'Past binnen thema 3');
      await submit(page, 'form[action$="/advice"]');
      assert.match(await page.locator('#advice-given').innerText(), /Positief/);
    });

    await as('executive', async (page) => {
      await visit(page, `/en${applicationPath}`);
      await page.selectOption('#award-decision', 'full');
      await page.fill('#award-note', 'Decision 2018-04');
      // Without naming the decision it rests on, nothing is awarded.
      await submit(page, 'form[action$="/award"]');
      assert.match(await page.locator('.utrecht-alert--error').innerText(), /Choose a confirmed decision/);
      await expectAccessible(page);
      await page.selectOption('#award-decisionId', awardDecision.decisionId);
      await submit(page, 'form[action$="/award"]');
      // Checked first: what is committed from which fund, on which decision.
      assert.match(await page.locator('.ks-confirm').innerText(), /are committed to 3a/);
      await expectAccessible(page);
      await submit(page, '.ks-confirm form');
      assert.match(await page.locator('#application-status').innerText(), /Awarded/);
      await expectAccessible(page);
      await visit(page, '/nl/leiden/fund/reports');
      await visit(page, '/en/leiden/fund/reports');
    });

    await as('coordinator', async (page) => {
      await visit(page, `/nl${applicationPath}`);
      await page.fill('#movement-amount', '1.000');
      await page.fill('#movement-hours', '40');
      await submit(page, 'form[action$="/movements"]');
      assert.match(await page.locator('#open').innerText(), /1\.500,50, 120 uur/);
      await expectAccessible(page);
      await visit(page, '/en/leiden/fund');
      const overview = await page.locator('main').innerText();
      assert.match(overview, /€10,000\.00/);
      assert.match(overview, /€2,500\.50/, 'awarded shows');
      assert.match(overview, /€1,000\.00/, 'paid shows');
      assert.match(overview, /€7,499\.50/, 'available shows');
      await visit(page, '/nl/leiden/fund');
    });
  });
});
