// No N+1: the number of database queries a page sends does not grow with the data. Each route is
// measured on the default programme, then again after adding ~20 projects, ~1k actions, meetings,
// decisions, measurements and news (the benchmark's 1x data).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { databaseModes } from './support/database.ts';
import { loginAs, startTestApp, type TestApp } from './support/app.ts';
import { generate, SCALES } from '../bench/generate.ts';

const ROUTES = [
  '/nl/leiden',
  '/nl/leiden/projects',
  '/nl/leiden/projects?theme=3',
  '/nl/leiden/projects/3a',
  '/nl/leiden/themes/3',
  '/nl/leiden/organisations',
  '/nl/leiden/organisations/gemeente-leiden',
  '/nl/leiden/dashboard',
  '/nl/leiden/deadlines',
  '/nl/leiden/targets',
  '/nl/leiden/targets/student-housing',
  '/nl/leiden/news',
  '/nl/leiden/events',
  '/nl/leiden/decisions',
  '/nl/leiden/search?q=huisvesting',
  '/nl/leiden/bodies',
  '/nl/leiden/annual-agendas',
  '/nl/leiden/agreement',
  '/nl/leiden/fund',
  '/nl/leiden/proposals',
  '/api/v1/programmes/leiden/projects?page=2&pageSize=20',
];

for (const mode of databaseModes()) {
  describe(`queries per request do not grow with the data (${mode})`, () => {
    let t: TestApp;
    let cookie: string;
    before(async () => {
      t = await startTestApp(mode);
      cookie = (await loginAs(t, { role: 'coordinator' })).cookie;
    });
    after(async () => t.close());

    async function measure(): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      for (const url of ROUTES) {
        // The coordinator's pages are never served from the page cache, so every query shows.
        const first = await t.app.inject({ url, headers: { cookie } });
        assert.equal(first.statusCode, 200, `${url} answers 200`);
        const before = t.database.queryCount();
        await t.app.inject({ url, headers: { cookie } });
        counts[url] = t.database.queryCount() - before;
      }
      return counts;
    }

    test('each route sends the same number of queries at 1x as on the default data', async () => {
      const small = await measure();
      await generate(t.database.db, SCALES['1x']);
      const large = await measure();
      assert.deepEqual(large, small);
      for (const [url, n] of Object.entries(small)) assert.ok(n <= 25, `${url} sends ${n} queries`);
    });
  });
}
