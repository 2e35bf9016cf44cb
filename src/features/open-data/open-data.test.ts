import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { auditEvents, programmes } from '../../db/schema.ts';
import { parseCsv } from '../../domain/export-cells.ts';
import { DCAT_CONTEXT } from './dcat.ts';

const CC0 = 'http://creativecommons.org/publicdomain/zero/1.0/deed.nl';
const CC_BY = 'http://creativecommons.org/licenses/by/4.0/deed.nl';

/** Every compact IRI ("prefix:term") used as a key or a @type is declared in the inline context. */
function undeclaredPrefixes(node: unknown, context: Record<string, string>, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) undeclaredPrefixes(item, context, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      const names = key === '@type' ? [String(value)] : key.startsWith('@') ? [] : [key];
      for (const name of names) {
        const prefix = name.split(':')[0]!;
        if (!name.includes(':') || !(prefix in context)) found.add(name);
      }
      if (key !== '@context') undeclaredPrefixes(value, context, found);
    }
  }
  return found;
}

for (const mode of databaseModes()) {
  describe(`open data (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session & { userId: string };
    before(async () => {
      t = await startTestApp(mode);
      coordinator = await loginAs(t, { role: 'coordinator' });
    });
    after(async () => t.close());

    const get = (url: string, session?: Session) => t.app.inject({ url, headers: session ? { cookie: session.cookie } : {} });

    test('the page states the licence (CC0 by default), links every download and the DCAT description, from every footer', async () => {
      const page = await get('/nl/leiden/open-data');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<meta name="description" content="De openbare gegevens van/);
      assert.match(page.body, new RegExp(`<a class="utrecht-link" href="${CC0}" rel="license">CC0 1.0</a>`));
      for (const table of ['projects', 'organisations', 'targets', 'decisions', 'meetings']) assert.match(page.body, new RegExp(`href="/open-data/leiden/${table}.csv"`), table);
      assert.match(page.body, /href="\/api\/v1\/programmes\/leiden\/open-data.json"/);
      assert.match(page.body, /<link rel="alternate" type="application\/ld\+json" href="\/open-data\/leiden\/dcat.jsonld"/);
      assert.match((await get('/en/leiden/open-data')).body, /The data is under CC0 1.0/);
      for (const url of ['/nl/leiden', '/en/leiden/news', '/nl/leiden/privacy']) assert.match((await get(url)).body, /<a [^>]*href="\/(nl|en)\/leiden\/open-data">Open data<\/a>/, url);
      assert.match((await get('/sitemap.xml')).body, /\/en\/leiden\/open-data</);
    });

    test('robots.txt keeps the API out but lets harvesters reach the downloads', async () => {
      const robots = (await get('/robots.txt')).body;
      assert.match(robots, /Disallow: \/api\//);
      assert.match(robots, /Allow: \/api\/v1\/programmes\/leiden\/open-data\./);
      assert.doesNotMatch(robots, /Disallow: \/open-data/);
    });

    test('DCAT-AP-NL as JSON-LD: context inline (nothing to fetch), every prefix declared, licence on the dataset and each distribution', async () => {
      const response = await get('/open-data/leiden/dcat.jsonld');
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^application\/ld\+json/);
      const doc = JSON.parse(response.body) as Record<string, unknown>;
      // A remote context would be a string or an array with strings: here it is one object of namespaces.
      assert.equal(typeof doc['@context'], 'object');
      assert.ok(!Array.isArray(doc['@context']));
      assert.deepEqual(doc['@context'], DCAT_CONTEXT);
      assert.ok(!response.body.includes('"@import"'));
      for (const uri of Object.values(DCAT_CONTEXT)) assert.match(uri, /^https?:\/\/.+[#/]$/);
      assert.deepEqual([...undeclaredPrefixes(doc, DCAT_CONTEXT as Record<string, string>)], []);
      assert.equal(doc['@type'], 'dcat:Catalog');
      const [dataset] = doc['dcat:dataset'] as Record<string, unknown>[];
      assert.equal(dataset!['@type'], 'dcat:Dataset');
      assert.deepEqual(dataset!['dct:license'], { '@id': CC0 });
      assert.ok((dataset!['dct:title'] as { '@language': string }[]).some((v) => v['@language'] === 'nl'));
      assert.match(String((dataset!['dct:modified'] as { '@value': string })['@value']), /^\d{4}-\d{2}-\d{2}T/);
      const distributions = dataset!['dcat:distribution'] as Record<string, { '@id': string }>[];
      assert.equal(distributions.length, 6);
      for (const d of distributions) assert.deepEqual(d['dct:license'], { '@id': CC0 });
      const downloads = distributions.map((d) => d['dcat:downloadURL']!['@id']);
      assert.ok(downloads.includes('http://localhost/api/v1/programmes/leiden/open-data.json'));
      assert.ok(downloads.includes('http://localhost/open-data/leiden/targets.csv'));
      // Every download the description names exists.
      for (const url of downloads) assert.equal((await get(url.replace('http://localhost', ''))).statusCode, 200, url);
    });

    test('a CSV per kind of record: RFC 4180, stable keys, both languages, the same in any language', async () => {
      const projects = await get('/open-data/leiden/projects.csv');
      assert.match(String(projects.headers['content-type']), /^text\/csv/);
      assert.ok(!projects.body.startsWith('\uFEFF'), 'no byte-order mark in the machine-readable format');
      const rows = parseCsv(projects.body, 'open');
      assert.deepEqual(rows[0], ['code', 'theme', 'title_nl', 'title_en', 'goal_nl', 'goal_en', 'status_nl', 'status_en', 'lifecycle', 'lead_organisation', 'partners', 'intended_partners', 'actions']);
      assert.ok(rows.length > 5);
      assert.ok(rows.every((row) => row.length === rows[0]!.length), 'every row has every column');
      assert.ok(rows.some((row) => row[0] === '1a'));
      const targets = parseCsv((await get('/open-data/leiden/targets.csv')).body, 'open');
      assert.deepEqual(targets[0]!.slice(-3), ['measured_on', 'measured_value', 'measurement_source']);
      for (const table of ['organisations', 'decisions', 'meetings']) {
        const csv = parseCsv((await get(`/open-data/${'leiden'}/${table}.csv`)).body, 'open');
        assert.ok(csv[0]!.every((key) => /^[a-z_]+$/.test(key)), `${table}: stable snake_case keys`);
      }
      assert.equal((await get('/open-data/onbekend/projects.csv')).statusCode, 404);
    });

    test('the licence is the coordinator\'s setting; it shows in the JSON, the DCAT and on the page', async () => {
      const lead = await loginAs(t, { role: 'lead', project: '3a' });
      assert.equal((await get('/nl/leiden/manage/open-data', lead)).statusCode, 403);
      const form = await get('/nl/leiden/manage/open-data', coordinator);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /value="cc0" checked/);
      const post = (session: Session, licence: string) =>
        t.app.inject({ method: 'POST', url: '/nl/leiden/manage/open-data', headers: { cookie: session.cookie }, payload: { licence, _csrf: session.csrf } });
      assert.equal((await post(lead, 'cc-by')).statusCode, 403);
      assert.equal((await post(coordinator, 'all-rights-reserved')).statusCode, 400);
      await get('/nl/leiden/open-data'); // cached
      assert.equal((await post(coordinator, 'cc-by')).statusCode, 303);
      const [row] = await t.database.db.select({ licence: programmes.openDataLicence }).from(programmes).where(eq(programmes.slug, 'leiden'));
      assert.equal(row!.licence, 'cc-by');
      assert.equal((await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'programme.openDataLicence'))).length, 1);
      assert.match((await get('/nl/leiden/open-data')).body, new RegExp(`href="${CC_BY}" rel="license"`));
      const json = JSON.parse((await get('/api/v1/programmes/leiden/open-data.json')).body) as { licence: string };
      assert.equal(json.licence, CC_BY);
      const dcat = JSON.parse((await get('/open-data/leiden/dcat.jsonld')).body) as { 'dct:license': { '@id': string } };
      assert.equal(dcat['dct:license']['@id'], CC_BY);
      assert.ok((await get('/api/v1/programmes/leiden/open-data.csv')).body.includes(`"programme","leiden","","licence","${CC_BY}","${CC_BY}"`));
    });
  });
}
