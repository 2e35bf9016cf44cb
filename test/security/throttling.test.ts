// Throttling on every credential endpoint, each in its own test, on both databases: after the limit
// the next attempt is refused (429, or for the code step the end of the pending login) even with
// the right credentials — per account and per address (request.ip; each test uses its own addresses).
// Endpoints: password login, the TOTP/recovery code step, password reset request, reset link use,
// invitation acceptance, personal API token (Bearer). There is no password change on the account
// page (a new password goes through the reset link), so there is nothing to throttle there.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { databaseModes } from '../support/database.ts';
import { anonymous, buildUser, login, loginAs, startTestApp, TEST_PASSWORD, type TestApp } from '../support/app.ts';
import { users } from '../../src/db/schema.ts';
import { mailOutbox } from '../../src/features/monitoring/tables.ts';
import { CREDENTIAL_LIMITS, THROTTLE } from '../../src/features/accounts/passwords.ts';
import { currentCode } from '../../src/features/accounts/totp.ts';
import { createApiToken } from '../../src/features/api/tokens/commands.ts';
import { rows } from './world.ts';

let addressCounter = 0;
/** A fresh client address (request.ip), so that the tests do not share counters. */
const freshAddress = () => `10.11.${Math.floor(++addressCounter / 250)}.${(addressCounter % 250) + 1}`;

