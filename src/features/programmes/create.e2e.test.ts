// In a real browser: an administrator creates a second programme from nothing through the
// interface (parties with signatories, term, themes, criteria from the Leiden model, the steering
// group's two levels, the agreement imported from a .docx made here and split into articles that
// the administrator adjusts), then adds a project and a meeting in it and sees it listed on the
// installation home. axe checks the new pages in Dutch and English, also with problems shown.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import type { Page } from 'playwright-core';
import { buildUser, TEST_PASSWORD } from '../../../test/support/app.ts';
import { browserLogin, chromiumAvailable, expectAccessible, useBrowserApp } from '../../../test/support/browser.ts';

describe('an administrator creates a programme in Chromium', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp();
  let page: Page;
  let dir: string;
  before(async () => {
    const admin = await buildUser(e2e.t, { role: 'admin', name: 'Beheerder' });
    page = await e2e.newPage();
    await browserLogin(page, e2e.baseUrl, admin.email, TEST_PASSWORD);
    dir = mkdtempSync(join(tmpdir(), 'ks-programme-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const open = (step: string) => page.locator(`#step-${step} > summary`).click();
  async function press(label: string) {
    await Promise.all([page.waitForNavigation(), page.click(`button:has-text("${label}")`)]);
  }

  test('from nothing to a running programme with a project and a meeting, listed on the home', async () => {
    // Found through the management menu of the programme the administrator is in.
    await page.goto(`${e2e.baseUrl}/nl/leiden/dashboard`);
    await Promise.all([page.waitForNavigation(), page.click('nav a[href="/nl/leiden/manage/programmes/new"]')]);
    for (const locale of ['en', 'nl']) {
      await page.goto(`${e2e.baseUrl}/${locale}/leiden/manage/programmes/new`);
      await expectAccessible(page);
    }

    await page.fill('#programme-city', 'Delft');
    await page.fill('#programme-name_nl', 'Delft Kennisstad');
    await page.fill('#programme-name_en', 'Delft Knowledge City');
    await page.fill('#programme-startOn', '2026-06-01');
    await page.fill('#programme-termYears', '4');
    await open('parties');
    const parties = [
      ['Gemeente Delft', 'municipality', 'A. Jansen', 'burgemeester'],
      ['TU Delft', 'university', 'B. de Vries', 'rector magnificus'],
      ['Haagse Hogeschool', 'applied_sciences', 'C. Bakker', 'voorzitter college van bestuur'],
    ];
    for (const [i, [name, kind, signatory, role]] of parties.entries()) {
      await page.fill(`#programme-party${i}_name`, name!);
      await page.selectOption(`#programme-party${i}_kind`, kind!);
      await page.fill(`#programme-party${i}_signatory`, signatory!);
      await page.fill(`#programme-party${i}_role`, role!);
    }
    await open('themes');
    await page.fill('#programme-theme0_nl', 'Campus en stad');
    await page.fill('#programme-theme0_en', 'Campus and city');
    await page.fill('#programme-theme1_nl', 'Talent');
    await open('bodies');
    await page.fill('#programme-executive_nl', 'Bestuurlijke stuurgroep');
    await page.fill('#programme-executive_en', 'Executive steering group');
    await page.fill('#programme-executive_min', '2');
    await page.fill('#programme-executive_max', '3');
    await page.fill('#programme-support_nl', 'Ambtelijke stuurgroep');
    await page.fill('#programme-support_min', '4');
    await page.fill('#programme-support_max', '6');

    // The criteria: Leiden's a-f as a model, then adjusted (three parties, not two).
    await open('criteria');
    await press('Vul lege rijen met de criteria a-f van Leiden als voorbeeld');
    assert.equal(await page.inputValue('#programme-criterion0_min'), '2');
    assert.equal(await page.inputValue('#programme-party2_name'), 'Haagse Hogeschool');
    await page.fill('#programme-criterion0_nl', 'er is sprake van een belang van drie of meer van de deelnemende partijen;');
    await page.fill('#programme-criterion0_min', '3');
    await page.selectOption('#programme-criterion4_check', 'arrangements');

    // The agreement from a .docx: split, adjusted, then saved.
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('De partijen Gemeente Delft, TU Delft en Haagse Hogeschool komen het volgende overeen.'),
            new Paragraph({ text: 'Artikel 1 Doel', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('Samen werken aan Delft als kennisstad.'),
            new Paragraph({ text: 'Artikel 2 Looptijd', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('Vier jaar, met verlenging.'),
          ],
        },
      ],
    });
    const file = join(dir, 'overeenkomst-delft.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    await open('agreement');
    await page.setInputFiles('#programme-agreementFile', file);
    await press('Splits in artikelen');
    assert.match((await page.textContent('main')) ?? '', /gesplitst in 3 artikelen/);
    assert.equal(await page.inputValue('#programme-article1_title'), 'Doel');
    await page.fill('#programme-article0_title', 'Partijen');
    await expectAccessible(page);

    // A problem first: the term left out; the page says so next to the field and keeps the rest.
    await open('programme');
    await page.fill('#programme-termYears', '');
    await press('Programma opslaan');
    assert.match((await page.textContent('#programme-termYears-error')) ?? '', /Geef een getal van 1 tot en met 50/);
    assert.equal(await page.inputValue('#programme-article0_title'), 'Partijen');
    await expectAccessible(page);
    await page.fill('#programme-termYears', '4');
    await press('Programma opslaan');
    assert.match((await page.textContent('main')) ?? '', /Het programma Delft Kennisstad is aangemaakt/);
    await expectAccessible(page);

    // The agreement as adjusted, on the new programme's public page.
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Naar het programma")')]);
    assert.equal(new URL(page.url()).pathname, '/nl/delft-kennisstad');
    await page.goto(`${e2e.baseUrl}/nl/delft-kennisstad/agreement`);
    const agreement = (await page.textContent('main')) ?? '';
    assert.match(agreement, /Partijen/);
    assert.match(agreement, /Samen werken aan Delft als kennisstad/);

    // A project in it: the administrator proposes one with a party as lead.
    await page.goto(`${e2e.baseUrl}/nl/delft-kennisstad/proposals/new`);
    await page.fill('#proposal-title_nl', 'Delftse zomerschool');
    await page.fill('#proposal-goal_nl', 'Een zomerschool voor scholieren uit de regio');
    await page.selectOption('#proposal-leadOrganisationId', { label: 'TU Delft' });
    await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
    assert.match(new URL(page.url()).pathname, /^\/nl\/delft-kennisstad\/projects\/[^/]+\/admission$/, (await page.locator('.ks-error, [role=alert]').allTextContents()).join(' | '));

    // A meeting of its executive steering group.
    const response = await page.goto(`${e2e.baseUrl}/nl/delft-kennisstad/bodies/executive/meetings/new`);
    assert.equal(response?.status(), 200);
    await page.fill('#plan-date', '2027-02-10');
    await page.fill('#plan-startTime', '14:00');
    await page.fill('#plan-endTime', '16:00');
    await page.fill('#plan-location', 'Stadhuis Delft');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/bodies/executive/meetings"] button[type=submit]')]);
    assert.match(new URL(page.url()).pathname, /^\/nl\/delft-kennisstad\/meetings\/[0-9a-f-]{36}$/);

    // The installation home lists both programmes.
    for (const locale of ['nl', 'en']) {
      await page.goto(`${e2e.baseUrl}/${locale}`);
      assert.equal(await page.locator(`main a[href="/${locale}/delft-kennisstad"]`).count(), 1, locale);
      assert.equal(await page.locator(`main a[href="/${locale}/leiden"]`).count(), 1, locale);
    }
  });

  test('without JavaScript: the steps open, the text is split and the programme saved', async () => {
    const admin = await buildUser(e2e.t, { role: 'admin', name: 'Beheerder zonder JavaScript' });
    const plain = await e2e.newPage({ javaScriptEnabled: false });
    await browserLogin(plain, e2e.baseUrl, admin.email, TEST_PASSWORD);
    await plain.goto(`${e2e.baseUrl}/en/leiden/manage/programmes/new`);
    await plain.fill('#programme-city', 'Rijswijk');
    await plain.fill('#programme-name_en', 'Rijswijk Knowledge City');
    await plain.fill('#programme-slug', 'rijswijk');
    await plain.fill('#programme-startOn', '2026-09-01');
    await plain.fill('#programme-termYears', '3');
    await plain.locator('#step-parties > summary').click();
    for (const [i, name] of ['Municipality of Rijswijk', 'Rijswijk College'].entries()) {
      await plain.fill(`#programme-party${i}_name`, name);
      await plain.fill(`#programme-party${i}_signatory`, `Signatory ${i + 1}`);
      await plain.fill(`#programme-party${i}_role`, 'mayor');
    }
    await plain.locator('#step-agreement > summary').click();
    await plain.fill('#programme-agreementText', '# Purpose\nWorking together.\n\n# Term\nThree years.');
    await Promise.all([plain.waitForNavigation(), plain.click('button:has-text("Split into articles")')]);
    assert.equal(await plain.inputValue('#programme-article1_title'), 'Term');
    await Promise.all([plain.waitForNavigation(), plain.click('button:has-text("Save programme")')]);
    assert.match((await plain.textContent('main')) ?? '', /The programme Rijswijk Knowledge City was created/);
  });
});
