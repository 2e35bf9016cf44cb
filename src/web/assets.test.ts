// The site's icon: linked from every page, served as SVG, and /favicon.ico (asked for by browsers
// and crawlers that do not read the link) leads to it instead of answering "not found".
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/support/app.ts';

// No database is involved beyond starting the app: PGlite only.
describe('favicon', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite');
  });
  after(() => t.close());

  test('every page links the icon; it is an SVG with a cache validator; /favicon.ico redirects to it', async () => {
    for (const url of ['/nl/leiden', '/en/leiden/projects', '/nl/login']) {
      const page = await t.app.inject({ url });
      assert.match(page.body, /<link rel="icon" href="\/assets\/favicon\.svg" type="image\/svg\+xml"\/>/, url);
    }
    const icon = await t.app.inject({ url: '/assets/favicon.svg' });
    assert.equal(icon.statusCode, 200);
    assert.match(String(icon.headers['content-type']), /^image\/svg\+xml/);
    assert.match(icon.body, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(icon.headers.etag);
    const again = await t.app.inject({ url: '/assets/favicon.svg', headers: { 'if-none-match': String(icon.headers.etag) } });
    assert.equal(again.statusCode, 304);
    const legacy = await t.app.inject({ url: '/favicon.ico' });
    assert.equal(legacy.statusCode, 301);
    assert.equal(legacy.headers.location, '/assets/favicon.svg');
  });
});
