// deploy/nginx/kennisstad.conf with real nginx (Debian's package) in front of two app instances on
// one PostgreSQL database (PGlite is one process: it cannot have two instances):
//  - an edit made through instance A is visible through nginx within 2 seconds on a page nginx
//    last fetched from instance B (and stays visible, whichever instance nginx asks next);
//  - a signed-in person's pages never come from the proxy's cache, and the public never gets them;
//  - the stylesheets come from disk, identical to what the app serves.
// "Within 2 seconds" is a correctness bound checked by polling, not a speed measurement.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { projectPath } from '../../src/paths.ts';
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '../../src/web/page-cache.ts';
import { buildUser, login, startTestApp, TEST_PASSWORD, type TestApp } from '../support/app.ts';
import { databaseModes } from '../support/database.ts';
import { nginxAvailable, startProxy, type RunningNginx } from '../support/nginx.ts';

const PAGE = '/en/leiden/news';
const SIGNED_IN_NAME = 'Proxy Coordinator Visible';

async function serve(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `127.0.0.1:${address.port}`;
}

/** Counts the requests for a path that reach an instance (nginx's fetches and revalidations). */
function countRequests(app: FastifyInstance, path: string): () => number {
  let count = 0;
  app.server.on('request', (request: { url?: string }) => {
    if (request.url === path) count++;
  });
  return () => count;
}

