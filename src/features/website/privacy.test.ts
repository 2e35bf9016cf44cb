import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { auditEvents } from '../../db/schema.ts';
import { privacyStatements } from './tables.ts';

const PAGE = '/nl/leiden/privacy';
const EDIT = '/nl/leiden/manage/website/privacy';

for (const mode of databaseModes()) {
  describe(`privacy statement (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session & { userId: string };
    before(async () => {
      t = await startTestApp(mode);
      coordinator = await loginAs(t, { role: 'coordinator' });
    });
    after(async () => t.close());

    const get = (url: string, session?: Session) => t.app.inject({ url, headers: session ? { cookie: session.cookie } : {} });
    const post = (session: Session, fields: Record<string, string>) => t.app.inject({ method: 'POST', url: EDIT, headers: { cookie: session.cookie }, payload: { ...fields, _csrf: session.csrf } });
    const filled = (version: string, extra: Record<string, string> = {}) => ({
      controller_nl: 'Gemeente Leiden, Stadhuisplein 1, 2311 EJ Leiden',
      controller_en: 'Municipality of Leiden, Stadhuisplein 1, 2311 EJ Leiden',
      contact_nl: 'privacy@leiden.nl',
      retention_nl: 'Accounts: tot een jaar na het laatste gebruik.',
      processing_nl: '',
      processing_en: '',
      version,
      ...extra,
    });

    test('before anything is filled in: the prefilled statement with visible placeholders, linked from every footer', async () => {
      const nl = await get(PAGE);
      assert.equal(nl.statusCode, 200);
      assert.match(nl.body, /<h1 class="utrecht-heading-1">Privacyverklaring<\/h1>/);
      assert.match(nl.body, /<meta name="description" content="Welke persoonsgegevens/);
      for (const placeholder of ['naam en adres van de organisatie', 'contactgegevens voor privacyvragen', 'hoe lang accounts']) {
        assert.match(nl.body, new RegExp(`class="utrecht-paragraph ks-placeholder">\\[Nog in te vullen: ${placeholder}`), placeholder);
      }
      // What Kennisstad stores, from the schema: accounts, contact persons, sessions, the audit log, files.
      for (const heading of ['Accounts', 'Contactpersonen', 'Sessies en inlogpogingen', 'Logboek van wijzigingen', 'Bestanden en e-mail']) assert.match(nl.body, new RegExp(`<h3[^>]*>${heading}</h3>`), heading);
      assert.match(nl.body, /IP-adres/);
      assert.match(nl.body, /Autoriteit Persoonsgegevens/);
      const en = await get('/en/leiden/privacy');
      assert.match(en.body, /\[To be filled in: name and address/);
      assert.match(en.body, /<h3[^>]*>Log of changes<\/h3>/);
      for (const url of ['/nl/leiden', '/en/leiden/projects', '/nl/leiden/contact']) assert.match((await get(url)).body, /<a [^>]*href="\/(nl|en)\/leiden\/privacy">Privacy<\/a>/, url);
      assert.match((await get('/sitemap.xml')).body, /\/nl\/leiden\/privacy</);
      assert.equal((await get('/nl/onbekend/privacy')).statusCode, 404);
    });

    test('only the coordinator edits; the form comes prefilled with what Kennisstad stores', async () => {
      const lead = await loginAs(t, { role: 'lead', project: '3a' });
      assert.equal((await get(EDIT, lead)).statusCode, 403);
      assert.equal((await post(lead, filled('1'))).statusCode, 403);
      assert.equal((await get(EDIT)).statusCode, 303, 'anonymous: to the login page');
      const form = await get(EDIT, coordinator);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<textarea[^>]*name="processing_nl"[^>]*>### Accounts/);
      assert.match(form.body, /<textarea[^>]*name="processing_en"[^>]*>### Accounts/);
      assert.match(form.body, /name="version" value="1"/);
    });

    test('a save fills the placeholders, writes an audit row and empties the cached page; a stale form is a conflict', async () => {
      await get(PAGE); // cached
      const saved = await post(coordinator, filled('1', { processing_nl: 'Wij bewaren alleen namen.' }));
      assert.equal(saved.statusCode, 303, saved.body);
      const page = (await get(PAGE)).body;
      assert.match(page, /Gemeente Leiden, Stadhuisplein 1/);
      assert.match(page, /privacy@leiden.nl/);
      assert.match(page, /Wij bewaren alleen namen\./);
      assert.doesNotMatch(page, /Nog in te vullen/);
      // English: the controller in English; the contact falls back to Dutch, marked as such; the
      // statement of what is stored is still the shipped English text.
      const en = (await get('/en/leiden/privacy')).body;
      assert.match(en, /Municipality of Leiden/);
      assert.match(en, /<div class="ks-prose ks-fallback" lang="nl"><p class="utrecht-paragraph"><a href="mailto:privacy@leiden.nl"/);
      assert.match(en, /<h3[^>]*>Accounts<\/h3>/);

      const [row] = await t.database.db.select().from(privacyStatements);
      assert.equal(row!.version, 2);
      assert.deepEqual(row!.processing, { nl: 'Wij bewaren alleen namen.' }, 'the unchanged shipped English text is not stored');
      const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.objectType, 'privacy_statement'), eq(auditEvents.action, 'privacy_statement.update')));
      assert.equal(audit.length, 1);

      // A form opened at version 1 is now stale: refused, nothing written, the saved text shown.
      const stale = await post(coordinator, filled('1', { controller_nl: 'Iemand anders' }));
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, /Iemand anders heeft de privacyverklaring opgeslagen/);
      assert.match(stale.body, /name="version" value="2"/);
      const [after] = await t.database.db.select().from(privacyStatements);
      assert.equal(after!.controller.nl, 'Gemeente Leiden, Stadhuisplein 1, 2311 EJ Leiden');

      // Invalid input (no version, too long) is shown again with what was typed.
      const bad = await post(coordinator, { controller_nl: 'x'.repeat(5000) });
      assert.equal(bad.statusCode, 400);

      // Emptying a field brings its placeholder back.
      assert.equal((await post(coordinator, filled('2', { retention_nl: '' }))).statusCode, 303);
      assert.match((await get(PAGE)).body, /\[Nog in te vullen: hoe lang accounts/);
    });
  });
}