for (const mode of databaseModes()) {
  describe(`credential throttling (${mode})`, () => {
    let t: TestApp;
    let programmeId = '';
    before(async () => {
      t = await startTestApp(mode);
      programmeId = (await rows<{ id: string }>(t.database.db, sql`select id from programmes where slug = 'leiden'`))[0]!.id;
    });
    after(async () => t?.close());

    const cookieOf = (response: LightMyRequestResponse, name: string) => response.cookies.find((c) => c.name === name)?.value;

    async function post(url: string, payload: Record<string, string>, address: string, cookie?: string): Promise<LightMyRequestResponse> {
      const visitor = cookie ? { cookie, csrf: '' } : await anonymous(t);
      return t.app.inject({ method: 'POST', url, remoteAddress: address, headers: { cookie: visitor.cookie }, payload: { _csrf: visitor.csrf, ...payload } });
    }
    const passwordStep = async (email: string, password: string, address: string, device?: string) => {
      const visitor = await anonymous(t);
      const cookie = device ? `${visitor.cookie}; ks_device=${device}` : visitor.cookie;
      const response = await t.app.inject({ method: 'POST', url: '/nl/login', remoteAddress: address, headers: { cookie }, payload: { email, password, _csrf: visitor.csrf } });
      return { response, cookie: `${visitor.cookie}; ks_login=${cookieOf(response, 'ks_login') ?? ''}`, csrf: visitor.csrf };
    };
    const codeStep = (step: { cookie: string; csrf: string }, code: string, address: string) =>
      t.app.inject({ method: 'POST', url: '/nl/login/verify', remoteAddress: address, headers: { cookie: step.cookie }, payload: { _csrf: step.csrf, code } });
    async function mailsTo(email: string): Promise<number> {
      return (await t.database.db.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.toAddress, email))).length;
    }

    test('password login: refused with the right password after the limit, per account and per address', async () => {
      const user = await buildUser(t);
      // Per account: wrong passwords from ever new addresses.
      for (let i = 0; i < THROTTLE.perAccount; i++) assert.equal((await passwordStep(user.email, 'wrong password here', freshAddress())).response.statusCode, 401);
      const blocked = await passwordStep(user.email, TEST_PASSWORD, freshAddress());
      assert.equal(blocked.response.statusCode, 429);
      assert.equal(cookieOf(blocked.response, 'ks_session'), undefined);
      // Per address: wrong passwords for ever other accounts from one address.
      const address = freshAddress();
      const other = await buildUser(t);
      for (let i = 0; i < THROTTLE.perAddress; i++) await passwordStep(`nobody-${i}-${Date.now()}@example.org`, 'wrong password here', address);
      assert.equal((await passwordStep(other.email, TEST_PASSWORD, address)).response.statusCode, 429);
      assert.equal((await passwordStep(other.email, TEST_PASSWORD, freshAddress())).response.statusCode, 303, 'another address still gets in');
    });

    test('device cookies: a browser that signed in before passes the address limit and a stranger\'s account limit; its own mistakes are limited', async () => {
      const office = freshAddress();
      const owner = await buildUser(t);
      // The owner signs in once from the office: that browser now holds a device cookie for the account.
      const first = await passwordStep(owner.email, TEST_PASSWORD, office);
      assert.equal(first.response.statusCode, 303);
      const device = cookieOf(first.response, 'ks_device');
      assert.ok(device, 'a device cookie after a successful login');
      assert.ok(!first.response.cookies.find((c) => c.name === 'ks_device')!.value.includes(owner.email), 'the cookie does not carry the address');
      // Colleagues behind the same city-hall address make twenty mistakes (at other accounts).
      for (let i = 0; i < THROTTLE.perAddress; i++) await passwordStep(`colleague-${i}-${Date.now()}@example.org`, 'wrong password here', office);
      assert.equal((await passwordStep(owner.email, TEST_PASSWORD, office)).response.statusCode, 429, 'a browser without the cookie is refused');
      const trusted = await passwordStep(owner.email, TEST_PASSWORD, office, device);
      assert.equal(trusted.response.statusCode, 303, 'the owner\'s browser gets in');
      assert.ok(cookieOf(trusted.response, 'ks_session'));
      // A stranger guesses at the account from elsewhere: after five guesses browsers without the
      // cookie are refused for the window (even with the right password); the owner's is not.
      for (let i = 0; i < THROTTLE.perAccount; i++) assert.equal((await passwordStep(owner.email, 'wrong password here', freshAddress())).response.statusCode, 401);
      assert.equal((await passwordStep(owner.email, TEST_PASSWORD, freshAddress())).response.statusCode, 429);
      const renewed = cookieOf(trusted.response, 'ks_device')!;
      const owners = await passwordStep(owner.email, TEST_PASSWORD, freshAddress(), renewed);
      assert.equal(owners.response.statusCode, 303);
      // Another account's device cookie, or an altered one, counts for nothing.
      const other = await buildUser(t);
      const otherDevice = cookieOf((await passwordStep(other.email, TEST_PASSWORD, freshAddress())).response, 'ks_device')!;
      assert.equal((await passwordStep(owner.email, TEST_PASSWORD, freshAddress(), otherDevice)).response.statusCode, 429, 'bound to its account');
      const altered = renewed.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      assert.equal((await passwordStep(owner.email, TEST_PASSWORD, freshAddress(), altered)).response.statusCode, 429, 'signed');
      // Two accounts on one shared computer: both entries are kept.
      const shared = cookieOf((await passwordStep(other.email, TEST_PASSWORD, freshAddress(), cookieOf(owners.response, 'ks_device'))).response, 'ks_device')!;
      assert.equal((await passwordStep(owner.email, TEST_PASSWORD, freshAddress(), shared)).response.statusCode, 303);
      // The trusted browser's own mistakes are limited: after five it is refused for the window too.
      for (let i = 0; i < THROTTLE.perDevice; i++) assert.equal((await passwordStep(owner.email, 'wrong password here', freshAddress(), shared)).response.statusCode, 401);
      const tooMany = await passwordStep(owner.email, TEST_PASSWORD, freshAddress(), shared);
      assert.equal(tooMany.response.statusCode, 429);
      assert.ok(tooMany.response.headers['retry-after']);
    });

    test('code step (TOTP and recovery codes): the right code ends the pending login after the limit, per account and per address', async () => {
      // Enrols through the account page, as a user would.
      const enrolled = async () => {
        const user = await buildUser(t);
        const session = await login(t, user.email);
        const page = await t.app.inject({ url: '/nl/account/two-factor/enrol', headers: { cookie: session.cookie } });
        const secret = /id="totp-secret">([A-Z2-7]+)</.exec(page.body)![1]!;
        const ok = await t.app.inject({ method: 'POST', url: '/nl/account/two-factor/enrol', headers: { cookie: session.cookie }, payload: { _csrf: session.csrf, secret, code: currentCode(secret, Date.now() - 30_000) } });
        const codes = [...ok.body.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]!);
        assert.equal(codes.length, 10);
        return { ...user, secret, codes };
      };
      // Per account: wrong codes spread over two pending logins and several addresses.
      const user = await enrolled();
      const first = await passwordStep(user.email, TEST_PASSWORD, freshAddress());
      assert.equal(first.response.headers.location, '/nl/login/verify');
      for (let i = 0; i < THROTTLE.perAccount - 1; i++) assert.equal((await codeStep(first, '000000', freshAddress())).statusCode, 401);
      const second = await passwordStep(user.email, TEST_PASSWORD, freshAddress());
      assert.equal(second.response.headers.location, '/nl/login/verify');
      assert.equal((await codeStep(second, 'aaaaa-bbbbb', freshAddress())).statusCode, 401);
      const refused = await codeStep(second, currentCode(user.secret, Date.now() + 30_000), freshAddress());
      assert.equal(refused.statusCode, 303);
      assert.equal(refused.headers.location, '/nl/login');
      assert.equal(cookieOf(refused, 'ks_session'), undefined, 'no session with the right code');
      const recovery = await codeStep(second, user.codes[0]!, freshAddress());
      assert.equal(cookieOf(recovery, 'ks_session'), undefined, 'nor with a recovery code');
      // Per address: failures of other accounts from this address count too.
      const address = freshAddress();
      const victim = await enrolled();
      const pending = await passwordStep(victim.email, TEST_PASSWORD, address);
      assert.equal(pending.response.headers.location, '/nl/login/verify');
      for (let i = 0; i < THROTTLE.perAddress; i++) await passwordStep(`nobody-code-${i}@example.org`, 'wrong password here', address);
      const blocked = await codeStep(pending, victim.codes[1]!, address);
      assert.equal(blocked.statusCode, 303);
      assert.equal(blocked.headers.location, '/nl/login');
      assert.equal(cookieOf(blocked, 'ks_session'), undefined);
      // The victim's own browser, where they signed in before (device cookie), passes the address limit at both steps.
      const earlier = await passwordStep(victim.email, TEST_PASSWORD, freshAddress());
      const signedIn = await codeStep(earlier, victim.codes[2]!, freshAddress());
      const device = cookieOf(signedIn, 'ks_device')!;
      assert.ok(device);
      const trusted = await passwordStep(victim.email, TEST_PASSWORD, address, device);
      assert.equal(trusted.response.headers.location, '/nl/login/verify');
      const through = await codeStep({ cookie: `${trusted.cookie}; ks_device=${device}`, csrf: trusted.csrf }, victim.codes[3]!, address);
      assert.equal(through.statusCode, 303);
      assert.ok(cookieOf(through, 'ks_session'));
    });

    test('password reset request: no further mail after the limit, per account and per address', async () => {
      const user = await buildUser(t);
      for (let i = 0; i < CREDENTIAL_LIMITS.resetRequest.perAccount; i++) assert.equal((await post('/nl/password/forgot', { email: user.email }, freshAddress())).statusCode, 200);
      const mails = await mailsTo(user.email);
      const blocked = await post('/nl/password/forgot', { email: user.email.toUpperCase() }, freshAddress());
      assert.equal(blocked.statusCode, 429);
      assert.match(blocked.body, /Te veel mislukte pogingen/);
      assert.equal(await mailsTo(user.email), mails, 'no mail once refused');
      // The same for an address without an account: the answer tells nothing about accounts.
      const nobody = `nobody-reset-${Date.now()}@example.org`;
      for (let i = 0; i < CREDENTIAL_LIMITS.resetRequest.perAccount; i++) await post('/en/password/forgot', { email: nobody }, freshAddress());
      assert.equal((await post('/en/password/forgot', { email: nobody }, freshAddress())).statusCode, 429);
      // Per address: requests for many addresses from one client.
      const address = freshAddress();
      const other = await buildUser(t);
      for (let i = 0; i < CREDENTIAL_LIMITS.resetRequest.perAddress; i++) await post('/nl/password/forgot', { email: `someone-${i}-${Date.now()}@example.org` }, address);
      assert.equal((await post('/nl/password/forgot', { email: other.email }, address)).statusCode, 429);
      assert.equal(await mailsTo(other.email), 0);
      assert.equal((await post('/nl/password/forgot', { email: other.email }, freshAddress())).statusCode, 200);
      assert.equal(await mailsTo(other.email), 1);
    });

    async function resetLink(email: string): Promise<string> {
      assert.equal((await post('/nl/password/forgot', { email }, freshAddress())).statusCode, 200);
      const [mail] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)).orderBy(desc(mailOutbox.createdAt)).limit(1);
      return /http:\/\/localhost(\/nl\/password\/reset\/[A-Za-z0-9_-]+)/.exec(mail!.body)![1]!;
    }

    test('reset link use: a valid link is refused after too many unknown ones from the address; the same link works elsewhere', async () => {
      const user = await buildUser(t);
      const link = await resetLink(user.email);
      const address = freshAddress();
      const hashBefore = (await t.database.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, user.id)))[0]!.h;
      for (let i = 0; i < CREDENTIAL_LIMITS.link.perAddress; i++) {
        const guess = `/nl/password/reset/${String(i).padStart(43, 'x')}`;
        assert.equal((await (i % 2 ? post(guess, { password: 'tulpen langs het rapenburg' }, address) : t.app.inject({ url: guess, remoteAddress: address }))).statusCode, 404);
      }
      assert.equal((await t.app.inject({ url: link, remoteAddress: address })).statusCode, 429);
      const blocked = await post(link, { password: 'tulpen langs het rapenburg' }, address);
      assert.equal(blocked.statusCode, 429);
      const hashAfter = (await t.database.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, user.id)))[0]!.h;
      assert.equal(hashAfter, hashBefore, 'the password did not change');
      assert.equal((await post(link, { password: 'tulpen langs het rapenburg' }, freshAddress())).statusCode, 303, 'the link still works from elsewhere');
    });

    test('invitation acceptance: a valid invitation is refused after too many unknown ones from the address', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const email = `throttle-invite-${Date.now()}@example.org`;
      const sent = await t.app.inject({
        method: 'POST',
        url: '/nl/leiden/invitations',
        headers: { cookie: coordinator.cookie },
        payload: { _csrf: coordinator.csrf, email, displayName: 'Ineke', role: 'partner', organisation: 'lumc' },
      });
      assert.equal(sent.statusCode, 303);
      const [mail] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)).limit(1);
      const link = /http:\/\/localhost(\/(?:nl|en)\/invitation\/[A-Za-z0-9_-]+)/.exec(mail!.body)![1]!;
      const address = freshAddress();
      for (let i = 0; i < CREDENTIAL_LIMITS.link.perAddress; i++) {
        const guess = `/nl/invitation/${String(i).padStart(43, 'z')}`;
        assert.equal((await (i % 2 ? post(guess, { password: 'tulpen langs het rapenburg' }, address) : t.app.inject({ url: guess, remoteAddress: address }))).statusCode, 404);
      }
      assert.equal((await t.app.inject({ url: link, remoteAddress: address })).statusCode, 429);
      assert.equal((await post(link, { password: 'tulpen langs het rapenburg' }, address)).statusCode, 429);
      assert.equal((await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, email))).length, 0, 'no account made');
      assert.equal((await post(link, { password: 'tulpen langs het rapenburg' }, freshAddress())).statusCode, 303, 'the invitation still works from elsewhere');
    });

    test('personal API token (Bearer): the right token is refused after the limit, per token and per address', async () => {
      const user = await buildUser(t, { role: 'coordinator' });
      const mint = async () => (await createApiToken(t.database.db, { actor: { userId: user.id, displayName: 'x' }, name: 'throttle', scope: 'read-write', programmeId })).token;
      const get = (token: string, address: string) =>
        t.app.inject({ url: '/api/v1/programmes/leiden/funds', remoteAddress: address, headers: { authorization: `Bearer ${token}` } });
      // Per address.
      const token = await mint();
      const address = freshAddress();
      assert.equal((await get(token, address)).statusCode, 200);
      for (let i = 0; i < CREDENTIAL_LIMITS.bearer.perAddress; i++) assert.equal((await get(`ks_${randomBytes(30).toString('base64url')}`, address)).statusCode, 401);
      const blocked = await get(token, address);
      assert.equal(blocked.statusCode, 429);
      assert.match(String(blocked.headers['content-type']), /application\/problem\+json/);
      assert.equal((await get(token, freshAddress())).statusCode, 200, 'the token still works from elsewhere');
      // Per token: wrong secrets behind this token's visible prefix, from ever other addresses.
      const second = await mint();
      for (let i = 0; i < CREDENTIAL_LIMITS.bearer.perAccount; i++) assert.equal((await get(`${second.slice(0, 8)}${'w'.repeat(35)}${i}`, freshAddress())).statusCode, 401);
      assert.equal((await get(second, freshAddress())).statusCode, 429);
      assert.equal((await get(await mint(), freshAddress())).statusCode, 200, 'another token of the same user is not affected');
    });
  });
}
