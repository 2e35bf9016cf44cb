import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { databaseModes } from '../../../test/support/database.ts';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { leiden } from '../../seed/leiden.ts';

for (const mode of databaseModes()) {
  describe(`portfolio pages (${mode})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(mode);
    });
    after(async () => t.close());

    test('/ follows Accept-Language, Dutch by default', async () => {
      const english = await t.app.inject({ url: '/', headers: { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' } });
      assert.equal(english.statusCode, 302);
      assert.equal(english.headers.location, '/en');
      const dutch = await t.app.inject({ url: '/', headers: { 'accept-language': 'de-DE, nl;q=0.8' } });
      assert.equal(dutch.headers.location, '/nl');
      const none = await t.app.inject({ url: '/' });
      assert.equal(none.headers.location, '/nl');
      const single = await t.app.inject({ url: '/en' });
      assert.equal(single.headers.location, '/en/leiden');
    });

    test('home lists every theme and every item of the agreement in both languages', async () => {
      for (const locale of ['nl', 'en'] as const) {
        const response = await t.app.inject({ url: `/${locale}/leiden` });
        assert.equal(response.statusCode, 200);
        assert.match(response.body, new RegExp(`<html lang="${locale}"`));
        for (const project of leiden.projects) {
          assert.ok(response.body.includes(`/${locale}/leiden/projects/${project.code}"`), `home links ${project.code}`);
        }
        for (const theme of leiden.themes) assert.ok(response.body.includes(escapeHtml(theme.title[locale]!)), `theme ${theme.code} in ${locale}`);
      }
    });

    test('every project page shows its lead, partners, intended partners and actions in Dutch and English', async () => {
      const orgName = new Map(leiden.organisations.map((o) => [o.slug, o.name]));
      for (const project of leiden.projects) {
        for (const locale of ['nl', 'en'] as const) {
          const response = await t.app.inject({ url: `/${locale}/leiden/projects/${project.code}` });
          assert.equal(response.statusCode, 200, `${project.code} ${locale}`);
          const body = response.body;
          assert.ok(body.includes(escapeHtml(project.title[locale]!)), `${project.code} title ${locale}`);
          for (const partner of project.partners) {
            assert.ok(body.includes(escapeHtml(orgName.get(partner.organisation)![locale]!)), `${project.code} partner ${partner.organisation} ${locale}`);
          }
          for (const action of project.actions) {
            assert.ok(body.includes(escapeHtml(action.description[locale]!)), `${project.code} action in ${locale}`);
          }
        }
      }
    });

    test('an organisation page lists its roles; the partners page lists every organisation', async () => {
      const response = await t.app.inject({ url: '/en/leiden/organisations/lumc' });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /\/en\/leiden\/projects\/2c"/);
      assert.match(response.body, /\/en\/leiden\/projects\/4c"/);
      const list = await t.app.inject({ url: '/nl/leiden/organisations' });
      for (const organisation of leiden.organisations) assert.ok(list.body.includes(`/nl/leiden/organisations/${organisation.slug}"`), organisation.slug);
    });

    test('unknown pages answer 404 in the reader language', async () => {
      const project = await t.app.inject({ url: '/en/leiden/projects/9z' });
      assert.equal(project.statusCode, 404);
      assert.match(project.body, /Page not found/);
      const programme = await t.app.inject({ url: '/nl/utrecht' });
      assert.equal(programme.statusCode, 404);
      assert.match(programme.body, /Pagina niet gevonden/);
      const language = await t.app.inject({ url: '/de/leiden' });
      assert.equal(language.statusCode, 404);
      const trailing = await t.app.inject({ url: '/nl/leiden/projects/' });
      assert.equal(trailing.statusCode, 404);
    });

    test('the language switch points at the same page in the other language', async () => {
      const response = await t.app.inject({ url: '/nl/leiden/projects/3a' });
      assert.match(response.body, /href="\/en\/leiden\/projects\/3a" hrefLang="en" lang="en">English</i);
      assert.match(response.body, /rel="alternate" hrefLang="en" href="http:\/\/localhost\/en\/leiden\/projects\/3a"/i);
    });

    test('security headers are set on every page', async () => {
      const response = await t.app.inject({ url: '/nl/leiden' });
      const csp = String(response.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /object-src 'none'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    });

    test('health and readiness', async () => {
      assert.equal((await t.app.inject({ url: '/healthz' })).statusCode, 200);
      const ready = await t.app.inject({ url: '/readyz' });
      assert.equal(ready.statusCode, 200);
      assert.equal(ready.json().database, mode);
    });
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
