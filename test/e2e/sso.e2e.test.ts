// Single sign-on end to end in Chromium against a real OpenID Connect provider (oidc-provider) on
// loopback. The provider's own development login pages stand in for an institution's login: any
// login name with any password signs in as the account of that name. An administrator configures
// the provider in the browser; then: a successful sign-on, a tampered callback (state), a replayed
// authorization with another nonce, a domain that is not allowed, someone without an account,
// an invitation accepted by linking the identity, and a coordinator asked for their code.
// axe checks the new pages (settings, error pages) in Dutch and English.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import Provider from 'oidc-provider';
import { TEST_PASSWORD } from '../support/app.ts';
import { browserLogin, chromiumAvailable, expectAccessible, useBrowserApp } from '../support/browser.ts';
import { createUser, grantRole } from '../../src/features/accounts/commands.ts';
import { createInvitation } from '../../src/features/accounts/invitations.ts';
import { ssoIdentities, ssoProviders, totpCredentials } from '../../src/features/accounts/tables.ts';
import { currentCode, enableTotp, newTotpSecret } from '../../src/features/accounts/totp.ts';
import { boxFor } from '../../src/features/accounts/secret-box.ts';
import { auditEvents as auditLog, programmes, roleAssignments, users } from '../../src/db/schema.ts';

const CLIENT_ID = 'kennisstad-test';
const CLIENT_SECRET = 'a-client-secret-only-the-test-knows';
/** The people the provider knows: login name → claims. */
const PEOPLE: Record<string, { email: string; verified: boolean; name: string }> = {
  piet: { email: 'piet@leiden.example', verified: true, name: 'Piet Partner' },
  eve: { email: 'eve@elders.example', verified: true, name: 'Eve Elsewhere' },
  onbekend: { email: 'onbekend@leiden.example', verified: true, name: 'Onno Onbekend' },
  nieuw: { email: 'nieuw@lumc.example', verified: true, name: 'Nina Nieuw' },
  coco: { email: 'coco@leiden.example', verified: true, name: 'Coco Coordinator' },
  'mara-mfa': { email: 'mara@leiden.example', verified: true, name: 'Mara Multifactor' },
};

async function startProvider(redirectUris: string[], postLogoutRedirectUris: string[]): Promise<{ issuer: string; server: Server }> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: redirectUris, post_logout_redirect_uris: postLogoutRedirectUris, grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
    claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
    // The claims in the ID token itself (the app reads no userinfo).
    conformIdTokenClaims: false,
    cookies: { keys: ['a-cookie-key-for-the-test-provider'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const person = PEOPLE[id];
      if (!person) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, email: person.email, email_verified: person.verified, name: person.name }) };
    },
  });
  // The development login pages record no authentication methods. For a login name ending in
  // "-mfa" the finished login is marked multi-factor (amr), as an institution's MFA login would be.
  provider.use(async (ctx, next) => {
    const resumed = /^\/auth\/([^/]+)$/.exec(ctx.path);
    const interaction = resumed ? await provider.Interaction.find(resumed[1]!) : undefined;
    const login = interaction?.result?.login;
    if (interaction && login?.accountId.endsWith('-mfa') && !login.amr) {
      login.amr = ['pwd', 'otp'];
      await interaction.save(interaction.exp - Math.floor(Date.now() / 1000));
    }
    await next();
  });
  handler = provider.callback();
  return { issuer, server };
}

