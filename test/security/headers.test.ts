// The Content-Security-Policy, parsed into directives, on an HTML page, an error page, an API
// answer, a file and a download; and the flags of every cookie the app sets (behind https).
// Session rotation at login and logout ending the session on the server are tested in
// src/features/accounts/accounts.test.ts; this file adds what that one does not check.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { databaseModes } from '../support/database.ts';
import { anonymous, buildUser, startTestApp, TEST_PASSWORD, type TestApp } from '../support/app.ts';

/** Directives of a CSP header: name → sources (lower-cased names, sources as written). */
export function parseCsp(header: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    assert.ok(!out.has(name.toLowerCase()), `directive ${name} appears twice`);
    out.set(name.toLowerCase(), sources);
  }
  return out;
}

function checkCsp(response: LightMyRequestResponse, what: string): void {
  const header = response.headers['content-security-policy'];
  assert.equal(typeof header, 'string', `${what}: no Content-Security-Policy header`);
  const csp = parseCsp(String(header));
  for (const [name, sources] of csp) {
    for (const source of sources) {
      assert.ok(!/^'unsafe-(inline|eval|hashes)'$|^'wasm-unsafe-eval'$/i.test(source), `${what}: ${name} allows ${source}`);
    }
  }
  assert.deepEqual(csp.get('object-src'), ["'none'"], `${what}: object-src`);
  assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], `${what}: frame-ancestors`);
  const base = csp.get('base-uri');
  assert.ok(base && base.every((s) => s === "'self'" || s === "'none'"), `${what}: base-uri must be 'self' or 'none', is ${base?.join(' ')}`);
  assert.ok(csp.get('form-action')?.every((s) => s === "'self'"), `${what}: form-action`);
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  assert.ok(scripts && scripts.length > 0, `${what}: no script-src or default-src`);
  for (const source of scripts!) {
    assert.ok(!source.includes('*') && !/^(data|blob|http|https|filesystem):?$/i.test(source), `${what}: script-src allows ${source}`);
  }
  const fallback = csp.get('default-src');
  assert.ok(fallback && !fallback.some((s) => s.includes('*')), `${what}: default-src must not be a wildcard`);
}

