import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { crossOvers } from './tables.ts';

for (const mode of databaseModes()) {
  describe(`cross-overs and network (${mode})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(mode, {}, { leiden: 'running' });
    });
    after(async () => t.close());

    test('the public page shows the seeded cross-overs, an SVG with title and a table, without suggestions or form', async () => {
      const page = await t.app.inject({ url: '/en/leiden/cross-overs' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<svg[^>]+role="img"[^>]+aria-labelledby="network-title network-desc"/);
      assert.match(page.body, /<title id="network-title">Partner network/);
      assert.match(page.body, /House of Education and the Regional Support Centre/);
      assert.match(page.body, /Leiden University<\/a><\/th>/);
      assert.doesNotMatch(page.body, /Possible cross-overs|name="reason_nl"/);
      // No script but the site's one enhancement (the character count of long fields).
      assert.doesNotMatch(page.body, /<script(?! type="module" src="\/assets\/enhance-[0-9a-f]+\.js")/);
    });

    test('a lead links their project with another; not two unrelated projects; duplicates and bad input refused', async () => {
      const lead = await loginAs(t, { role: 'lead', project: '3a' });
      const page = await t.app.inject({ url: '/nl/leiden/cross-overs?a=3a&b=3b', headers: { cookie: lead.cookie } });
      assert.match(page.body, /Mogelijke cross-overs/);
      assert.match(page.body, /<option value="3a" selected/);
      const post = (payload: Record<string, string>) => t.app.inject({ method: 'POST', url: '/nl/leiden/cross-overs', headers: { cookie: lead.cookie }, payload: { _csrf: lead.csrf, ...payload } });
      assert.equal((await post({ a: '3a', b: '3a', reason_nl: 'x' })).statusCode, 400);
      assert.equal((await post({ a: '3a', b: '9z', reason_nl: 'x' })).statusCode, 400);
      assert.equal((await post({ a: '3a', b: '1a', reason_nl: '' })).statusCode, 400);
      assert.equal((await post({ a: '1a', b: '2c', reason_nl: 'niet van mij' })).statusCode, 404);
      const before = (await t.database.db.select().from(crossOvers)).length;
      assert.equal((await post({ a: '3a', b: '1a', reason_nl: 'Huisvesting en talent', reason_en: 'Housing and talent' })).statusCode, 303);
      assert.equal((await t.database.db.select().from(crossOvers)).length, before + 1);
      assert.equal((await post({ a: '1a', b: '3a', reason_nl: 'nog eens' })).statusCode, 409);
      const history = await t.app.inject({ url: '/en/leiden/projects/1a', headers: { cookie: (await loginAs(t, { role: 'coordinator' })).cookie } });
      assert.match(history.body, /Cross-over recorded/);
      const partner = await loginAs(t, { role: 'partner', organisation: 'lumc' });
      assert.equal((await t.app.inject({ method: 'POST', url: '/nl/leiden/cross-overs', headers: { cookie: partner.cookie }, payload: { _csrf: partner.csrf, a: '2c', b: '4c', reason_nl: 'x' } })).statusCode, 403);
    });
  });
}