describe('accounts: single sign-on with a real OpenID Connect provider in Chromium', { skip: !chromiumAvailable() }, () => {
  const e2e = useBrowserApp();
  let issuer: string;
  let providerServer: Server;
  let adminEmail: string;
  let programmeId: string;

  before(async () => {
    // The redirect URI the app sends must be the address the browser reaches it on.
    e2e.t.config.baseUrl = e2e.baseUrl;
    ({ issuer, server: providerServer } = await startProvider([`${e2e.baseUrl}/nl/login/sso/callback`, `${e2e.baseUrl}/en/login/sso/callback`], [`${e2e.baseUrl}/nl`, `${e2e.baseUrl}/en`]));
    const db = e2e.t.database.db;
    programmeId = (await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden')))[0]!.id;
    adminEmail = 'ada-admin@example.org';
    await createUser(db, { email: adminEmail, displayName: 'Ada Admin', password: TEST_PASSWORD });
    await grantRole(db, { userId: (await db.select().from(users).where(eq(users.email, adminEmail)))[0]!.id, programmeSlug: 'leiden', role: 'admin' });
    const piet = await createUser(db, { email: PEOPLE.piet!.email, displayName: 'Piet Partner', password: TEST_PASSWORD });
    await grantRole(db, { userId: piet.id, programmeSlug: 'leiden', role: 'partner', organisation: 'lumc' });
    const coco = await createUser(db, { email: PEOPLE.coco!.email, displayName: 'Coco Coordinator', password: TEST_PASSWORD });
    await grantRole(db, { userId: coco.id, programmeSlug: 'leiden', role: 'coordinator' });
    const mara = await createUser(db, { email: PEOPLE['mara-mfa']!.email, displayName: 'Mara Multifactor', password: TEST_PASSWORD });
    await grantRole(db, { userId: mara.id, programmeSlug: 'leiden', role: 'coordinator' });
  });
  after(async () => {
    await new Promise((resolve) => providerServer?.close(resolve));
  });

  /** From our login page through the provider's login and consent pages, back to the app. */
  async function signOnAt(page: Page, login: string, start: () => Promise<unknown>): Promise<number> {
    await start();
    await page.waitForURL((url) => url.href.startsWith(issuer));
    await page.fill('input[name=login]', login);
    await page.fill('input[name=password]', 'anything');
    await page.click('button[type=submit]');
    await page.waitForURL((url) => url.href.startsWith(issuer) && !url.pathname.endsWith('/login'), { timeout: 5000 }).catch(() => undefined);
    const back = page.waitForResponse((response) => response.url().startsWith(`${e2e.baseUrl}/`) && response.url().includes('/login/sso/callback'));
    // The consent page (first time for this browser) asks to continue.
    if (page.url().startsWith(issuer)) await page.click('button[type=submit]');
    return (await back).status();
  }

  /** Like signOnAt, but stops where the provider redirects back: returns the callback URL unvisited. */
  async function callbackUrlOf(page: Page, login: string): Promise<string> {
    await page.goto(`${e2e.baseUrl}/nl/login`);
    await page.click('a.utrecht-button-link');
    await page.waitForURL((url) => url.href.startsWith(issuer));
    await page.fill('input[name=login]', login);
    await page.fill('input[name=password]', 'anything');
    await Promise.all([page.waitForSelector('input[name=prompt][value=consent]', { state: 'attached' }), page.click('button[type=submit]')]);
    const action = new URL((await page.getAttribute('form', 'action'))!, page.url()).href;
    let response = await page.request.post(action, { form: { prompt: 'consent' }, maxRedirects: 0 });
    for (let hop = 0; hop < 5; hop++) {
      const location = new URL(response.headers().location!, action).href;
      if (location.startsWith(e2e.baseUrl)) return location;
      response = await page.request.get(location, { maxRedirects: 0 });
    }
    throw new Error('the provider did not redirect back');
  }

  const viaLoginPage = (page: Page, login: string, locale = 'nl') =>
    signOnAt(page, login, async () => {
      await page.goto(`${e2e.baseUrl}/${locale}/login`);
      await page.click('a.utrecht-button-link');
    });

  test('an administrator configures the provider in the browser; the secret is stored encrypted', async () => {
    const page = await e2e.newPage();
    await browserLogin(page, e2e.baseUrl, adminEmail, TEST_PASSWORD);
    for (const locale of ['nl', 'en']) {
      const response = await page.goto(`${e2e.baseUrl}/${locale}/leiden/admin/sso`);
      assert.equal(response?.status(), 200);
      await expectAccessible(page);
    }
    // Invalid input first: a clear message per field, and the page stays accessible.
    await page.fill('#name', 'Universiteit Leiden');
    await page.fill('#issuer', 'ftp://nowhere');
    await page.click('form.ks-form button[type=submit]');
    assert.match((await page.textContent('main')) ?? '', /Enter an https address/);
    assert.match((await page.textContent('main')) ?? '', /Fill in this field/);
    await expectAccessible(page);
    await page.fill('#issuer', issuer);
    await page.fill('#clientId', CLIENT_ID);
    await page.fill('#clientSecret', CLIENT_SECRET);
    await page.fill('#allowedDomains', 'leiden.example, lumc.example');
    await page.fill('#domainOrganisations', 'lumc.example = lumc');
    await page.check('#enabled');
    await Promise.all([page.waitForURL(/saved=1/), page.click('form.ks-form button[type=submit]')]);
    await expectAccessible(page);
    const [stored] = await e2e.t.database.db.select().from(ssoProviders).where(eq(ssoProviders.programmeId, programmeId));
    assert.ok(stored);
    assert.ok(!stored.clientSecret.includes(CLIENT_SECRET), 'the client secret is not stored in plain text');
    assert.equal(boxFor(e2e.t.config).open(stored.clientSecret), CLIENT_SECRET);
    assert.deepEqual(stored.allowedDomains, ['leiden.example', 'lumc.example']);
    await page.context().close();
  });

  test('a linked-by-e-mail partner signs in; the next time by the linked identity', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/nl/login`);
    assert.match((await page.textContent('main')) ?? '', /Inloggen met Universiteit Leiden/);
    await expectAccessible(page);
    assert.equal(await viaLoginPage(page, 'piet'), 303);
    await page.waitForURL((url) => !url.pathname.includes('/login'));
    await page.goto(`${e2e.baseUrl}/nl/account`);
    assert.match((await page.textContent('main')) ?? '', /piet@leiden\.example/);
    const [piet] = await e2e.t.database.db.select().from(users).where(eq(users.email, PEOPLE.piet!.email));
    const links = await e2e.t.database.db.select().from(ssoIdentities).where(eq(ssoIdentities.userId, piet!.id));
    assert.deepEqual(links.map((l) => [l.issuer, l.subject]), [[issuer, 'piet']]);
    const logins = await e2e.t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.login'), eq(auditLog.objectId, piet!.id)));
    assert.equal(logins.length, 1);
    await page.context().close();

    // Again, in another browser: now found by issuer + subject.
    const again = await e2e.newPage();
    assert.equal(await viaLoginPage(again, 'piet', 'en'), 303);
    await again.waitForURL((url) => !url.pathname.includes('/login'));
    await again.context().close();
  });

  test('signing out of a single sign-on session signs out at the provider too (end_session_endpoint, id_token_hint)', async () => {
    const page = await e2e.newPage();
    assert.equal(await viaLoginPage(page, 'piet'), 303);
    await page.waitForURL((url) => !url.pathname.includes('/login'));
    // While the provider's session lasts, a new sign-on comes straight back without its login page.
    const straight = page.waitForResponse((response) => response.url().includes('/login/sso/callback'));
    await page.goto(`${e2e.baseUrl}/nl/login`);
    await page.click('a.utrecht-button-link');
    assert.equal((await straight).status(), 303);
    await page.waitForURL((url) => !url.pathname.includes('/login'));
    // Sign out with the page's own button: the app ends its session and sends the browser to the provider.
    const toProvider = page.waitForRequest((request) => request.url().startsWith(issuer) && request.isNavigationRequest());
    await page.click('form[action="/nl/logout"] button[type=submit]');
    const endSession = new URL((await toProvider).url());
    assert.ok(endSession.searchParams.get('id_token_hint'), 'id_token_hint');
    assert.equal(endSession.searchParams.get('post_logout_redirect_uri'), `${e2e.baseUrl}/nl`);
    assert.equal((await page.context().cookies()).some((c) => c.name === 'ks_session' || c.name === 'ks_sso_session'), false);
    // The provider asks to confirm (oidc-provider's own page), then returns to the app's home page.
    await page.waitForSelector('button[name=logout]');
    await Promise.all([page.waitForURL((url) => url.href.startsWith(e2e.baseUrl) && ['/nl', '/nl/leiden'].includes(url.pathname)), page.click('button[name=logout]')]);
    // Now a sign-on asks for the provider's login again.
    await page.goto(`${e2e.baseUrl}/nl/login`);
    await page.click('a.utrecht-button-link');
    await page.waitForURL((url) => url.href.startsWith(issuer));
    await page.waitForSelector('input[name=login]');
    await page.context().close();
  });

  test('signing out after a password login stays on the site', async () => {
    const page = await e2e.newPage();
    await browserLogin(page, e2e.baseUrl, PEOPLE.piet!.email, TEST_PASSWORD);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await Promise.all([page.waitForURL((url) => url.href.startsWith(e2e.baseUrl) && ['/nl', '/nl/leiden'].includes(url.pathname)), page.click('form[action="/nl/logout"] button[type=submit]')]);
    assert.ok(!requests.some((url) => url.startsWith(issuer)), 'no visit to the provider');
    await page.context().close();
  });

  test('a callback whose state was changed is refused with a clear page', async () => {
    const page = await e2e.newPage();
    const callback = new URL(await callbackUrlOf(page, 'piet'));
    assert.ok(callback.searchParams.get('code'));
    // Only the state differs: the code is fresh and the PKCE verifier matches.
    callback.searchParams.set('state', 'forged-state-value');
    const response = await page.goto(callback.href);
    assert.equal(response?.status(), 400);
    assert.match((await page.textContent('main')) ?? '', /kon niet worden gecontroleerd/);
    assert.equal((await page.context().cookies()).some((c) => c.name === 'ks_session'), false);
    await expectAccessible(page);
    await page.context().close();
  });

  test('a callback from another browser’s sign-on (another state) is refused with a clear page', async () => {
    // The victim's browser has started a sign-on; an attacker completes their own and slips their
    // callback (their code, their state) into the victim's browser.
    const victim = await e2e.newPage();
    await victim.goto(`${e2e.baseUrl}/nl/login`);
    await victim.click('a.utrecht-button-link');
    await victim.waitForURL((url) => url.href.startsWith(issuer));
    const attacker = await e2e.newPage();
    const callback = attacker.waitForRequest((request) => request.url().includes('/login/sso/callback'));
    await viaLoginPage(attacker, 'piet');
    const stolen = (await callback).url();
    assert.match(stolen, /[?&]state=/);
    const response = await victim.goto(stolen);
    assert.equal(response?.status(), 400);
    assert.match((await victim.textContent('main')) ?? '', /kon niet worden gecontroleerd/);
    assert.equal((await victim.context().cookies()).some((c) => c.name === 'ks_session'), false);
    await expectAccessible(victim);
    await victim.context().close();
    await attacker.context().close();
  });

  test('an ID token with another nonce than this sign-on’s is refused', async () => {
    const page = await e2e.newPage();
    // The authorization request leaves the browser with another nonce than the one kept for this
    // sign-on (as when an ID token from another sign-on is replayed): state and PKCE still match.
    const start = await page.request.get(`${e2e.baseUrl}/en/login/sso/leiden`, { maxRedirects: 0 });
    assert.equal(start.status(), 303);
    const authorize = new URL(start.headers().location!);
    assert.ok(authorize.searchParams.get('nonce'));
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    authorize.searchParams.set('nonce', 'a-nonce-from-another-sign-on');
    assert.equal(await signOnAt(page, 'piet', () => page.goto(authorize.href)), 400);
    assert.match((await page.textContent('main')) ?? '', /could not be verified/);
    await expectAccessible(page);
    await page.context().close();
  });

  test('a person from a domain that is not allowed, and one without an account, get clear pages', async () => {
    for (const locale of ['nl', 'en']) {
      const page = await e2e.newPage();
      assert.equal(await viaLoginPage(page, 'eve', locale), 403);
      assert.match((await page.textContent('main')) ?? '', locale === 'nl' ? /dit domein kunt u hier niet inloggen/ : /in this domain you cannot sign in/);
      await expectAccessible(page);
      await page.context().close();
    }
    const page = await e2e.newPage();
    assert.equal(await viaLoginPage(page, 'onbekend', 'en'), 403);
    assert.match((await page.textContent('main')) ?? '', /Ask the programme’s coordinator for an invitation/);
    await expectAccessible(page);
    assert.equal((await e2e.t.database.db.select().from(users).where(eq(users.email, PEOPLE.onbekend!.email))).length, 0, 'no account made');
    await page.context().close();
  });

  test('an invitee accepts by signing on: the identity is linked, no password is set', async () => {
    const [admin] = await e2e.t.database.db.select().from(users).where(eq(users.email, adminEmail));
    const actor = { userId: admin!.id, displayName: 'Ada Admin', programmeId, assignments: [{ role: 'admin' as const }] };
    // No organisation given: the domain mapping (lumc.example = lumc) supplies it.
    const created = await createInvitation(e2e.t.database.db, actor, programmeId, { email: PEOPLE.nieuw!.email, displayName: 'Nina Nieuw', role: 'partner' });
    assert.ok(created.ok, JSON.stringify(created));
    const page = await e2e.newPage();
    const status = await signOnAt(page, 'nieuw', async () => {
      await page.goto(`${e2e.baseUrl}/nl/invitation/${created.token}`);
      await expectAccessible(page);
      await page.click('#accept-sso');
    });
    assert.equal(status, 303);
    await page.waitForURL(`${e2e.baseUrl}/nl/leiden/my-work`);
    const [nina] = await e2e.t.database.db.select().from(users).where(eq(users.email, PEOPLE.nieuw!.email));
    assert.ok(nina);
    assert.equal(nina.passwordHash, null);
    assert.equal((await e2e.t.database.db.select().from(ssoIdentities).where(and(eq(ssoIdentities.userId, nina.id), eq(ssoIdentities.subject, 'nieuw')))).length, 1);
    const roles = await e2e.t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, nina.id));
    assert.equal(roles.length, 1);
    assert.equal(roles[0]!.role, 'partner');
    assert.ok(roles[0]!.organisationId, 'organisation from the domain mapping');
    // The link is used up.
    const dead = await page.goto(`${e2e.baseUrl}/nl/invitation/${created.token}`);
    assert.equal(dead?.status(), 404);
    assert.match((await page.textContent('main')) ?? '', /al aanvaard/);
    await page.context().close();
  });

  test('a coordinator whose provider did not report multi-factor login is asked for the code', async () => {
    const [coco] = await e2e.t.database.db.select().from(users).where(eq(users.email, PEOPLE.coco!.email));
    const secret = newTotpSecret();
    assert.ok(await enableTotp(e2e.t.database.db, boxFor(e2e.t.config), coco!.id, secret, currentCode(secret, Date.now() - 30_000)));
    const [stored] = await e2e.t.database.db.select().from(totpCredentials).where(eq(totpCredentials.userId, coco!.id));
    assert.ok(!stored!.secret.includes(secret), 'the authenticator secret is encrypted');
    const page = await e2e.newPage();
    assert.equal(await viaLoginPage(page, 'coco'), 303);
    await page.waitForURL(/\/nl\/login\/verify$/);
    assert.equal(await page.context().cookies().then((cookies) => cookies.some((c) => c.name === 'ks_session')), false);
    await page.fill('#code', currentCode(secret));
    await Promise.all([page.waitForURL((url) => !url.pathname.includes('/login')), page.click('form.ks-form button[type=submit]')]);
    const logins = await e2e.t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.login'), eq(auditLog.objectId, coco!.id)));
    assert.equal(logins.length, 1);
    await page.context().close();
  });

  test('a link to an internal page opened without a session: single sign-on brings the person back to it', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/nl/account/sessions`);
    assert.equal(new URL(page.url()).pathname, '/nl/login');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/nl/account/sessions');
    assert.equal(await signOnAt(page, 'piet', () => page.click('a.utrecht-button-link')), 303);
    await page.waitForURL((url) => url.pathname === '/nl/account/sessions');
    await page.context().close();
  });

  test('a coordinator whose provider reports multi-factor login (amr) is not asked for the code again', async () => {
    const [mara] = await e2e.t.database.db.select().from(users).where(eq(users.email, PEOPLE['mara-mfa']!.email));
    const secret = newTotpSecret();
    assert.ok(await enableTotp(e2e.t.database.db, boxFor(e2e.t.config), mara!.id, secret, currentCode(secret, Date.now() - 30_000)));
    const page = await e2e.newPage();
    assert.equal(await viaLoginPage(page, 'mara-mfa'), 303);
    await page.waitForURL((url) => !url.pathname.includes('/login'));
    assert.ok((await page.context().cookies()).some((c) => c.name === 'ks_session'));
    const [login] = await e2e.t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.login'), eq(auditLog.objectId, mara!.id)));
    assert.deepEqual(login?.after, { method: 'sso+provider-mfa' });
    await page.context().close();
  });
});
