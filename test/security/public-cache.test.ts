// Public pages that a shared cache (nginx, a CDN) may keep, on both databases:
//  - no anonymous page sets a cookie unless it carries a form, and then only the CSRF cookie;
//  - every form a visitor can post still works (its page sets the cookie) and the double-submit
//    check is as strict as before (no cookie, or another visitor's cookie: 403);
//  - cacheable answers are `public, s-maxage` with a strong ETag, signed-in answers `private,
//    no-store`; a signed-in person never gets the public's cached page and the public never gets
//    a signed-in page, whichever comes first.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { databaseModes } from '../support/database.ts';
import { buildUser, csrfFrom, loginAs, startTestApp, type TestApp } from '../support/app.ts';
import { createInvitation } from '../../src/features/accounts/invitations.ts';
import { requestPasswordReset } from '../../src/features/accounts/resets.ts';
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '../../src/web/page-cache.ts';
import { ACCESS_MATRIX } from './access-matrix.ts';
import { fillPattern, variantsOf } from './matrix-walk.ts';
import { buildWorld, ROLE_KEYS, type World } from './world.ts';

const ANONYMOUS = ROLE_KEYS.indexOf('anonymous');
const SIGNED_IN_NAME = 'Ingelogde Persoon Zichtbaar';

const setCookies = (response: LightMyRequestResponse) => response.cookies.map((cookie) => cookie.name);
const csrfCookieOf = (response: LightMyRequestResponse) => response.cookies.find((cookie) => cookie.name === 'ks_csrf')?.value;

