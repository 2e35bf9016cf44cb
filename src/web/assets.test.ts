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

  test('the enhancement script: one per page, from the site, a module at a hashed address kept for a year; the CSP allows only scripts from the site', async () => {
    const page = await t.app.inject({ url: '/nl/leiden' });
    const scripts = page.body.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    const src = /^<script type="module" src="(\/assets\/enhance-[0-9a-f]{12}\.js)"/.exec(scripts[0]!)?.[1];
    assert.ok(src, scripts[0]);
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /(^|;)\s*script-src 'self'(;|$)/);
    const script = await t.app.inject({ url: src });
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /^text\/javascript/);
    assert.equal(script.headers['cache-control'], 'public, max-age=31536000');
    assert.match(script.body, /data-counter/);
    const again = await t.app.inject({ url: src, headers: { 'if-none-match': String(script.headers.etag) } });
    assert.equal(again.statusCode, 304);
    // An old version's address is gone, not served stale.
    assert.equal((await t.app.inject({ url: '/assets/enhance-000000000000.js' })).statusCode, 404);
  });
});
