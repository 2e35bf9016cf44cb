// Password reset, invitations, two-step login and the sessions page, over HTTP on both databases.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, desc, eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { anonymous, buildUser, login, loginAs, startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/support/app.ts';
import { loginFailures, sessions, users } from '../../db/schema.ts';
import { mailOutbox } from '../monitoring/tables.ts';
import { invitations, passwordResets, totpCredentials } from './tables.ts';
import { currentCode, otpauthUri, sealPlainTotpSecrets } from './totp.ts';
import { grantRole } from './commands.ts';
import { loadConfig } from '../../config.ts';
import { boxFor, parseKey, secretBox, secretKeyFor } from './secret-box.ts';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditEvents } from '../../db/schema.ts';
import { randomBytes } from 'node:crypto';

const NEW_PASSWORD = 'tulpen langs het rapenburg';

for (const mode of databaseModes()) {
  describe(`accounts security (${mode})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(mode);
    });
    after(async () => t.close());

    const cookieOf = (response: { cookies: { name: string; value: string }[] }, name: string) => response.cookies.find((c) => c.name === name)?.value;
    async function lastMailTo(to: string) {
      const [mail] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to)).orderBy(desc(mailOutbox.createdAt)).limit(1);
      return mail;
    }
    const linkIn = (body: string, path: string) => new RegExp(`http://localhost(/(?:nl|en)/${path}/[A-Za-z0-9_-]+)`).exec(body)![1]!;
    async function postForm(url: string, cookie: string, payload: Record<string, string>) {
      return t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
    }
    async function passwordStep(email: string, password = TEST_PASSWORD) {
      const v = await anonymous(t);
      const response = await postForm('/nl/login', v.cookie, { email, password, _csrf: v.csrf });
      return { response, cookie: `${v.cookie}; ks_login=${cookieOf(response, 'ks_login') ?? ''}`, csrf: v.csrf };
    }
    async function enrolThroughAccount(session: { cookie: string; csrf: string }) {
      const page = await t.app.inject({ url: '/nl/account/two-factor/enrol', headers: { cookie: session.cookie } });
      assert.equal(page.statusCode, 200);
      const secret = /id="totp-secret">([A-Z2-7]+)</.exec(page.body)![1]!;
      assert.match(page.body, /<svg/);
      const wrong = await postForm('/nl/account/two-factor/enrol', session.cookie, { _csrf: session.csrf, secret, code: '000000' });
      assert.equal(wrong.statusCode, 400);
      const ok = await postForm('/nl/account/two-factor/enrol', session.cookie, { _csrf: session.csrf, secret, code: currentCode(secret, Date.now() - 30_000) });
      assert.equal(ok.statusCode, 200);
      const codes = [...ok.body.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]!);
      assert.equal(codes.length, 10);
      return { secret, codes };
    }

    test('password reset: same answer for unknown addresses, single-use expiring link, rules enforced, sessions ended', async () => {
      const user = await buildUser(t, { name: 'Reset Person' });
      const old = await login(t, user.email);
      const v = await anonymous(t);
      const empty = await postForm('/en/password/forgot', v.cookie, { _csrf: v.csrf, email: '' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Fill in this field/);
      const unknown = await postForm('/nl/password/forgot', v.cookie, { _csrf: v.csrf, email: 'nobody-here@example.org' });
      const known = await postForm('/nl/password/forgot', v.cookie, { _csrf: v.csrf, email: user.email.toUpperCase() });
      assert.equal(unknown.statusCode, 200);
      assert.equal(known.statusCode, 200);
      assert.equal(unknown.body.replace(/name="_csrf" value="[^"]+"/, ''), known.body.replace(/name="_csrf" value="[^"]+"/, ''));
      assert.equal(await lastMailTo('nobody-here@example.org'), undefined);
      const mail = await lastMailTo(user.email);
      assert.match(mail!.body, /Beste Reset Person/);
      const link = linkIn(mail!.body, 'password/reset');
      const [stored] = await t.database.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
      assert.ok(!link.includes(stored!.tokenHash), 'only the hash is stored');
      assert.equal((await t.app.inject({ url: link })).statusCode, 200);
      const short = await postForm(link, v.cookie, { _csrf: v.csrf, password: 'te kort' });
      assert.equal(short.statusCode, 400);
      assert.match(short.body, /minstens 12 tekens/);
      const common = await postForm(link, v.cookie, { _csrf: v.csrf, password: 'qwerty123456' });
      assert.equal(common.statusCode, 400);
      assert.match(common.body, /veelgebruikte of gelekte/);
      const ok = await postForm(link, v.cookie, { _csrf: v.csrf, password: NEW_PASSWORD });
      assert.equal(ok.statusCode, 303);
      assert.notEqual((await t.app.inject({ url: '/nl/account', headers: { cookie: old.cookie } })).statusCode, 200, 'old sessions end');
      assert.equal((await postForm(link, v.cookie, { _csrf: v.csrf, password: 'nog een ander lang wachtwoord' })).statusCode, 404, 'single use');
      await login(t, user.email, NEW_PASSWORD);
      // Expired links do not work.
      await postForm('/nl/password/forgot', v.cookie, { _csrf: v.csrf, email: user.email });
      const second = linkIn((await lastMailTo(user.email))!.body, 'password/reset');
      await t.database.db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResets.userId, user.id));
      assert.equal((await t.app.inject({ url: second })).statusCode, 404);
      assert.equal((await postForm(second, v.cookie, { _csrf: v.csrf, password: 'nog een ander lang wachtwoord' })).statusCode, 404);
    });

    test('invitations: only managers invite; invalid input is kept with messages; the link creates an account once', async () => {
      const partner = await loginAs(t, { role: 'partner', organisation: 'lumc' });
      assert.equal((await t.app.inject({ url: '/nl/leiden/invitations', headers: { cookie: partner.cookie } })).statusCode, 403);
      const denied = await postForm('/nl/leiden/invitations', partner.cookie, { _csrf: partner.csrf, email: 'x@example.org', displayName: 'X', role: 'partner', organisation: 'lumc' });
      assert.equal(denied.statusCode, 403);
      const coordinator = await loginAs(t, { role: 'coordinator' });
      assert.equal((await t.app.inject({ url: '/en/leiden/invitations', headers: { cookie: coordinator.cookie } })).statusCode, 200);
      const bad = await postForm('/nl/leiden/invitations', coordinator.cookie, { _csrf: coordinator.csrf, email: 'not-an-address', displayName: 'Ineke Invite', role: 'lead', project: '' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /geldig e-mailadres/);
      assert.match(bad.body, /value="Ineke Invite"/);
      const unknownOrg = await postForm('/en/leiden/invitations', coordinator.cookie, { _csrf: coordinator.csrf, email: 'ineke@example.org', displayName: 'Ineke', role: 'partner', organisation: 'nope' });
      assert.equal(unknownOrg.statusCode, 400);
      assert.match(unknownOrg.body, /no organisation/);
      const adminByCoordinator = await postForm('/en/leiden/invitations', coordinator.cookie, { _csrf: coordinator.csrf, email: 'ineke@example.org', displayName: 'Ineke', role: 'admin' });
      assert.equal(adminByCoordinator.statusCode, 400);
      const email = `ineke-${Date.now()}@example.org`;
      const sent = await postForm('/nl/leiden/invitations', coordinator.cookie, { _csrf: coordinator.csrf, email, displayName: 'Ineke Invite', role: 'partner', organisation: 'lumc' });
      assert.equal(sent.statusCode, 303);
      const link = linkIn((await lastMailTo(email))!.body, 'invitation');
      const page = await t.app.inject({ url: link });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Ineke Invite/);
      const v = await anonymous(t);
      const weak = await postForm(link, v.cookie, { _csrf: v.csrf, password: 'password1234' });
      assert.equal(weak.statusCode, 400);
      const accepted = await postForm(link, v.cookie, { _csrf: v.csrf, password: NEW_PASSWORD });
      assert.equal(accepted.statusCode, 303);
      assert.equal(accepted.headers.location, '/nl/leiden/my-work');
      const session = cookieOf(accepted, 'ks_session')!;
      const account = await t.app.inject({ url: '/nl/account', headers: { cookie: `ks_session=${session}` } });
      assert.match(account.body, /Lid partnerorganisatie/);
      assert.equal((await t.app.inject({ url: link })).statusCode, 404, 'used once');
      assert.equal((await postForm(link, v.cookie, { _csrf: v.csrf, password: NEW_PASSWORD })).statusCode, 404);
      // An expired invitation does not work.
      const other = `late-${Date.now()}@example.org`;
      await postForm('/nl/leiden/invitations', coordinator.cookie, { _csrf: coordinator.csrf, email: other, displayName: 'Late', role: 'support' });
      const lateLink = linkIn((await lastMailTo(other))!.body, 'invitation');
      await t.database.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.email, other));
      assert.equal((await t.app.inject({ url: lateLink })).statusCode, 404);
      assert.equal((await postForm(lateLink, v.cookie, { _csrf: v.csrf, password: NEW_PASSWORD })).statusCode, 404);
      const [user] = await t.database.db.select().from(users).where(eq(users.email, other));
      assert.equal(user, undefined);
    });

    test('an invited coordinator sets up an authenticator before the first session', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const email = `coco-${Date.now()}@example.org`;
      await postForm('/nl/leiden/invitations', coordinator.cookie, { _csrf: coordinator.csrf, email, displayName: 'Coco Ordinator', role: 'coordinator' });
      const link = linkIn((await lastMailTo(email))!.body, 'invitation');
      const v = await anonymous(t);
      const accepted = await postForm(link, v.cookie, { _csrf: v.csrf, password: NEW_PASSWORD });
      assert.equal(accepted.statusCode, 303);
      assert.equal(accepted.headers.location, '/nl/login/enrol');
      assert.equal(cookieOf(accepted, 'ks_session'), undefined, 'no session yet');
      const pending = `${v.cookie}; ks_login=${cookieOf(accepted, 'ks_login')}`;
      const page = await t.app.inject({ url: '/nl/login/enrol', headers: { cookie: pending } });
      const secret = /id="totp-secret">([A-Z2-7]+)</.exec(page.body)![1]!;
      const wrong = await postForm('/nl/login/enrol', pending, { _csrf: v.csrf, code: '123456' });
      assert.equal(wrong.statusCode, 400);
      const done = await postForm('/nl/login/enrol', pending, { _csrf: v.csrf, code: currentCode(secret) });
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /herstelcodes/);
      const account = await t.app.inject({ url: '/nl/account', headers: { cookie: `ks_session=${cookieOf(done, 'ks_session')}` } });
      assert.equal(account.statusCode, 200);
      assert.match(account.body, /Coördinator/);
    });

    test('two-step login: code after password, replay refused, recovery codes once, throttled', async () => {
      const user = await buildUser(t, { role: 'lead', project: '1a' });
      const { secret, codes } = await enrolThroughAccount(await login(t, user.email));
      const step = await passwordStep(user.email);
      assert.equal(step.response.statusCode, 303);
      assert.equal(step.response.headers.location, '/nl/login/verify');
      assert.equal(cookieOf(step.response, 'ks_session'), undefined);
      assert.equal((await t.app.inject({ url: '/nl/login/verify', headers: { cookie: step.cookie } })).statusCode, 200);
      assert.equal((await postForm('/nl/login/verify', step.cookie, { _csrf: step.csrf, code: '' })).statusCode, 400);
      assert.equal((await postForm('/nl/login/verify', step.cookie, { _csrf: step.csrf, code: '000000' })).statusCode, 401);
      const code = currentCode(secret);
      const ok = await postForm('/nl/login/verify', step.cookie, { _csrf: step.csrf, code });
      assert.equal(ok.statusCode, 303);
      assert.ok(cookieOf(ok, 'ks_session'));
      // The same code again, in a fresh login: refused (replay), with its own message, and not
      // counted as a guess: more replays than the pending login allows wrong codes, and it still works.
      const again = await passwordStep(user.email);
      for (let i = 0; i < 6; i++) {
        const replayed = await postForm('/nl/login/verify', again.cookie, { _csrf: again.csrf, code });
        assert.equal(replayed.statusCode, 401);
        assert.match(replayed.body, /zojuist al gebruikt/);
        assert.equal(cookieOf(replayed, 'ks_session'), undefined);
      }
      const failures = await t.database.db.select().from(loginFailures).where(eq(loginFailures.key, `account:${user.email}`));
      assert.equal(failures.length, 0, 'no failed guess recorded');
      const recovery = await postForm('/nl/login/verify', again.cookie, { _csrf: again.csrf, code: codes[0]!.toUpperCase() });
      assert.equal(recovery.statusCode, 303);
      const third = await passwordStep(user.email);
      assert.equal((await postForm('/nl/login/verify', third.cookie, { _csrf: third.csrf, code: codes[0]! })).statusCode, 401, 'a recovery code works once');
      // Five wrong codes in total end the pending login.
      for (let i = 0; i < 4; i++) await postForm('/nl/login/verify', third.cookie, { _csrf: third.csrf, code: '999999' });
      const ended = await postForm('/nl/login/verify', third.cookie, { _csrf: third.csrf, code: currentCode(secret, Date.now() + 30_000) });
      assert.equal(ended.statusCode, 303);
      assert.equal(ended.headers.location, '/nl/login');
      assert.equal(cookieOf(ended, 'ks_session'), undefined);
    });

    test('administrators and coordinators without an authenticator enrol at their first login; they cannot switch two-step login off', async () => {
      // Created outside an invitation (as the command line does), just now: no session on a password alone.
      const admin = await buildUser(t, { role: 'admin' });
      const step = await passwordStep(admin.email);
      assert.equal(step.response.headers.location, '/nl/login/enrol');
      assert.equal(cookieOf(step.response, 'ks_session'), undefined);
      assert.equal((await t.app.inject({ url: '/nl/account', headers: { cookie: step.cookie } })).statusCode, 303, 'no session yet');
      // The enrolment page names this installation as the entry in the app (INSTALLATION_NAME).
      const page = await t.app.inject({ url: '/nl/login/enrol', headers: { cookie: step.cookie } });
      assert.match(page.body, new RegExp(`id="totp-entry">[^<]*‘${t.config.installationName}’ \\(${admin.email.replace(/[.]/g, '\\.')}\\)`));
      // Someone who became a coordinator after earlier password logins enrols at the next one.
      const promoted = await buildUser(t);
      await login(t, promoted.email);
      await grantRole(t.database.db, { userId: promoted.id, programmeSlug: 'leiden', role: 'coordinator' });
      assert.equal((await passwordStep(promoted.email)).response.headers.location, '/nl/login/enrol');
      // The login helper enrols through that form; the authenticator cannot be switched off.
      const fresh = await loginAs(t, { role: 'coordinator' });
      const [enrolled] = await t.database.db.select().from(totpCredentials).where(eq(totpCredentials.userId, fresh.userId));
      assert.ok(enrolled, 'enrolled at the first login');
      const off = await postForm('/nl/account/two-factor/disable', fresh.cookie, { _csrf: fresh.csrf });
      assert.equal(off.statusCode, 303);
      const [credential] = await t.database.db.select().from(totpCredentials).where(eq(totpCredentials.userId, fresh.userId));
      assert.ok(credential, 'still enrolled');
      // A second login asks for a code.
      assert.equal((await passwordStep(fresh.email)).response.headers.location, '/nl/login/verify');
    });

    test('the authenticator entry is issued by the installation: INSTALLATION_NAME, Kennisstad by default', () => {
      assert.equal(loadConfig({}).installationName, 'Kennisstad');
      assert.equal(loadConfig({ INSTALLATION_NAME: '  Gemeente Leiden ' }).installationName, 'Gemeente Leiden');
      const uri = new URL(otpauthUri('JBSWY3DPEHPK3PXP', 'ada@example.org', 'Gemeente Leiden'));
      assert.equal(uri.protocol, 'otpauth:');
      assert.equal(uri.searchParams.get('issuer'), 'Gemeente Leiden');
      assert.equal(decodeURIComponent(uri.pathname.replace(/^\/*(totp\/)?/, '')), 'Gemeente Leiden:ada@example.org');
    });

    test('sessions page lists the user’s sessions only, and ends any of them', async () => {
      const user = await buildUser(t);
      const first = await login(t, user.email);
      const second = await login(t, user.email);
      const stranger = await loginAs(t);
      const page = await t.app.inject({ url: '/en/account/sessions', headers: { cookie: second.cookie } });
      assert.equal(page.statusCode, 200);
      const ids = [...page.body.matchAll(/name="session" value="([0-9a-f]+)"/g)].map((m) => m[1]!);
      assert.equal(ids.length, 2);
      assert.match(page.body, /this session/);
      const strangerPage = await t.app.inject({ url: '/en/account/sessions', headers: { cookie: stranger.cookie } });
      const strangerIds = [...strangerPage.body.matchAll(/name="session" value="([0-9a-f]+)"/g)].map((m) => m[1]!);
      // Someone else's session id does nothing.
      await postForm('/en/account/sessions/end', stranger.cookie, { _csrf: stranger.csrf, session: ids[0]! });
      assert.equal((await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).length, 2);
      const otherRow = page.body.split('<tr').find((row) => row.includes('name="session"') && !row.includes('this session'))!;
      const otherId = /name="session" value="([0-9a-f]+)"/.exec(otherRow)![1]!;
      const ended = await postForm('/en/account/sessions/end', second.cookie, { _csrf: second.csrf, session: otherId });
      assert.equal(ended.statusCode, 303);
      assert.notEqual((await t.app.inject({ url: '/en/account', headers: { cookie: first.cookie } })).statusCode, 200);
      assert.equal((await t.app.inject({ url: '/en/account', headers: { cookie: second.cookie } })).statusCode, 200);
      assert.equal(strangerIds.length, 1);
    });

    test('authenticator secrets are encrypted at rest; plain ones from before are sealed at start-up; login still works', async () => {
      const user = await buildUser(t);
      const { secret } = await enrolThroughAccount(await login(t, user.email));
      const stored = async () => (await t.database.db.select().from(totpCredentials).where(eq(totpCredentials.userId, user.id)))[0]!.secret;
      const sealed = await stored();
      assert.ok(!sealed.includes(secret), 'no plain secret in the column');
      assert.match(sealed, /^v1:/);
      assert.equal(boxFor(t.config).open(sealed), secret);
      const codeLogin = async (at: number) => {
        const step = await passwordStep(user.email);
        assert.equal(step.response.headers.location, '/nl/login/verify');
        const done = await postForm('/nl/login/verify', step.cookie, { _csrf: step.csrf, code: currentCode(secret, at) });
        assert.equal(done.statusCode, 303);
        assert.ok(cookieOf(done, 'ks_session'));
      };
      await codeLogin(Date.now());
      // A row written before encryption (plain base32) is sealed by the start-up step, once.
      await t.database.db.update(totpCredentials).set({ secret, lastStep: 0 }).where(eq(totpCredentials.userId, user.id));
      assert.ok((await sealPlainTotpSecrets(t.database.db, boxFor(t.config))) >= 1);
      assert.equal(await sealPlainTotpSecrets(t.database.db, boxFor(t.config)), 0);
      const migrated = await stored();
      assert.ok(!migrated.includes(secret));
      assert.equal(boxFor(t.config).open(migrated), secret);
      await codeLogin(Date.now() + 30_000);
    });

    test('the secret box: authenticated encryption, a wrong key or a changed byte is refused', () => {
      const box = secretBox(randomBytes(32));
      const sealed = box.seal('JBSWY3DPEHPK3PXP');
      assert.notEqual(box.seal('JBSWY3DPEHPK3PXP'), sealed, 'a fresh IV each time');
      assert.equal(box.open(sealed), 'JBSWY3DPEHPK3PXP');
      assert.throws(() => secretBox(randomBytes(32)).open(sealed));
      const body = sealed.slice(-4);
      const flipped = sealed.slice(0, -4) + (body[0] === 'A' ? 'B' : 'A') + body.slice(1);
      assert.throws(() => box.open(flipped));
      assert.throws(() => parseKey('too-short'), /32 bytes/);
      assert.equal(parseKey(randomBytes(32).toString('hex')).length, 32);
      // Without KENNISSTAD_SECRET_KEY: a key file made once (mode 0600) and read back the same.
      const file = join(mkdtempSync(join(tmpdir(), 'ks-key-')), 'data', 'kennisstad-secret.key');
      const key = secretKeyFor({ secretKeyFile: file, production: false });
      assert.ok(key.equals(secretKeyFor({ secretKeyFile: file, production: false })));
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.throws(() => secretKeyFor({ secretKeyFile: file, production: true, databaseUrl: 'postgres://x' }), /KENNISSTAD_SECRET_KEY/);
    });

    test('a coordinator revokes a pending invitation: audit row, and the link says it was revoked', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const email = `revoked-${Date.now()}@example.org`;
      await postForm('/nl/leiden/invitations', coordinator.cookie, { _csrf: coordinator.csrf, email, displayName: 'Rita Revoked', role: 'support' });
      const link = linkIn((await lastMailTo(email))!.body, 'invitation');
      const [invitation] = await t.database.db.select().from(invitations).where(eq(invitations.email, email));
      const list = await t.app.inject({ url: '/en/leiden/invitations', headers: { cookie: coordinator.cookie } });
      assert.match(list.body, new RegExp(`action="/en/leiden/invitations/${invitation!.id}/revoke"`));
      assert.match(list.body, /aria-label="Revoke the invitation for Rita Revoked"/);
      // A partner member cannot revoke it (404); an id that is not a uuid is not found either.
      const partner = await loginAs(t, { role: 'partner', organisation: 'lumc' });
      assert.equal((await postForm(`/nl/leiden/invitations/${invitation!.id}/revoke`, partner.cookie, { _csrf: partner.csrf })).statusCode, 403);
      assert.equal((await postForm('/nl/leiden/invitations/not-an-id/revoke', coordinator.cookie, { _csrf: coordinator.csrf })).statusCode, 404);
      const revoked = await postForm(`/nl/leiden/invitations/${invitation!.id}/revoke`, coordinator.cookie, { _csrf: coordinator.csrf });
      assert.equal(revoked.statusCode, 303);
      assert.equal(revoked.headers.location, '/nl/leiden/invitations?revoked=1');
      const after = await t.app.inject({ url: '/nl/leiden/invitations?revoked=1', headers: { cookie: coordinator.cookie } });
      assert.match(after.body, /ingetrokken; de link werkt niet meer/);
      assert.doesNotMatch(after.body, new RegExp(`${invitation!.id}/revoke`), 'no button for a revoked invitation');
      const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'invitation.revoke'), eq(auditEvents.objectId, invitation!.id)));
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.actorUserId, coordinator.userId);
      // Twice: nothing left to revoke.
      assert.equal((await postForm(`/nl/leiden/invitations/${invitation!.id}/revoke`, coordinator.cookie, { _csrf: coordinator.csrf })).statusCode, 404);
      const page = await t.app.inject({ url: link });
      assert.equal(page.statusCode, 404);
      assert.match(page.body, /ingetrokken door de coördinator/);
      const v = await anonymous(t);
      const accept = await postForm(link, v.cookie, { _csrf: v.csrf, password: NEW_PASSWORD });
      assert.equal(accept.statusCode, 404);
      assert.match(accept.body, /ingetrokken door de coördinator/);
      assert.equal((await t.database.db.select().from(users).where(eq(users.email, email))).length, 0);
    });
  });
}
