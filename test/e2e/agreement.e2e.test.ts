// In a real browser, through links and forms only: the coordinator appoints a representative for
// each of the four parties (one of them a person of a faculty, a unit of the university), one party
// proposes an amendment, the four parties answer (an objection first blocks it, its withdrawal
// unblocks it), the coordinator adopts it and the new version is published in Dutch and English.
// axe checks every agreement page on the way, and the coordinator's organisation edit page.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { buildUser } from '../support/app.ts';
import { chromiumAvailable, expectAccessible, useBrowserApp } from '../support/browser.ts';
import { agreementParties, organisations } from '../../src/db/schema.ts';
import { agreementRepresentatives } from '../../src/features/agreement/tables.ts';

const PARTIES = ['universiteit-leiden', 'lumc', 'hogeschool-leiden', 'gemeente-leiden'] as const;

describe('agreement amendment in Chromium', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp({}, { leiden: 'running' });
  // A running programme on today's date: Leiden's parties renewed its agreement twice (to 2032).
  const emails: Record<string, string> = {};
  const partyIds: Record<string, string> = {};

  before(async () => {
    const db = e2e.t.database.db;
    const parties = await db.select({ id: agreementParties.id, programmeId: agreementParties.programmeId, slug: organisations.slug }).from(agreementParties).innerJoin(organisations, eq(organisations.id, agreementParties.organisationId));
    for (const slug of PARTIES) {
      // The university speaks through a person of one of its faculties (a unit, "onderdeel van").
      const organisation = slug === 'universiteit-leiden' ? 'faculteit-sociale-wetenschappen' : slug;
      const user = await buildUser(e2e.t, { role: 'partner', organisation, name: `Vertegenwoordiger ${slug}` });
      emails[slug] = user.email;
      partyIds[slug] = parties.find((p) => p.slug === slug)!.id;
    }
    emails.coordinator = (await buildUser(e2e.t, { role: 'coordinator', name: 'Coördinator' })).email;
  });

  const as = (who: string, run: (page: Page) => Promise<void>) => e2e.as(emails[who]!, run);

  /** Submits one party's appointment form and waits for the page it leads to (the list, or the refusal). */
  async function appoint(page: Page, slug: string) {
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/agreement/representatives')),
      page.click(`form#representative-${partyIds[slug]} button[type=submit]`),
    ]);
    await page.waitForLoadState('load');
  }

  async function visit(page: Page, path: string, status = 200) {
    const response = await page.goto(`${e2e.baseUrl}${path}`);
    assert.equal(response?.status(), status, path);
    await expectAccessible(page);
  }

  test('appoint, propose, answer, block, unblock, adopt, publish', async () => {
    await as('coordinator', async (page) => {
      await visit(page, '/nl/leiden/agreement');
      await Promise.all([page.waitForURL(/\/agreement\/representatives$/), page.click('a[href="/nl/leiden/agreement/representatives"]')]);
      await expectAccessible(page);
      // The coordinator is no person of the municipality: refused, with the reason at the field.
      await page.fill(`#representative-${partyIds['gemeente-leiden']}-email`, emails.coordinator!);
      await appoint(page, 'gemeente-leiden');
      assert.match(await page.locator(`#representative-${partyIds['gemeente-leiden']}-email-error`).innerText(), /hoort niet bij Gemeente Leiden/);
      await expectAccessible(page);
      for (const slug of PARTIES) {
        await page.fill(`#representative-${partyIds[slug]}-email`, emails[slug]!);
        await appoint(page, slug);
        assert.match(await page.locator(`section[aria-labelledby="party-${slug}"]`).innerText(), new RegExp(`Vertegenwoordiger ${slug}`));
      }
      await expectAccessible(page);
      // The organisation edit page where "part of" is set.
      await visit(page, '/nl/leiden/organisations/faculteit-sociale-wetenschappen');
      await Promise.all([page.waitForURL(/\/edit$/), page.click('a[href$="/organisations/faculteit-sociale-wetenschappen/edit"]')]);
      assert.equal(await page.locator('#organisation-parentId option:checked').innerText(), 'Universiteit Leiden');
      await expectAccessible(page);
      await visit(page, '/en/leiden/organisations/faculteit-sociale-wetenschappen/edit');
    });
    assert.equal((await e2e.t.database.db.select().from(agreementRepresentatives)).length, 4);
    let amendmentPath = '';
    await as('lumc', async (page) => {
      for (const locale of ['nl', 'en']) {
        await visit(page, `/${locale}/leiden/agreement/amendments/new?kind=renewal`);
        await visit(page, `/${locale}/leiden/agreement/amendments/new`);
      }
      await visit(page, '/en/leiden/agreement');
      await visit(page, '/nl/leiden/agreement');
      await page.click('a[href="/nl/leiden/agreement/amendments/new"]');
      await expectAccessible(page);
      await page.fill('#proposal-title_nl', 'Looptijd verlengd');
      await page.fill('#proposal-title_en', 'Longer term');
      await page.fill('#proposal-reason_nl', 'De samenwerking loopt goed.');
      await page.fill('#proposal-reason_en', 'The cooperation works well.');
      // In steps: choose the article, change its text, check the changes, submit.
      await page.check('#proposal-article-duration');
      await page.click('button[name=step][value=edit]');
      await page.waitForSelector('#proposal-body_duration_nl');
      await expectAccessible(page);
      await page.fill('#proposal-body_duration_nl', 'Deze overeenkomst geldt voor onbepaalde tijd.');
      await page.fill('#proposal-body_duration_en', 'This agreement applies for an indefinite period.');
      await page.click('button[name=step][value=check]');
      await page.waitForSelector('.ks-confirm');
      assert.match(await page.locator('h1').innerText(), /Voorstel controleren: Looptijd verlengd/);
      assert.ok((await page.locator('ins').count()) > 0, 'the check shows the changes');
      await expectAccessible(page);
      await Promise.all([page.waitForURL(/\/amendments\/\d+$/), page.click('.ks-confirm button[type=submit]:not([name])')]);
      amendmentPath = new URL(page.url()).pathname.replace(/^\/nl/, '');
      assert.match(await page.textContent('#amendment-state') ?? '', /Wacht op antwoord van 4 partijen/);
      assert.ok((await page.locator('ins').count()) > 0);
      await expectAccessible(page);
      await Promise.all([page.waitForURL(/\/amendments\/\d+$/), page.click('button[name=answer][value=consent]')]);
    });
    // The public does not see a pending proposal: a visitor is asked to sign in first (the same
    // answer as for a proposal that does not exist), and after login a representative lands on it.
    const anonymous = await e2e.newPage();
    await anonymous.goto(`${e2e.baseUrl}/nl${amendmentPath}`);
    assert.equal(new URL(anonymous.url()).pathname, '/nl/login');
    assert.equal(new URL(anonymous.url()).searchParams.get('next'), `/nl${amendmentPath}`);

    for (const slug of ['universiteit-leiden', 'hogeschool-leiden'] as const) {
      await as(slug, async (page) => {
        await visit(page, `/en${amendmentPath}`);
        await Promise.all([page.waitForURL(/\/amendments\/\d+$/), page.click('button[name=answer][value=consent]')]);
      });
    }
    await as('gemeente-leiden', async (page) => {
      await visit(page, `/nl${amendmentPath}`);
      await page.fill('input[name=note]', 'Eerst bespreken in de stuurgroep');
      await Promise.all([page.waitForURL(/\/amendments\/\d+$/), page.click('button[name=answer][value=objection]')]);
      assert.match(await page.textContent('#amendment-state') ?? '', /Geblokkeerd/);
      await expectAccessible(page);
      await Promise.all([page.waitForURL(/\/amendments\/\d+$/), page.click('form[action$="/withdraw"] button')]);
      assert.match(await page.textContent('#amendment-state') ?? '', /Wacht op antwoord van 1 partij/);
      await expectAccessible(page);
      await Promise.all([page.waitForURL(/\/amendments\/\d+$/), page.click('button[name=answer][value=consent]')]);
      assert.match(await page.textContent('#amendment-state') ?? '', /Alle partijen stemmen in/);
    });
    await as('coordinator', async (page) => {
      await visit(page, `/en${amendmentPath}`);
      await page.click('form[action$="/adopt"] button');
      await page.waitForSelector('.ks-confirm');
      assert.match(await page.locator('.ks-confirm').innerText(), /Version 2 of the agreement becomes the text in force/);
      await expectAccessible(page);
      await Promise.all([page.waitForURL(/\/amendments\/\d+$/), page.click('.ks-confirm button[type=submit]:not([name])')]);
      assert.match(await page.textContent('#amendment-state') ?? '', /Adopted/);
      assert.match(await page.locator('main').innerText(), /Every party|Consents/);
      await expectAccessible(page);
      for (const locale of ['nl', 'en']) {
        await visit(page, `/${locale}/leiden/agreement/representatives`);
        await visit(page, `/${locale}/leiden/dashboard`);
        await visit(page, `/${locale}/leiden/fund`);
      }
    });

    // Published for everyone, in both languages.
    const nl = await anonymous.goto(`${e2e.baseUrl}/nl/leiden/agreement`);
    assert.equal(nl?.status(), 200);
    assert.match((await anonymous.content()), /Deze overeenkomst geldt voor onbepaalde tijd\./);
    assert.match((await anonymous.content()), /versie 2/);
    await expectAccessible(anonymous);
    await anonymous.goto(`${e2e.baseUrl}/en/leiden/agreement`);
    assert.match((await anonymous.content()), /This agreement applies for an indefinite period\./);
    await expectAccessible(anonymous);
    for (const locale of ['nl', 'en']) {
      for (const path of [amendmentPath, '/leiden/agreement/versions/1', '/leiden/agreement/versions/2', '/leiden/agreement/compare?from=1&to=2']) {
        const response = await anonymous.goto(`${e2e.baseUrl}/${locale}${path}`);
        assert.equal(response?.status(), 200, `${locale}${path}`);
        await expectAccessible(anonymous);
      }
    }
    await anonymous.close();
  });
});
