// In a real browser: the lead of project 3a uploads an attachment through the form on the project
// page (a real multipart post from Chromium), sees it listed and downloads it; a wrong file type
// gives the form back with the error; the coordinator sets the programme logo in the theme editor
// and the page header shows it. axe checks the pages in Dutch and English.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildUser, TEST_PASSWORD } from '../support/app.ts';
import { browserLogin, chromiumAvailable, expectAccessible, useBrowserApp } from '../support/browser.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('files: attachments and the logo uploaded in Chromium', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp({}, { leiden: 'running' });
  // A running programme on today's date: Leiden's parties renewed its agreement twice (to 2032).
  let email: string;
  let coordinator: string;

  before(async () => {
    email = (await buildUser(e2e.t, { role: 'lead', project: '3a', name: 'Lia Lead' })).email;
    coordinator = (await buildUser(e2e.t, { role: 'coordinator', name: 'Coco Coordinator' })).email;
  });

  test('the lead uploads a PDF through the project page form; a PNG named .pdf comes back with the error', async () => {
    const page = await e2e.newPage({ acceptDownloads: true });
    try {
      await browserLogin(page, e2e.baseUrl, email, TEST_PASSWORD);
      for (const locale of ['en', 'nl'] as const) {
        assert.equal((await page.goto(`${e2e.baseUrl}/${locale}/leiden/projects/3a`))?.status(), 200);
        await page.click('.ks-attachments summary');
        await expectAccessible(page);
      }

      await page.setInputFiles('.ks-attachments input[type=file]', { name: 'Plan van aanpak.pdf', mimeType: 'application/pdf', buffer: PDF });
      const [uploaded] = await Promise.all([page.waitForNavigation(), page.click('.ks-attachments form[enctype] button[type=submit]')]);
      assert.equal(uploaded?.status(), 200);
      assert.equal(page.url(), `${e2e.baseUrl}/nl/leiden/projects/3a`);
      const link = page.locator('.ks-attachments a', { hasText: 'Plan van aanpak.pdf' });
      assert.equal(await link.count(), 1);
      await expectAccessible(page);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      assert.equal(download.suggestedFilename(), 'Plan van aanpak.pdf');

      // A wrong type: the upload page answers with the form and the message, in both languages.
      for (const locale of ['nl', 'en'] as const) {
        await page.goto(`${e2e.baseUrl}/${locale}/leiden/projects/3a`);
        await page.click('.ks-attachments summary');
        await page.setInputFiles('.ks-attachments input[type=file]', { name: 'foto.pdf', mimeType: 'application/pdf', buffer: PNG });
        const [response] = await Promise.all([page.waitForNavigation(), page.click('.ks-attachments form[enctype] button[type=submit]')]);
        assert.equal(response?.status(), 400);
        const error = await page.locator('.ks-error').innerText();
        assert.match(error, locale === 'nl' ? /past niet bij de inhoud/ : /does not match its content/);
        assert.equal(await page.getAttribute('input[type=file]', 'aria-invalid'), 'true');
        await expectAccessible(page);
      }
    } finally {
      await page.context().close();
    }
  });

  test('the coordinator uploads the programme logo in the theme editor; the page header shows it with its alt text', async () => {
    const page = await e2e.newPage();
    try {
      await browserLogin(page, e2e.baseUrl, coordinator, TEST_PASSWORD);
      for (const locale of ['en', 'nl'] as const) {
        assert.equal((await page.goto(`${e2e.baseUrl}/${locale}/leiden/manage/website/theme`))?.status(), 200);
        await expectAccessible(page);
      }
      const form = 'section[aria-labelledby=logo-heading] form[enctype]';
      await page.setInputFiles(`${form} input[type=file]`, { name: 'logo.png', mimeType: 'image/png', buffer: PNG });
      await page.fill(`${form} input[name=alt_nl]`, 'Logo van Kennisstad Leiden');
      await page.fill(`${form} input[name=alt_en]`, 'Kennisstad Leiden logo');
      const [response] = await Promise.all([page.waitForNavigation(), page.click(`${form} button[type=submit]`)]);
      assert.equal(response?.status(), 200);
      for (const locale of ['nl', 'en'] as const) {
        await page.goto(`${e2e.baseUrl}/${locale}/leiden`);
        const logo = page.locator('header img.ks-logo');
        assert.equal(await logo.getAttribute('alt'), locale === 'nl' ? 'Logo van Kennisstad Leiden' : 'Kennisstad Leiden logo');
        assert.ok(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the logo image loads');
        await expectAccessible(page);
      }
    } finally {
      await page.context().close();
    }
  });
});