for (const mode of databaseModes()) {
  describe(`public pages and shared caches (${mode})`, () => {
    let t: TestApp;
    let world: World;
    let signedIn: { cookie: string; csrf: string };
    /** Every anonymous page answered 2xx in the walk, with what it sent. */
    const publicPages: { key: string; url: string; response: LightMyRequestResponse }[] = [];

    before(async () => {
      t = await startTestApp(mode);
      world = await buildWorld(t);
      signedIn = await loginAs(t, { role: 'coordinator', name: SIGNED_IN_NAME });
    });
    after(async () => t?.close());

    test('no anonymous public page sets a cookie; a page with a form sets only the CSRF cookie and is private', async () => {
      const formPages: string[] = [];
      const keys = Object.keys(ACCESS_MATRIX).filter((key) => key.startsWith('GET '));
      for (const key of keys) {
        for (const variant of variantsOf(key)) {
          const row = ACCESS_MATRIX[key]![variant]!.replace(/\s+/g, '');
          if (row[ANONYMOUS] !== 'o') continue;
          const url = fillPattern(key, variant, world, world.actors.anonymous);
          // A first visit: no cookie of any kind.
          const response = await t.app.inject({ url });
          assert.ok(response.statusCode < 300, `${key} [${variant}] ${url}: ${response.statusCode}`);
          if (response.body.includes('name="_csrf"')) {
            formPages.push(key);
            assert.deepEqual(setCookies(response), ['ks_csrf'], `${url}: a form page sets the CSRF cookie only`);
            assert.equal(csrfFrom(response.body), csrfCookieOf(response), `${url}: the form carries the cookie's token`);
            assert.equal(response.headers['cache-control'], PRIVATE_CACHE_CONTROL, `${url}: a page with a visitor's token is private`);
          } else {
            assert.deepEqual(setCookies(response), [], `${url} (${key}) sets a cookie`);
            publicPages.push({ key, url, response });
            // And again, now from the cache where it is cacheable.
            assert.deepEqual(setCookies(await t.app.inject({ url })), [], `${url}: second visit sets a cookie`);
          }
        }
      }
      assert.deepEqual([...new Set(formPages)].sort(), ['GET ~/login', 'GET ~/password/forgot']);
      assert.ok(publicPages.length > 40, `walked ${publicPages.length} public pages`);
    });

    test('cacheable answers: HTML pages, feeds, calendars and the sitemap are public with a strong ETag', async () => {
      const cacheable = publicPages.filter(({ response }) => response.headers['cache-control'] === PUBLIC_CACHE_CONTROL);
      const types = new Set(cacheable.map(({ response }) => String(response.headers['content-type']).split(';')[0]));
      for (const type of ['text/html', 'application/atom+xml', 'text/calendar', 'application/xml']) assert.ok(types.has(type), `a cacheable ${type} answer`);
      for (const key of ['GET ~/:programme', 'GET ~/:programme/projects/:code', 'GET ~/:programme/news', 'GET ~/:programme/news/feed.atom', 'GET ~/:programme/events.ics', 'GET /sitemap.xml']) {
        assert.ok(cacheable.some((page) => page.key === key), `${key} is cacheable`);
      }
      for (const { url, response } of cacheable) {
        assert.match(String(response.headers.etag), /^"[A-Za-z0-9_-]{22}"$/, `${url}: strong ETag`);
        assert.ok(response.headers['last-modified'], `${url}: Last-Modified`);
      }
      // Everything else anonymous is not for shared caches.
      for (const { url, response } of publicPages) {
        const header = String(response.headers['cache-control'] ?? '');
        if (header === PUBLIC_CACHE_CONTROL) continue;
        assert.ok(!/\bpublic\b|s-maxage/.test(header) || /^public, max-age=\d+$/.test(header), `${url}: ${header}`);
      }
    });

    test('a signed-in person never gets a page cached for the public', async () => {
      const cacheable = publicPages.filter(({ response }) => response.headers['cache-control'] === PUBLIC_CACHE_CONTROL);
      for (const { url } of cacheable) {
        const anonymous = await t.app.inject({ url });
        assert.equal(anonymous.headers['x-page-cache'], 'hit', `${url}: cached for the public`);
        const own = await t.app.inject({ url, headers: { cookie: signedIn.cookie } });
        assert.notEqual(own.headers['x-page-cache'], 'hit', `${url}: a signed-in person got the public's page`);
        assert.equal(own.headers['cache-control'], PRIVATE_CACHE_CONTROL, `${url}: signed-in answer`);
        assert.equal(own.headers.etag, undefined, `${url}: no shared validator`);
        assert.deepEqual(setCookies(own), [], `${url}: no cookie for a signed-in GET`);
        if (String(own.headers['content-type']).startsWith('text/html')) assert.match(own.body, new RegExp(SIGNED_IN_NAME), `${url}: the signed-in page`);
      }
    });

    test('the public never gets a signed-in page, also when the signed-in person asked first', async () => {
      const cacheable = publicPages.filter(({ response }) => response.headers['cache-control'] === PUBLIC_CACHE_CONTROL);
      t.app.pageCache.clear();
      for (const { url } of cacheable) {
        const own = await t.app.inject({ url, headers: { cookie: signedIn.cookie } });
        assert.equal(own.headers['cache-control'], PRIVATE_CACHE_CONTROL);
      }
      assert.equal(t.app.pageCache.size, 0, 'nothing a signed-in person was sent is stored');
      for (const { url } of cacheable) {
        const anonymous = await t.app.inject({ url });
        assert.equal(anonymous.headers['x-page-cache'], 'miss', `${url}`);
        assert.doesNotMatch(anonymous.body, new RegExp(SIGNED_IN_NAME), `${url}: the public got a signed-in page`);
        assert.equal(anonymous.headers['cache-control'], PUBLIC_CACHE_CONTROL);
      }
      // A session cookie that is no longer valid: not from the cache, the cookie is cleared, not stored.
      const url = cacheable[0]!.url;
      const stale = await t.app.inject({ url, headers: { cookie: 'ks_session=expired-or-forged-token-value-000000000000' } });
      assert.notEqual(stale.headers['x-page-cache'], 'hit');
      assert.equal(stale.headers['cache-control'], PRIVATE_CACHE_CONTROL);
      assert.ok(setCookies(stale).includes('ks_session'), 'the dead session cookie is cleared');
    });

    test('every form a visitor can post: its page sets the CSRF cookie, posting works, the double-submit check holds', async () => {
      const coordinator = { userId: world.actors.coordinator.userId!, displayName: 'Coordinator', programmeId: world.home.programmeId, assignments: [{ role: 'coordinator' as const }] };
      const invited = await createInvitation(t.database.db, coordinator, world.home.programmeId, { email: `visitor-${Date.now()}@example.org`, displayName: 'Invited Visitor', role: 'support' });
      if (!invited.ok) throw new Error('no invitation');
      const forgetful = await buildUser(t);
      const reset = await requestPasswordReset(t.database.db, forgetful.email);
      if (!reset) throw new Error('no reset link');
      const forms: { page: string; post: string; fields: Record<string, string> }[] = [
        { page: '/nl/login', post: '/nl/login', fields: { email: 'nobody@example.org', password: 'wrong password for nobody' } },
        { page: '/en/password/forgot', post: '/en/password/forgot', fields: { email: 'nobody@example.org' } },
        { page: `/nl/invitation/${invited.token}`, post: `/nl/invitation/${invited.token}`, fields: { password: 'short' } },
        { page: `/en/password/reset/${reset.token}`, post: `/en/password/reset/${reset.token}`, fields: { password: 'short', confirm: 'short' } },
      ];
      const other = await t.app.inject({ url: '/nl/login' });
      const otherCookie = `ks_csrf=${csrfCookieOf(other)}`;
      for (const form of forms) {
        const page = await t.app.inject({ url: form.page });
        assert.equal(page.statusCode, 200, form.page);
        const cookie = csrfCookieOf(page);
        assert.ok(cookie, `${form.page} sets the CSRF cookie`);
        assert.equal(page.headers['cache-control'], PRIVATE_CACHE_CONTROL, `${form.page} is private`);
        const token = csrfFrom(page.body);
        // A second visit keeps the visitor's cookie and token.
        const again = await t.app.inject({ url: form.page, headers: { cookie: `ks_csrf=${cookie}` } });
        assert.deepEqual(setCookies(again), [], `${form.page}: no new cookie for a visitor who has one`);
        assert.equal(csrfFrom(again.body), token);
        const posted = await t.app.inject({ method: 'POST', url: form.post, headers: { cookie: `ks_csrf=${cookie}` }, payload: { ...form.fields, _csrf: token } });
        assert.ok(posted.statusCode !== 403 && posted.statusCode < 500, `${form.post}: ${posted.statusCode}`);
        const withoutCookie = await t.app.inject({ method: 'POST', url: form.post, payload: { ...form.fields, _csrf: token } });
        assert.equal(withoutCookie.statusCode, 403, `${form.post} without the cookie`);
        const crossed = await t.app.inject({ method: 'POST', url: form.post, headers: { cookie: otherCookie }, payload: { ...form.fields, _csrf: token } });
        assert.equal(crossed.statusCode, 403, `${form.post} with another visitor's cookie`);
        const noToken = await t.app.inject({ method: 'POST', url: form.post, headers: { cookie: `ks_csrf=${cookie}` }, payload: form.fields });
        assert.equal(noToken.statusCode, 403, `${form.post} without the token`);
      }
    });
  });
}
