// Single sign-on settings and the callback's refusals over HTTP, on both databases. The flow with a
// real provider is in test/e2e/sso.e2e.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { anonymous, loginAs, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { auditEvents } from '../../db/schema.ts';
import { boxFor } from './secret-box.ts';
import { ssoProviders } from './tables.ts';

for (const mode of databaseModes()) {
  describe(`single sign-on settings (${mode})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(mode);
    });
    after(async () => t?.close());

    // The issuer is on loopback where nothing listens: discovery fails at once, no traffic leaves.
    const valid = { name: 'Universiteit Leiden', issuer: 'http://127.0.0.1:9/realms/staff', clientId: 'kennisstad', clientSecret: 'first-secret', allowedDomains: 'leiden.example, lumc.example', domainOrganisations: 'lumc.example = lumc', enabled: 'yes' };
    const save = (session: { cookie: string; csrf: string }, form: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/en/leiden/admin/sso', headers: { cookie: session.cookie }, payload: { _csrf: session.csrf, ...form } });

    test('only an administrator sets it; bad input comes back with messages; the secret is sealed and kept when left empty', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      assert.equal((await t.app.inject({ url: '/nl/leiden/admin/sso', headers: { cookie: coordinator.cookie } })).statusCode, 403);
      assert.equal((await save(coordinator, valid)).statusCode, 403);
      const admin = await loginAs(t, { role: 'admin' });
      const page = await t.app.inject({ url: '/en/leiden/admin/sso', headers: { cookie: admin.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /http:\/\/localhost\/nl\/login\/sso\/callback/);

      const bad = await save(admin, { ...valid, issuer: 'http://login.leiden.example', allowedDomains: 'not a domain!', domainOrganisations: 'lumc.example = nowhere', clientSecret: '' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Enter an https address/);
      assert.match(bad.body, /not a valid domain/);
      assert.match(bad.body, /Fill in this field/, 'a first save needs the secret');
      assert.match(bad.body, /value="Universiteit Leiden"/, 'what was typed is kept');
      const unknownOrg = await save(admin, { ...valid, domainOrganisations: 'lumc.example = nowhere' });
      assert.equal(unknownOrg.statusCode, 400);
      assert.match(unknownOrg.body, /short name of an organisation/);
      assert.equal((await t.database.db.select().from(ssoProviders)).length, 0, 'nothing saved');

      const ok = await save(admin, valid);
      assert.equal(ok.statusCode, 303);
      const [first] = await t.database.db.select().from(ssoProviders);
      assert.ok(first && !first.clientSecret.includes('first-secret'));
      assert.equal(boxFor(t.config).open(first.clientSecret), 'first-secret');
      const again = await t.app.inject({ url: '/en/leiden/admin/sso?saved=1', headers: { cookie: admin.cookie } });
      assert.doesNotMatch(again.body, /first-secret/, 'the secret is never shown');
      assert.match(again.body, /lumc\.example = lumc/);
      // Saved again without a secret: the stored one stays.
      assert.equal((await save(admin, { ...valid, name: 'Leiden', clientSecret: '' })).statusCode, 303);
      const [second] = await t.database.db.select().from(ssoProviders);
      assert.equal(second!.name, 'Leiden');
      assert.equal(boxFor(t.config).open(second!.clientSecret), 'first-secret');
      const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'sso.configure'), eq(auditEvents.actorUserId, admin.userId)));
      assert.equal(audit.length, 2);
      assert.doesNotMatch(JSON.stringify(audit), /first-secret/, 'the audit trail holds no secret');

      // The login page offers it; a sign-on whose provider cannot be reached ends on a clear page.
      const login = await t.app.inject({ url: '/nl/login' });
      assert.match(login.body, /Inloggen met Leiden/);
      assert.match(login.body, /href="\/nl\/login\/sso\/leiden"/);
      const unreachable = await t.app.inject({ url: '/nl/login/sso/leiden' });
      assert.equal(unreachable.statusCode, 503);
      assert.match(unreachable.body, /niet bereikbaar/);
      // Switched off: gone from the login page, and its start answers 404.
      assert.equal((await save(admin, { ...valid, enabled: '', clientSecret: '' })).statusCode, 303);
      assert.doesNotMatch((await t.app.inject({ url: '/nl/login' })).body, /Inloggen met/);
      assert.equal((await t.app.inject({ url: '/nl/login/sso/leiden' })).statusCode, 404);
    });

    test('the account page links an administrator to the settings, in both languages; a coordinator sees no link', async () => {
      const admin = await loginAs(t, { role: 'admin' });
      const nl = await t.app.inject({ url: '/nl/account', headers: { cookie: admin.cookie } });
      assert.equal(nl.statusCode, 200);
      assert.match(nl.body, /<a class="utrecht-link" href="\/nl\/leiden\/admin\/sso">Instellingen voor inloggen via de eigen organisatie \(SSO\)<\/a>/);
      const en = await t.app.inject({ url: '/en/account', headers: { cookie: admin.cookie } });
      assert.match(en.body, /<a class="utrecht-link" href="\/en\/leiden\/admin\/sso">Single sign-on settings \(SSO\)<\/a>/);
      assert.equal((await t.app.inject({ url: '/en/leiden/admin/sso', headers: { cookie: admin.cookie } })).statusCode, 200, 'the link leads to the page');

      const coordinator = await loginAs(t, { role: 'coordinator' });
      for (const locale of ['nl', 'en']) {
        const page = await t.app.inject({ url: `/${locale}/account`, headers: { cookie: coordinator.cookie } });
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /leiden/, 'the coordinator’s role is listed');
        assert.doesNotMatch(page.body, /admin\/sso/, 'no link for a coordinator');
      }
    });

    test('a callback without a pending sign-on of this browser gets a clear page, never a 500', async () => {
      const visitor = await anonymous(t);
      for (const query of ['', '?code=abc&state=xyz', '?error=access_denied']) {
        const response = await t.app.inject({ url: `/en/login/sso/callback${query}`, headers: { cookie: `${visitor.cookie}; ks_sso=${'x'.repeat(43)}` } });
        assert.equal(response.statusCode, 400);
        assert.match(response.body, /took too long or was started in another browser/);
        assert.equal(response.cookies.find((c) => c.name === 'ks_session'), undefined);
      }
    });
  });
}