for (const mode of databaseModes()) {
  describe(`headers and cookies (${mode})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(mode, { secureCookies: true });
    });
    after(async () => t?.close());

    test('CSP parsed: no unsafe sources, object-src and frame-ancestors none, base-uri restricted, scripts only from self', async () => {
      const responses: [string, LightMyRequestResponse][] = [
        ['HTML page', await t.app.inject({ url: '/nl/leiden' })],
        ['login page', await t.app.inject({ url: '/en/login' })],
        ['404 error page', await t.app.inject({ url: '/nl/leiden/does-not-exist' })],
        ['400 error page', await t.app.inject({ url: '/nl/leiden/agreement/compare' })],
        ['API answer', await t.app.inject({ url: '/api/v1/programmes/leiden' })],
        ['API problem', await t.app.inject({ url: '/api/v1/programmes/nope' })],
        ['file', await t.app.inject({ url: '/assets/app.css' })],
        ['download', await t.app.inject({ url: '/nl/leiden/export/projects.csv' })],
      ];
      for (const [what, response] of responses) {
        assert.ok(response.statusCode < 500, `${what}: ${response.statusCode}`);
        checkCsp(response, what);
        assert.equal(response.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
      }
      assert.equal(responses[2]![1].statusCode, 404);
      assert.equal(responses[3]![1].statusCode, 400);
      // The pages carry no inline script or event handler that such a policy would have to allow.
      for (const [what, response] of responses.slice(0, 4)) {
        assert.doesNotMatch(response.body, /<script(?![^>]*\bsrc=)[^>]*>/i, `${what}: inline script`);
        assert.doesNotMatch(response.body, /\son[a-z]+="/i, `${what}: inline event handler`);
      }
    });

    test('a cached page, answered before Fastify, carries the same security headers as the miss that stored it', async () => {
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      const address = t.app.server.address();
      if (!address || typeof address === 'string') throw new Error('no address');
      const perAnswer = new Set(['date', 'x-page-cache', 'connection', 'keep-alive']);
      const headersOf = (response: Response) => Object.fromEntries([...response.headers].filter(([name]) => !perAnswer.has(name)));
      for (const path of ['/nl/leiden', '/en/leiden/news/feed.atom', '/nl/leiden/projects/3a']) {
        t.app.pageCache.clear();
        const url: string = `http://127.0.0.1:${address.port}${path}`;
        const miss: Response = await fetch(url);
        const hit: Response = await fetch(url);
        assert.equal(miss.headers.get('x-page-cache'), 'miss', path);
        assert.equal(hit.headers.get('x-page-cache'), 'hit', path);
        assert.deepEqual(headersOf(hit), headersOf(miss), path);
        checkCsp({ headers: headersOf(hit) } as unknown as LightMyRequestResponse, `${path} (hit)`);
        for (const name of ['x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy']) assert.ok(hit.headers.get(name), `${path}: ${name} on a hit`);
        // The same answer where a request reaches Fastify first (app.inject).
        const injected = await t.app.inject({ url: path });
        assert.equal(injected.headers['x-page-cache'], 'hit');
        const injectedHeaders = Object.fromEntries(Object.entries(injected.headers).filter(([name]) => !perAnswer.has(name)).map(([name, value]) => [name, String(value)]));
        assert.deepEqual(injectedHeaders, headersOf(hit), `${path}: inject`);
      }
    });

    test('the parser refuses what it must refuse', () => {
      const bad = { headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'" } };
      assert.throws(() => checkCsp(bad as unknown as LightMyRequestResponse, 'bad'), /unsafe-inline/);
      const wild = { headers: { 'content-security-policy': "default-src 'self'; script-src https://*.example.org; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'" } };
      assert.throws(() => checkCsp(wild as unknown as LightMyRequestResponse, 'wild'), /script-src allows/);
    });

    test('every cookie: HttpOnly, SameSite, Secure behind https, Path=/; the login cookie only after login', async () => {
      const seen = new Map<string, LightMyRequestResponse['cookies'][number]>();
      const collect = (response: LightMyRequestResponse) => {
        for (const cookie of response.cookies) if (cookie.value) seen.set(cookie.name, cookie);
      };
      const page = await t.app.inject({ url: '/nl/login' });
      collect(page);
      assert.ok(!page.cookies.some((c) => c.name === 'ks_session'), 'no session before login');
      const visitor = await anonymous(t);
      const user = await buildUser(t, { role: 'coordinator' });
      const loggedIn = await t.app.inject({ method: 'POST', url: '/nl/login', headers: { cookie: visitor.cookie }, payload: { email: user.email, password: TEST_PASSWORD, _csrf: visitor.csrf } });
      // A coordinator is asked to set up two-step login within the grace period, or goes on.
      assert.equal(loggedIn.statusCode, 303);
      collect(loggedIn);
      assert.ok(seen.has('ks_csrf'), 'the CSRF cookie was set');
      assert.ok(seen.has('ks_session') || seen.has('ks_login'), 'a session or login cookie was set');
      for (const [name, cookie] of seen) {
        assert.equal(cookie.httpOnly, true, `${name}: HttpOnly`);
        assert.ok(cookie.sameSite === 'Lax' || cookie.sameSite === 'Strict', `${name}: SameSite is ${cookie.sameSite}`);
        assert.equal(cookie.secure, true, `${name}: Secure behind https`);
        assert.equal(cookie.path, '/', `${name}: Path`);
        assert.equal(cookie.domain, undefined, `${name}: no Domain (host-only)`);
      }
      // A session cookie is a session's: no Max-Age beyond the absolute timeout.
      const session = seen.get('ks_session');
      if (session?.maxAge !== undefined) assert.ok(session.maxAge <= 24 * 3600 * 31, 'session cookie lifetime');
    });
  });
}
