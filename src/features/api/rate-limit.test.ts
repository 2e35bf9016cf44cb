// The API's fair share: API_RATE_LIMIT requests per minute per token, or per address without one.
// Beyond it: 429 problem+json in the caller's language, with Retry-After, as the OpenAPI document
// says; other addresses and other tokens are not affected.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { buildUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { programmes } from '../../db/schema.ts';
import { openApiChecker } from './testing.ts';
import { createApiToken } from './tokens/commands.ts';
import { API_PREFIX } from './schemas.ts';

const LIMIT = 4;

for (const mode of databaseModes()) {
  describe(`API rate limit (${mode})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(mode, { apiRateLimit: LIMIT });
    });
    after(async () => t.close());

    const get = (remoteAddress: string, headers: Record<string, string> = {}) => t.app.inject({ url: `${API_PREFIX}/programmes`, remoteAddress, headers });

    test('an address without a token gets its share, then 429 with Retry-After in its language; another address is not affected', async () => {
      const doc = await openApiChecker(t.app);
      const address = '198.51.100.7';
      for (let i = 0; i < LIMIT - 1; i++) assert.equal((await get(address)).statusCode, 200, `request ${i + 1}`);
      const last = await get(address);
      assert.equal(last.statusCode, 200);
      assert.equal(last.headers['x-ratelimit-remaining'], '0');
      const refused = await get(address, { 'accept-language': 'nl' });
      assert.equal(refused.statusCode, 429);
      assert.match(String(refused.headers['content-type']), /^application\/problem\+json/);
      const seconds = Number(refused.headers['retry-after']);
      assert.ok(seconds >= 1 && seconds <= 60, `Retry-After ${refused.headers['retry-after']}`);
      const problem = refused.json();
      assert.equal(problem.status, 429);
      assert.equal(problem.title, 'Te veel verzoeken');
      assert.match(problem.detail, /Meer dan 4 verzoeken per minuut/);
      assert.match(String(refused.headers['access-control-expose-headers']), /Retry-After/);
      doc.check(refused);
      assert.equal((await get(address, { 'accept-language': 'en' })).json().title, 'Too many requests');
      assert.equal((await get('198.51.100.8')).statusCode, 200, 'another address has its own share');
    });

    test('a token has its own share, also behind an address that used up its own', async () => {
      const address = '198.51.100.9';
      for (let i = 0; i <= LIMIT; i++) await get(address);
      assert.equal((await get(address)).statusCode, 429);
      const user = await buildUser(t, { role: 'coordinator' });
      const [programme] = await t.database.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden'));
      const mint = async () => (await createApiToken(t.database.db, { actor: { userId: user.id, displayName: 'x' }, name: 'limit', scope: 'read', programmeId: programme!.id })).token;
      const [first, second] = [await mint(), await mint()];
      for (let i = 0; i < LIMIT; i++) assert.equal((await get(address, { authorization: `Bearer ${first}` })).statusCode, 200, `token request ${i + 1}`);
      assert.equal((await get(address, { authorization: `Bearer ${first}` })).statusCode, 429);
      assert.equal((await get(address, { authorization: `Bearer ${second}` })).statusCode, 200, 'another token is not affected');
    });

    test('the document states the limit, documents 429 with Retry-After for every operation, and has a glossary of the agreement’s terms', async () => {
      const document = (await t.app.inject({ url: `${API_PREFIX}/openapi.json`, remoteAddress: '203.0.113.1' })).json();
      assert.match(document.info.description, /4 requests per minute/);
      assert.match(document.info.description, /\*\*fund\*\*: kennisfonds/);
      assert.ok(document.info['x-glossary'].some((entry: { term: string; dutch: string }) => entry.term === 'lead' && entry.dutch.startsWith('trekker')));
      for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>)) {
        for (const [method, operation] of Object.entries(operations)) {
          assert.ok(operation.responses['429']?.headers?.['Retry-After'], `${method} ${path} documents 429 with Retry-After`);
        }
      }
    });
  });
}
