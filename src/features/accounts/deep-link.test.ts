// Signed out is not "not found" (issue 18): a link to an internal page (a reminder, an invitation)
// opened without a session leads to the login page and, after login (also with the second step),
// back to that page; the return address is only ever a local path. Signed in without the right:
// a 403 page that says so, in the reader's language; records the person may not see stay 404.
// A form over the body limit: a 413 page in the reader's language. On both databases.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { databaseModes } from '../../../test/support/database.ts';
import { anonymous, buildUser, loginAs, startTestApp, TEST_PASSWORD, type Session, type TestApp } from '../../../test/support/app.ts';
import { FORM_BODY_LIMIT } from '../../web/forms.ts';
import { currentCode } from './totp.ts';

const P = '/nl/leiden';

for (const mode of databaseModes()) {
  describe(`deep links, 403 and 413 pages (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session & { userId: string };
    let meetingPath: string;
    before(async () => {
      t = await startTestApp(mode);
      coordinator = await loginAs(t, { role: 'coordinator' });
      const planned = await t.app.inject({
        method: 'POST',
        url: `${P}/bodies/support/meetings`,
        headers: { cookie: coordinator.cookie },
        payload: { date: '2030-09-01', startTime: '14:00', endTime: '16:00', location: 'Stadhuis Leiden', _csrf: coordinator.csrf },
      });
      assert.equal(planned.statusCode, 303, planned.body.slice(0, 300));
      meetingPath = String(planned.headers.location);
    });
    after(async () => t.close());

    const cookieOf = (response: { cookies: { name: string; value: string }[] }, name: string) => response.cookies.find((c) => c.name === name)?.value;

    /** Follows the login page's own form: the return address travels as its hidden `next` field. */
    async function loginFrom(loginUrl: string, email: string) {
      const page = await t.app.inject({ url: loginUrl });
      assert.equal(page.statusCode, 200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
      const next = /name="next" value="([^"]*)"/.exec(page.body)?.[1];
      const cookie = `ks_csrf=${cookieOf(page, 'ks_csrf')}`;
      const payload: Record<string, string> = { email, password: TEST_PASSWORD, _csrf: csrf };
      if (next !== undefined) payload.next = next.replace(/&amp;/g, '&');
      const response = await t.app.inject({ method: 'POST', url: loginUrl.split('?')[0]!, headers: { cookie }, payload });
      return { response, cookie, csrf, next };
    }

    test('a meeting link opened without a session: login, then back on the meeting', async () => {
      const member = await buildUser(t, { role: 'support' });
      const deep = await t.app.inject({ url: meetingPath });
      assert.equal(deep.statusCode, 303, 'not "page not found"');
      const loginUrl = String(deep.headers.location);
      assert.equal(loginUrl, `/nl/login?next=${encodeURIComponent(meetingPath)}`);
      const { response } = await loginFrom(loginUrl, member.email);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, meetingPath, 'back where the link pointed');
      const page = await t.app.inject({ url: meetingPath, headers: { cookie: `ks_session=${cookieOf(response, 'ks_session')}` } });
      assert.equal(page.statusCode, 200);
    });

    test('the same answer for a record that does not exist: a visitor learns nothing; after login it is 404', async () => {
      const missing = `${P}/meetings/00000000-0000-4000-8000-000000000000`;
      const deep = await t.app.inject({ url: missing });
      assert.equal(deep.statusCode, 303);
      assert.equal(deep.headers.location, `/nl/login?next=${encodeURIComponent(missing)}`);
      const member = await buildUser(t, { role: 'support' });
      const { response } = await loginFrom(String(deep.headers.location), member.email);
      const page = await t.app.inject({ url: String(response.headers.location), headers: { cookie: `ks_session=${cookieOf(response, 'ks_session')}` } });
      assert.equal(page.statusCode, 404);
      // A public page that does not exist stays a plain 404, also for a visitor.
      assert.equal((await t.app.inject({ url: `${P}/news/bestaat-niet` })).statusCode, 404);
    });

    test('with the second step: password, code, then back on the page (query kept)', async () => {
      const member = await loginAs(t, { role: 'support' });
      const enrol = await t.app.inject({ url: '/nl/account/two-factor/enrol', headers: { cookie: member.cookie } });
      const secret = /id="totp-secret">([A-Z2-7]+)</.exec(enrol.body)![1]!;
      const enrolled = await t.app.inject({ method: 'POST', url: '/nl/account/two-factor/enrol', headers: { cookie: member.cookie }, payload: { _csrf: member.csrf, secret, code: currentCode(secret, Date.now() - 30_000) } });
      assert.equal(enrolled.statusCode, 200);

      const target = `${meetingPath}?tab=minutes`;
      const deep = await t.app.inject({ url: target });
      assert.equal(deep.statusCode, 303);
      const { response, cookie, csrf } = await loginFrom(String(deep.headers.location), member.email);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/nl/login/verify');
      const step = `${cookie}; ks_login=${cookieOf(response, 'ks_login')}`;
      const verified = await t.app.inject({ method: 'POST', url: '/nl/login/verify', headers: { cookie: step }, payload: { _csrf: csrf, code: currentCode(secret) } });
      assert.equal(verified.statusCode, 303);
      assert.equal(verified.headers.location, target, 'the second step keeps the return address');
    });

    test('a foreign return address is refused: the login page drops it and login lands on the start page', async () => {
      for (const next of ['//evil.example/nl/leiden', '/\\evil.example', 'https://evil.example/', '/nl/\r\nSet-Cookie: x=1', '/\t/evil.example']) {
        const page = await t.app.inject({ url: `/nl/login?next=${encodeURIComponent(next)}` });
        assert.equal(page.statusCode, 200);
        assert.doesNotMatch(page.body, /name="next"/, `${JSON.stringify(next)} is not carried by the form`);
        assert.doesNotMatch(page.body, /evil\.example/);
        const user = await buildUser(t, { role: 'support' });
        const visitor = await anonymous(t);
        const posted = await t.app.inject({ method: 'POST', url: '/nl/login', headers: { cookie: visitor.cookie }, payload: { email: user.email, password: TEST_PASSWORD, _csrf: visitor.csrf, next } });
        assert.equal(posted.statusCode, 303);
        assert.equal(posted.headers.location, '/nl/my-work', JSON.stringify(next));
      }
    });

    test('signed in without the right on a management page: a 403 page that says so, in the reader’s language', async () => {
      const partner = await loginAs(t, { role: 'lead', project: '1a', name: 'Petra Partner' });
      const nl = await t.app.inject({ url: `${P}/dashboard`, headers: { cookie: partner.cookie } });
      assert.equal(nl.statusCode, 403);
      assert.match(nl.body, /<html lang="nl"/);
      assert.match(nl.body, /Geen toegang tot deze pagina/);
      assert.match(nl.body, /Vraag de coördinator van het programma om die rol/);
      assert.match(nl.body, /U bent ingelogd als Petra Partner\./);
      assert.ok(nl.body.includes('href="/nl/leiden/my-work"'), 'a way on: the person’s own start page');
      const en = await t.app.inject({ url: '/en/leiden/manage/website', headers: { cookie: partner.cookie } });
      assert.equal(en.statusCode, 403);
      assert.match(en.body, /No access to this page/);
      assert.match(en.body, /You are signed in as Petra Partner\./);
      // A write to a management action: the same answer, and nothing changes.
      const write = await t.app.inject({ method: 'POST', url: `${P}/invitations`, headers: { cookie: partner.cookie }, payload: { _csrf: partner.csrf, email: 'x@example.org' } });
      assert.equal(write.statusCode, 403);
      // A record the person may not see stays "not found".
      const meeting = await t.app.inject({ url: meetingPath, headers: { cookie: partner.cookie } });
      assert.equal(meeting.statusCode, 404);
      // Without a session the management page leads to the login page.
      const anonymousVisit = await t.app.inject({ url: `${P}/dashboard` });
      assert.equal(anonymousVisit.statusCode, 303);
      assert.equal(anonymousVisit.headers.location, `/nl/login?next=${encodeURIComponent(`${P}/dashboard`)}`);
    });

    test('the API keeps problem+json: 401 without a token, never a redirect', async () => {
      const anonymousApi = await t.app.inject({ url: '/api/v1/programmes/leiden/funds' });
      assert.equal(anonymousApi.statusCode, 401);
      assert.match(String(anonymousApi.headers['content-type']), /application\/problem\+json/);
    });

    test('a form post over the size limit: a 413 page in the reader’s language, nothing saved', async () => {
      const huge = 'a'.repeat(FORM_BODY_LIMIT + 1);
      for (const [locale, title, body] of [
        ['nl', /Het formulier is te groot/, /Er is niets opgeslagen\. Ga terug/],
        ['en', /The form is too large/, /Nothing was saved\. Go back/],
      ] as const) {
        const response = await t.app.inject({
          method: 'POST',
          url: `/${locale}/leiden${meetingPath.slice('/nl/leiden'.length)}/minutes`,
          headers: { cookie: coordinator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: `_csrf=${coordinator.csrf}&version=1&minutes_nl=${huge}`,
        });
        assert.equal(response.statusCode, 413);
        assert.match(String(response.headers['content-type']), /text\/html/);
        assert.match(response.body, new RegExp(`<html lang="${locale}"`));
        assert.match(response.body, title);
        assert.match(response.body, body);
      }
    });
  });
}