function cookiesOf(response: Response): Record<string, string> {
  return Object.fromEntries(response.headers.getSetCookie().map((line) => line.split(';')[0]!.split('=') as [string, string]));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const run = databaseModes().includes('postgres') && nginxAvailable();

describe('deploy/nginx/kennisstad.conf: nginx in front of two instances on one PostgreSQL', { skip: !run }, () => {
  let a: TestApp;
  let bDatabase: DatabaseHandle;
  let b: FastifyInstance;
  let addressA: string;
  let addressB: string;
  let proxy: RunningNginx;
  let fetchesA: () => number;
  let fetchesB: () => number;

  before(async () => {
    a = await startTestApp('postgres');
    bDatabase = await openDatabase({ databaseUrl: a.database.url! });
    b = await buildApp({ config: a.config, database: bDatabase, logger: false });
    await b.ready();
    addressA = await serve(a.app);
    addressB = await serve(b);
    fetchesA = countRequests(a.app, PAGE);
    fetchesB = countRequests(b, PAGE);
    proxy = await startProxy([addressA, addressB]);
  });
  after(async () => {
    await proxy?.stop();
    await b?.close();
    await bDatabase?.close();
    await a?.close();
  });

  const viaProxy = (path: string, init: RequestInit = {}) => fetch(`${proxy.url}${path}`, { redirect: 'manual', ...init });

  /**
   * Signs in through the login form at `base`. A coordinator also enrols two-step login at the
   * first login, so the test helper signs the coordinator in (the session is in the shared database
   * and holds for both instances); a support member signs in through the form, here through nginx.
   */
  async function signIn(base: string, role: 'coordinator' | 'support' = 'support'): Promise<{ cookie: string; csrf: string }> {
    const user = await buildUser(a, { role, name: SIGNED_IN_NAME });
    if (role === 'coordinator') return login(a, user.email);
    const page = await fetch(`${base}/en/login`);
    const csrfCookie = cookiesOf(page).ks_csrf;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
    assert.ok(csrfCookie && csrf, 'the login page sets the CSRF cookie');
    const response = await fetch(`${base}/en/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: `ks_csrf=${csrfCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD, _csrf: csrf! }).toString(),
    });
    assert.equal(response.status, 303);
    const session = cookiesOf(response).ks_session;
    assert.ok(session, 'signed in');
    return { cookie: `ks_session=${session}`, csrf: csrf! };
  }

  test('an edit through instance A is visible through nginx within 2 s on a page last served by instance B', async (context) => {
    // Both instances hold the page in their own cache.
    for (const address of [addressA, addressB]) for (let i = 0; i < 2; i++) await (await fetch(`http://${address}${PAGE}`)).text();
    // Ask through nginx until its copy came from B: the proxy then holds B's answer, and B has
    // only the database's NOTIFY to learn of an edit made through A.
    let servedByB = false;
    let proxyHits = 0;
    const deadline = Date.now() + 15_000;
    while (!servedByB && Date.now() < deadline) {
      const before = { a: fetchesA(), b: fetchesB() };
      const response = await viaProxy(PAGE);
      await response.text();
      assert.equal(response.status, 200);
      assert.deepEqual(response.headers.getSetCookie(), [], 'an anonymous page sets no cookie');
      if (response.headers.get('x-cache-status') === 'HIT') proxyHits++;
      servedByB = fetchesB() > before.b && fetchesA() === before.a && response.headers.get('cache-control') === PUBLIC_CACHE_CONTROL;
      if (!servedByB) await sleep(150);
    }
    assert.ok(servedByB, 'nginx fetched the page from instance B');
    assert.ok(proxyHits > 0 || (await viaProxy(PAGE)).headers.get('x-cache-status') === 'HIT', 'nginx keeps the page (micro-cache)');

    const coordinator = await signIn(`http://${addressA}`, 'coordinator');
    const title = `Through instance A ${Date.now()}`;
    const created = await fetch(`http://${addressA}/en/leiden/manage/website/news/new`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: coordinator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ title_nl: title, title_en: title, status: 'published', _csrf: await csrfOf(`http://${addressA}`, coordinator.cookie) }).toString(),
    });
    assert.equal(created.status, 303, 'the edit went through instance A');
    const edited = Date.now();
    let visibleAfter = -1;
    while (Date.now() - edited <= 2000) {
      if ((await (await viaProxy(PAGE)).text()).includes(title)) {
        visibleAfter = Date.now() - edited;
        break;
      }
      await sleep(50);
    }
    assert.ok(visibleAfter >= 0, 'the edit was not visible through nginx within 2 s');
    context.diagnostic(`edit visible through nginx after ${visibleAfter} ms`);
    // And it stays: over the next seconds nginx asks A and B again, both must have the edit.
    const fetchesBefore = { a: fetchesA(), b: fetchesB() };
    const until = Date.now() + 2500;
    while (Date.now() < until) {
      assert.match(await (await viaProxy(PAGE)).text(), new RegExp(title), 'a stale page came back through nginx');
      await sleep(100);
    }
    assert.ok(fetchesA() + fetchesB() > fetchesBefore.a + fetchesBefore.b, 'nginx asked the instances again');
    assert.match(await (await fetch(`http://${addressB}${PAGE}`)).text(), new RegExp(title), 'instance B itself shows the edit');
  });

  test("a signed-in person's pages are never served from the proxy cache, and never to the public", async () => {
    const person = await signIn(proxy.url);
    for (const path of [PAGE, '/en/leiden', '/en/leiden/projects/3a']) {
      // The public's copy is in nginx's cache...
      for (let i = 0; i < 3; i++) await (await viaProxy(path)).text();
      // ...and the signed-in person never gets it.
      for (let i = 0; i < 5; i++) {
        const own = await viaProxy(path, { headers: { cookie: person.cookie } });
        const body = await own.text();
        assert.equal(own.headers.get('x-cache-status'), 'BYPASS', `${path}: signed-in request read the proxy cache`);
        assert.equal(own.headers.get('cache-control'), PRIVATE_CACHE_CONTROL, path);
        assert.match(body, new RegExp(SIGNED_IN_NAME), `${path}: the signed-in page`);
      }
      // Nor does the public ever get the signed-in page (it was not stored).
      for (let i = 0; i < 5; i++) {
        const anonymous = await viaProxy(path);
        assert.doesNotMatch(await anonymous.text(), new RegExp(SIGNED_IN_NAME), `${path}: the public got a signed-in page`);
        assert.equal(anonymous.headers.get('cache-control'), PUBLIC_CACHE_CONTROL, path);
      }
    }
    // The same after signing in first, on a page nginx has not stored yet.
    const fresh = '/en/leiden/organisations';
    const own = await viaProxy(fresh, { headers: { cookie: person.cookie } });
    assert.match(await own.text(), new RegExp(SIGNED_IN_NAME));
    const anonymous = await viaProxy(fresh);
    assert.doesNotMatch(await anonymous.text(), new RegExp(SIGNED_IN_NAME));
    assert.notEqual(anonymous.headers.get('x-cache-status'), 'HIT', 'nothing stored from the signed-in request');
  });

  test('the stylesheets come from disk, the same bytes the app serves', async () => {
    const require = createRequire(import.meta.url);
    const files: Record<string, string> = {
      '/assets/app.css': projectPath('public', 'app.css'),
      '/assets/utrecht.css': require.resolve('@utrecht/component-library-css/dist/index.css'),
    };
    for (const [path, file] of Object.entries(files)) {
      const fromProxy = await viaProxy(path, { headers: { 'accept-encoding': 'identity' } });
      assert.equal(fromProxy.status, 200, path);
      assert.equal(fromProxy.headers.get('x-cache-status'), null, `${path} did not go to the app`);
      assert.equal(fromProxy.headers.get('content-security-policy'), null, `${path} was answered by nginx, not the app`);
      const bytes = Buffer.from(await fromProxy.arrayBuffer());
      assert.ok(bytes.equals(readFileSync(file)), path);
      assert.ok(bytes.equals(Buffer.from(await (await fetch(`http://${addressA}${path}`)).arrayBuffer())), `${path}: as the app serves it`);
    }
    // A programme's theme is generated by the app.
    const theme = await viaProxy('/assets/theme/leiden.css');
    assert.equal(theme.status, 200);
    assert.ok(theme.headers.get('content-security-policy'), 'the theme comes from the app');
  });
});

async function csrfOf(base: string, cookie: string): Promise<string> {
  const page = await fetch(`${base}/en/account`, { headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!token) throw new Error('no CSRF token on the account page');
  return token;
}
