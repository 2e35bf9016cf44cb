import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { anonymous, buildUser, login, startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/support/app.ts';
import { auditEvents, sessions } from '../../db/schema.ts';
import { hashToken } from './sessions.ts';

for (const mode of databaseModes()) {
  describe(`accounts and sessions (${mode})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(mode, { secureCookies: true });
    });
    after(async () => t.close());

    async function postLogin(email: string, password: string, extra: Record<string, string> = {}, visitor?: { cookie: string; csrf: string }) {
      const v = visitor ?? (await anonymous(t));
      return t.app.inject({ method: 'POST', url: '/nl/login', headers: { cookie: v.cookie }, payload: { email, password, _csrf: v.csrf, ...extra } });
    }

    test('login sets a new HttpOnly, SameSite=Lax, Secure session cookie and lands on the next page', async () => {
      // A role without two-step login (administrators and coordinators enrol first: security.test.ts).
      const user = await buildUser(t, { role: 'support' });
      const response = await postLogin(user.email.toUpperCase(), TEST_PASSWORD, { next: '/nl/leiden/projects/1a' });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/nl/leiden/projects/1a');
      const cookie = response.cookies.find((c) => c.name === 'ks_session')!;
      assert.ok(cookie);
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.equal(cookie.secure, true);
      const [stored] = await t.database.db.select().from(sessions).where(eq(sessions.id, hashToken(cookie.value)));
      assert.ok(stored, 'the database keeps only the hash of the cookie value');
      const account = await t.app.inject({ url: '/en/account', headers: { cookie: `ks_session=${cookie.value}` } });
      assert.equal(account.statusCode, 200);
      assert.match(account.body, /Support steering group member/);
    });

    test('a wrong password or unknown account gets one message in the user language, and no session', async () => {
      const user = await buildUser(t);
      const wrong = await postLogin(user.email, 'not the password at all');
      assert.equal(wrong.statusCode, 401);
      assert.match(wrong.body, /Het e-mailadres of wachtwoord klopt niet/);
      assert.equal(wrong.cookies.find((c) => c.name === 'ks_session'), undefined);
      const unknown = await postLogin('nobody@example.org', 'whatever password');
      assert.equal(unknown.statusCode, 401);
      const empty = await postLogin('', '');
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Vul dit veld in/);
    });

    test('login is throttled after repeated failures, even with the right password', async () => {
      const user = await buildUser(t);
      for (let i = 0; i < 5; i++) assert.equal((await postLogin(user.email, `wrong password ${i}`)).statusCode, 401);
      const blocked = await postLogin(user.email, TEST_PASSWORD);
      assert.equal(blocked.statusCode, 429);
      assert.match(blocked.body, /Te veel mislukte pogingen/);
      assert.equal(blocked.headers['retry-after'], String(15 * 60), 'says when to try again: when the 15-minute window has passed');
      // A link that matches nothing, tried too often, says so too.
      let linkAnswer = 0;
      let retryAfter: unknown;
      for (let i = 0; i < 60 && linkAnswer !== 429; i++) {
        // From an address of its own, so the other tests' links are not throttled.
        const response = await t.app.inject({ url: `/nl/password/reset/${'x'.repeat(40)}${i}`, remoteAddress: '203.0.113.9' });
        linkAnswer = response.statusCode;
        retryAfter = response.headers['retry-after'];
      }
      assert.equal(linkAnswer, 429);
      assert.equal(retryAfter, String(15 * 60));
    });

    test('a form without the CSRF token is refused and changes nothing', async () => {
      const user = await buildUser(t);
      const visitor = await anonymous(t);
      const response = await t.app.inject({ method: 'POST', url: '/nl/login', headers: { cookie: visitor.cookie }, payload: { email: user.email, password: TEST_PASSWORD } });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /formulier is verlopen/);
      const forged = await t.app.inject({ method: 'POST', url: '/en/login', headers: { cookie: visitor.cookie }, payload: { email: user.email, password: TEST_PASSWORD, _csrf: 'x'.repeat(43) } });
      assert.equal(forged.statusCode, 403);
      assert.match(forged.body, /The form has expired/);
    });

    test('the session id rotates at login and logout ends the session on the server', async () => {
      const user = await buildUser(t);
      const first = await login(t, user.email);
      const firstToken = first.cookie.split('=')[1]!;
      // Logging in again from a signed-in browser replaces the old session.
      const second = await t.app.inject({ method: 'POST', url: '/nl/login', headers: { cookie: first.cookie }, payload: { email: user.email, password: TEST_PASSWORD, _csrf: first.csrf } });
      assert.equal(second.statusCode, 303);
      const secondToken = second.cookies.find((c) => c.name === 'ks_session')!.value;
      assert.notEqual(secondToken, firstToken);
      assert.equal((await t.database.db.select().from(sessions).where(eq(sessions.id, hashToken(firstToken)))).length, 0);
      const account = await t.app.inject({ url: '/nl/account', headers: { cookie: `ks_session=${secondToken}` } });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(account.body)![1]!;
      const logout = await t.app.inject({ method: 'POST', url: '/nl/logout', headers: { cookie: `ks_session=${secondToken}` }, payload: { _csrf: csrf } });
      assert.equal(logout.statusCode, 303);
      const after = await t.app.inject({ url: '/nl/account', headers: { cookie: `ks_session=${secondToken}` } });
      assert.equal(after.statusCode, 303, 'the old cookie no longer opens the account page');
      assert.match(String(after.headers.location), /^\/nl\/login\?next=/);
      const [logouts] = await t.database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'user.logout'));
      assert.ok((logouts?.n ?? 0) >= 1);
    });

    test('an idle session expires', async () => {
      const user = await buildUser(t);
      const session = await login(t, user.email);
      const token = session.cookie.split('=')[1]!;
      await t.database.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 2 * 3600_000) }).where(eq(sessions.id, hashToken(token)));
      const response = await t.app.inject({ url: '/nl/account', headers: { cookie: session.cookie } });
      assert.equal(response.statusCode, 303);
    });

    test('next= never redirects to another site', async () => {
      for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)']) {
        const user = await buildUser(t);
        const response = await postLogin(user.email, TEST_PASSWORD, { next });
        assert.equal(response.statusCode, 303);
        assert.equal(response.headers.location, '/nl/my-work', next);
      }
    });

    test('the account page needs a login', async () => {
      const response = await t.app.inject({ url: '/en/account' });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/en/login?next=%2Fen%2Faccount');
    });
  });
}
