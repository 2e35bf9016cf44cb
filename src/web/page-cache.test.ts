// The page cache on its own (no database): what is stored, what a hit sends over real HTTP, who is
// never answered from it, and that hits are summarised in the log instead of logged one by one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { PageCache, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, pageCacheServer, registerPageCache } from './page-cache.ts';

describe('page cache', () => {
  let app: FastifyInstance;
  let cache: PageCache;
  let base: string;
  let renders = 0;
  const logLines: { msg: string; pageCache?: { hits: number } }[] = [];

  before(async () => {
    cache = new PageCache();
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as (typeof logLines)[number]);
        done();
      },
    });
    app = Fastify({ serverFactory: pageCacheServer(cache), logger: { level: 'info', stream } });
    app.decorateRequest('actor', null);
    app.addHook('onRequest', async (request, reply) => {
      reply.header('x-security', 'on');
      if (request.headers['x-signed-in']) request.actor = { userId: 'u', displayName: 'U', programmeId: null, assignments: [] };
    });
    registerPageCache(app, cache, { summaryEveryMs: 200 });
    app.get('/page', { config: { pageCache: true } }, async (_request, reply) => {
      renders++;
      return reply.type('text/html; charset=utf-8').send(Buffer.from(`<p>page ${cache.invalidations}</p>`));
    });
    app.get('/form', { config: { pageCache: true } }, async (_request, reply) => reply.type('text/html').send('<input name="_csrf" value="x">'));
    // A change (another instance's NOTIFY) arrives while this page is rendered.
    app.get('/racy', { config: { pageCache: true } }, async (_request, reply) => {
      cache.clear();
      return reply.type('text/html').send('<p>rendered from data that may be older than the change</p>');
    });
    app.get('/uncached', async (_request, reply) => reply.type('text/html').send('<p>not cacheable</p>'));
    app.post('/write', async () => ({ ok: true }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    base = `http://127.0.0.1:${address.port}`;
  });
  after(async () => app?.close());

  const headersOf = (response: Response) => Object.fromEntries([...response.headers].filter(([name]) => name !== 'date' && name !== 'x-page-cache'));

  test('a miss is stored; a hit over HTTP sends the same headers and bytes without reaching Fastify', async () => {
    cache.clear();
    const before = renders;
    const miss = await fetch(`${base}/page`);
    const hit = await fetch(`${base}/page`);
    assert.equal(miss.headers.get('x-page-cache'), 'miss');
    assert.equal(hit.headers.get('x-page-cache'), 'hit');
    assert.equal(await hit.text(), await miss.text());
    assert.deepEqual(headersOf(hit), headersOf(miss));
    assert.equal(hit.headers.get('x-security'), 'on', 'headers set by earlier hooks are part of the entry');
    assert.equal(hit.headers.get('cache-control'), PUBLIC_CACHE_CONTROL);
    assert.match(String(hit.headers.get('etag')), /^"[A-Za-z0-9_-]{22}"$/, 'a strong ETag');
    assert.equal(renders, before + 1);
    const notModified = await fetch(`${base}/page`, { headers: { 'if-none-match': String(hit.headers.get('etag')) } });
    assert.equal(notModified.status, 304);
    assert.equal(notModified.headers.get('cache-control'), PUBLIC_CACHE_CONTROL);
    const head = await fetch(`${base}/page`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), miss.headers.get('content-length'));
    assert.equal(renders, before + 1);
  });

  test('never from the cache: a session cookie, an Authorization header, a signed-in answer, a form, a write', async () => {
    cache.clear();
    await fetch(`${base}/page`);
    const before = renders;
    for (const headers of [{ cookie: 'ks_csrf=abc; ks_session=whatever' }, { authorization: 'Bearer x' }] as Record<string, string>[]) {
      const response = await fetch(`${base}/page`, { headers });
      assert.notEqual(response.headers.get('x-page-cache'), 'hit', JSON.stringify(headers));
    }
    assert.equal(renders, before + 2);
    const signedIn = await fetch(`${base}/page`, { headers: { cookie: 'ks_session=s', 'x-signed-in': '1' } });
    assert.equal(signedIn.headers.get('cache-control'), PRIVATE_CACHE_CONTROL);
    assert.equal(signedIn.headers.get('etag'), null);
    const form = await fetch(`${base}/form`);
    assert.equal(form.headers.get('x-page-cache'), null);
    assert.equal((await fetch(`${base}/form`)).headers.get('x-page-cache'), null, 'a page with a form is never stored');
    assert.equal((await fetch(`${base}/uncached`)).headers.get('cache-control'), 'no-cache');
    const size = cache.size;
    assert.ok(size > 0);
    await fetch(`${base}/write`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    assert.equal(cache.size, 0, 'a successful write empties the cache');
  });

  test('a page rendered while a change arrived is not stored', async () => {
    cache.clear();
    const first = await fetch(`${base}/racy`);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('x-page-cache'), null, 'not offered as cacheable');
    assert.equal((await fetch(`${base}/racy`)).headers.get('x-page-cache'), null, 'and not stored');
    assert.equal(cache.size, 0);
  });

  test('hits are not logged one by one; a summary line counts them', async () => {
    cache.clear();
    await fetch(`${base}/page`);
    const linesBefore = logLines.filter((line) => line.msg !== 'page cache summary').length;
    for (let i = 0; i < 20; i++) await (await fetch(`${base}/page`)).text();
    assert.equal(logLines.filter((line) => line.msg !== 'page cache summary').length, linesBefore, 'no request lines for hits');
    await new Promise((resolve) => setTimeout(resolve, 450));
    const summaries = logLines.filter((line) => line.msg === 'page cache summary');
    assert.ok(summaries.length > 0, 'a summary was logged');
    assert.ok(summaries.reduce((sum, line) => sum + (line.pageCache?.hits ?? 0), 0) >= 20);
  });
});
