import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { listen } from '../../../test/support/browser.ts';
import { auditEvents, programmes } from '../../db/schema.ts';
import { loadProgramme } from '../../seed/load.ts';
import { leiden } from '../../seed/leiden.ts';
import { forgetProgrammes } from '../../web/request-context.ts';
import { every, JobRunner } from '../monitoring/jobs.ts';
import { newsItems } from '../website/tables.ts';
import { guardedFetch, guardedLookup } from './fetch.ts';
import { networkJobs, POLL_JOB } from './poll.ts';
import { networkSources } from './tables.ts';

const OPEN = { allowHttp: true, allowPrivate: true, maxBytes: 2 * 1024 * 1024, timeoutMs: 1500, pollMinutes: 60 };

/** A third "installation" that answers badly: garbage, too much, nothing, or a redirect elsewhere. */
function badInstallation(goodBody: () => string) {
  let flakyCalls = 0;
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '';
    if (path === '/garbage.json') return void response.end('{"formatVersion": "1.1", "network": {');
    if (path === '/html.json') return void response.end('<html><body>Maintenance</body></html>');
    if (path === '/huge.json') {
      // No content-length: the limit is enforced while reading.
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let i = 0; i < 48; i++) response.write(chunk);
      return void response.end('{}');
    }
    if (path === '/declared-huge.json') {
      response.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
      return void response.write('{');
    }
    if (path === '/silent.json') return; // never answers
    if (path === '/elsewhere.json') {
      const port = (server.address() as AddressInfo).port;
      response.writeHead(302, { location: `http://localhost:${port}/flaky.json` });
      return void response.end();
    }
    if (path === '/gone.json') {
      response.writeHead(500);
      return void response.end('oops');
    }
    if (path === '/flaky.json') {
      flakyCalls++;
      return void response.end(flakyCalls === 1 ? goodBody() : 'not json at all');
    }
    response.writeHead(404);
    response.end();
  });
  return server;
}

for (const mode of databaseModes()) {
  describe(`network of knowledge cities (${mode})`, () => {
    let a: TestApp;
    let b: TestApp;
    let aUrl: string;
    let bUrl: string;
    let aCoordinator: Session;
    let bCoordinator: Session;
    let bad: Server;
    let badUrl: string;
    let bExport = '';

    before(async () => {
      [a, b] = await Promise.all([startTestApp(mode, { network: { ...OPEN } }, { leiden: 'running' }), startTestApp(mode, { network: { ...OPEN } }, { leiden: 'running' })]);
      aUrl = await listen(a);
      bUrl = await listen(b);
      // The served apps build their links from their own address.
      a.config.baseUrl = aUrl;
      b.config.baseUrl = bUrl;
      // Installation B's programme is another city's (same seed, its own name).
      await b.database.db.update(programmes).set({ name: { nl: 'Kennisstad Delft', en: 'Delft Knowledge City' }, city: 'Delft' }).where(eq(programmes.slug, 'leiden'));
      forgetProgrammes(b.database.db);
      // A second programme in installation A, to follow within the installation.
      await loadProgramme(a.database.db, { ...leiden, slug: 'katwijk', name: { nl: 'Kennisstad Katwijk', en: 'Katwijk Knowledge City' }, city: 'Katwijk' });
      forgetProgrammes(a.database.db);
      aCoordinator = await loginAs(a, { role: 'coordinator' });
      bCoordinator = await loginAs(b, { role: 'coordinator' });
      bad = badInstallation(() => bExport.replace(/Kennisstad Delft/g, 'Kennisstad Wankel').replace(/Resultaat uit Delft/g, 'Resultaat uit Wankel').replace(/Result from Delft/g, 'Result from Wankel'));
      await new Promise<void>((resolve) => bad.listen(0, '127.0.0.1', resolve));
      badUrl = `http://127.0.0.1:${(bad.address() as AddressInfo).port}`;
    });
    after(async () => {
      bad?.closeAllConnections();
      await new Promise((resolve) => bad?.close(resolve));
      await Promise.all([a?.close(), b?.close()]);
    });

    const get = (t: TestApp, url: string, session?: Session) => t.app.inject({ url, headers: session ? { cookie: session.cookie } : {} });
    const post = (t: TestApp, url: string, session: Session, payload: Record<string, string>) => t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { ...payload, _csrf: session.csrf } });
    const follow = (t: TestApp, session: Session, url: string) => post(t, '/nl/leiden/manage/network', session, { kind: 'remote', url });

    test('a news item is shared with the network from its edit form; the open data carries the network profile (format 1.1) and DCAT names the version', async () => {
      const created = await post(a, '/nl/leiden/manage/website/news/new', aCoordinator, { title_nl: 'Resultaat uit Leiden', title_en: 'Result from Leiden', summary_nl: 'Samen bereikt', body_nl: 'Tekst', status: 'published', shared_with_network: 'on' });
      assert.equal(created.statusCode, 303, created.body.slice(0, 300));
      await post(a, '/nl/leiden/manage/website/news/new', aCoordinator, { title_nl: 'Alleen voor Leiden', body_nl: 'Tekst', status: 'published' });
      const [row] = await a.database.db.select().from(newsItems).where(eq(newsItems.slug, 'resultaat-uit-leiden'));
      assert.equal(row!.sharedWithNetwork, true);
      const edit = await get(a, `/nl/leiden/manage/website/news/${row!.id}`, aCoordinator);
      assert.match(edit.body, /<input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="content-shared_with_network" name="shared_with_network" value="on" checked/);
      assert.ok((await a.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, row!.id))).some((e) => (e.after as { sharedWithNetwork?: boolean }).sharedWithNetwork === true));
      await b.database.db.insert(newsItems).values({ programmeId: (await b.database.db.select().from(programmes))[0]!.id, slug: 'resultaat-uit-delft', title: { nl: 'Resultaat uit Delft', en: 'Result from Delft' }, status: 'published', publishAt: new Date(Date.now() - 60_000), sharedWithNetwork: true });

      const data = JSON.parse((await get(a, '/api/v1/programmes/leiden/open-data.json')).body);
      assert.equal(data.formatVersion, '1.1');
      assert.equal(data.network.programme.slug, 'leiden');
      assert.ok(data.network.themes.length > 0);
      assert.ok(data.network.projects.every((p: { code: string; url: { nl: string } }) => p.url.nl === `${aUrl}/nl/leiden/projects/${encodeURIComponent(p.code)}`));
      assert.deepEqual(data.network.results.map((r: { title: { nl: string } }) => r.title.nl), ['Resultaat uit Leiden'], 'only the shared item');
      assert.equal(data.network.results[0].url.en, `${aUrl}/en/leiden/news/resultaat-uit-leiden`);
      const dcat = JSON.parse((await get(a, '/open-data/leiden/dcat.jsonld')).body);
      const json = dcat['dcat:dataset'][0]['dcat:distribution'][0];
      assert.equal(json['adms:version'], '1.1');
      assert.equal(json['dct:conformsTo']['@id'], `${aUrl}/api/v1/openapi.json`);
      assert.match((await get(a, '/en/leiden/open-data')).body, /format version 1\.1/);
      bExport = (await get(b, '/api/v1/programmes/leiden/open-data.json')).body;
    });

    test('two installations on loopback follow each other and show each other\'s shared results, each linking to its source', async () => {
      const ab = await follow(a, aCoordinator, `${bUrl}/api/v1/programmes/leiden/open-data.json`);
      assert.equal(ab.statusCode, 303, ab.body.slice(0, 300));
      assert.equal((await follow(b, bCoordinator, `${aUrl}/api/v1/programmes/leiden/open-data.json`)).statusCode, 303);

      const onA = (await get(a, '/nl/leiden/network')).body;
      assert.match(onA, new RegExp(`<a class="utrecht-link" href="${bUrl}/nl/leiden/news/resultaat-uit-delft"><span>Resultaat uit Delft</span></a>`));
      assert.match(onA, /Resultaat uit Leiden/, 'its own shared results too');
      assert.doesNotMatch(onA, /Alleen voor Leiden/);
      assert.match(onA, /Kennisstad Delft<\/span><\/a> \(Delft\) — andere installatie: 127\.0\.0\.1:\d+ Laatst bereikt: /);
      // The same seed on both sides: every theme in one row with both programmes' projects.
      assert.match(onA, /<th class="utrecht-table__header-cell" scope="col"><span>Kennisstad Delft<\/span><\/th>/);
      assert.doesNotMatch(onA, /Geen thema met deze titel/);
      const onB = (await get(b, '/en/leiden/network')).body;
      assert.match(onB, new RegExp(`<a class="utrecht-link" href="${aUrl}/en/leiden/news/resultaat-uit-leiden"><span>Result from Leiden</span></a>`));

      const manage = (await get(a, '/nl/leiden/manage/network', aCoordinator)).body;
      assert.match(manage, /<td class="utrecht-table__cell">geen<\/td>/, 'no error');
      assert.doesNotMatch(manage, /nog nooit/);
    });

    test('comparable targets (same unit) are in one chart with a table of the same figures', async () => {
      const page = (await get(a, '/nl/leiden/network')).body;
      if (/Er zijn \(nog\) geen doelen in dezelfde eenheid/.test(page)) assert.fail('the two Leiden seeds share units');
      assert.match(page, /<caption class="utrecht-table__caption">Doelen in [^:]+: laatste meting en streefwaarde per programma<\/caption>/);
      const tables = page.match(/<section aria-labelledby="unit-\d+">/g) ?? [];
      assert.ok(tables.length > 0);
      // A chart is drawn where the targets have measurements; it is one image with a name.
      if (page.includes('ks-chart-wrap')) assert.match(page, /role="img" aria-labelledby="chart-network-0-title"/);
    });

    test('a programme of the same installation is chosen from a list and read directly', async () => {
      const form = (await get(a, '/nl/leiden/manage/network', aCoordinator)).body;
      assert.match(form, /<option value="katwijk">Kennisstad Katwijk \(Katwijk\)<\/option>/);
      assert.doesNotMatch(form, /<option value="leiden">/, 'not itself');
      assert.equal((await post(a, '/nl/leiden/manage/network', aCoordinator, { kind: 'local', programme: 'katwijk' })).statusCode, 303);
      const again = await post(a, '/nl/leiden/manage/network', aCoordinator, { kind: 'local', programme: 'katwijk' });
      assert.equal(again.statusCode, 400);
      assert.match(again.body, /Dit programma wordt al gevolgd\./);
      const self = await post(a, '/en/leiden/manage/network', aCoordinator, { kind: 'local', programme: 'leiden' });
      assert.equal(self.statusCode, 400);
      assert.match(self.body, /A programme cannot follow itself\./);
      assert.match((await get(a, '/nl/leiden/network')).body, /Kennisstad Katwijk<\/span><\/a> \(Katwijk\) — in deze installatie/);
    });

    test('a source that answers garbage, too much, nothing or a redirect elsewhere is reported on the network page without breaking it; the last good copy stays', async () => {
      for (const path of ['/garbage.json', '/html.json', '/huge.json', '/declared-huge.json', '/silent.json', '/elsewhere.json', '/gone.json', '/flaky.json']) {
        const started = Date.now();
        const response = await follow(a, aCoordinator, `${badUrl}${path}`);
        assert.equal(response.statusCode, 303, path);
        assert.ok(Date.now() - started < OPEN.timeoutMs + 1000, `${path} is given up within the time limit`);
      }
      const manage = (await get(a, '/nl/leiden/manage/network', aCoordinator)).body;
      for (const message of ['het antwoord is geen geldige JSON', 'het antwoord is groter dan toegestaan', 'geen antwoord binnen de tijdslimiet', 'doorverwijzing naar een andere host geweigerd', 'de bron antwoordde met een foutcode \\(500\\)']) assert.match(manage, new RegExp(message), message);

      // The flaky source answered well once; asked again it answers garbage: its copy stays shown.
      const [flaky] = await a.database.db.select().from(networkSources).where(eq(networkSources.url, `${badUrl}/flaky.json`));
      assert.ok(flaky!.lastGood && flaky!.lastReachedAt);
      const refreshed = await post(a, `/nl/leiden/manage/network/${flaky!.id}/refresh`, aCoordinator, {});
      assert.equal(refreshed.statusCode, 303);
      const [after] = await a.database.db.select().from(networkSources).where(eq(networkSources.id, flaky!.id));
      assert.equal(after!.lastError, 'read.notJson');
      assert.equal(after!.lastReachedAt!.getTime(), flaky!.lastReachedAt!.getTime(), 'last reached stays the last success');

      for (const locale of ['nl', 'en']) {
        const page = await get(a, `/${locale}/leiden/network`);
        assert.equal(page.statusCode, 200, locale);
        assert.match(page.body, /Resultaat uit Delft|Result from Delft/);
        assert.match(page.body, /Resultaat uit Wankel|Result from Wankel/, 'the last good copy of the flaky source');
      }
      const nl = (await get(a, '/nl/leiden/network')).body;
      assert.match(nl, /Laatste poging mislukt: het antwoord is geen geldige JSON<\/strong> Getoond wordt de laatste goede kopie\./);
      assert.match(nl, new RegExp(`${badUrl}/silent\\.json — andere installatie: 127\\.0\\.0\\.1:\\d+ Nog niet bereikt\\. <strong`));
      assert.match(nl, /Nog niet bereikt\. <strong class="ks-network-error">Laatste poging mislukt: geen antwoord binnen de tijdslimiet<\/strong> Er is nog geen kopie om te tonen\./);
    });

    test('the scheduled job asks every followed installation through the job runner', async () => {
      const before = await a.database.db.select().from(networkSources);
      const { handlers } = networkJobs(a.database.db, a.config);
      const runner = new JobRunner(a.database.db, [every(`${POLL_JOB}-test`, 1)], { [`${POLL_JOB}-test`]: handlers[POLL_JOB]! });
      assert.equal(await runner.tick(), 1);
      const polled = await a.database.db.select().from(networkSources);
      for (const source of polled.filter((s) => s.url)) {
        const earlier = before.find((s) => s.id === source.id)!;
        assert.ok(source.lastAttemptAt! > earlier.lastAttemptAt!, source.url!);
      }
      assert.ok(polled.find((s) => s.url?.startsWith(bUrl))!.lastError === null);
    });

    test('with the setting off, a loopback or private address is refused with a clear message, also when a name resolves to one', async () => {
      a.config.network = { ...OPEN, allowHttp: false, allowPrivate: false };
      try {
        const cases: [string, RegExp][] = [
          [`https://127.0.0.1:${new URL(bUrl).port}/api/v1/programmes/leiden/open-data.json`, /Dit adres wijst naar een intern netwerk \(privé, loopback of link-local\) en wordt niet opgevraagd\./],
          ['https://localhost/x.json', /wijst naar een intern netwerk/],
          ['https://10.0.0.8/x.json', /wijst naar een intern netwerk/],
          ['https://[::1]/x.json', /wijst naar een intern netwerk/],
          ['https://169.254.169.254/latest/meta-data', /wijst naar een intern netwerk/],
          [`${bUrl}/api/v1/programmes/leiden/open-data.json`, /Alleen adressen met https:\/\/ zijn toegestaan\./],
          ['https://user:secret@example.org/x.json', /gebruikersnaam of wachtwoord/],
          ['geen adres', /Dit is geen geldig webadres\./],
          ['', /Vul het adres van de open data in\./],
        ];
        for (const [url, message] of cases) {
          const response = await follow(a, aCoordinator, url);
          assert.equal(response.statusCode, 400, url);
          assert.match(response.body, message, url);
          assert.match(response.body, /value="[^"]*"/, 'the typed address is kept');
        }
        const tooLong = await follow(a, aCoordinator, `https://example.org/${'a'.repeat(2100)}`);
        assert.equal(tooLong.statusCode, 400);
        // After DNS: a name that resolves to loopback is refused before any connection.
        const refused = await new Promise<unknown>((resolve) => guardedLookup({ allowHttp: false, allowPrivate: false })('localhost', {}, (error) => resolve(error)));
        assert.equal((refused as { error?: string }).error, 'privateAddress');
        // With the setting on, a name is resolved through the same guarded lookup and fetched.
        const byName = await guardedFetch(`${badUrl.replace('127.0.0.1', 'localhost')}/garbage.json`, { allowHttp: true, allowPrivate: true }, OPEN);
        assert.deepEqual(byName, { ok: true, body: '{"formatVersion": "1.1", "network": {' });
        // A source stored while allowed is refused at fetch time once the setting is off.
        assert.deepEqual(await guardedFetch(`${bUrl}/api/v1/programmes/leiden/open-data.json`, { allowHttp: true, allowPrivate: false }, OPEN), { ok: false, error: 'privateAddress' });
      } finally {
        a.config.network = { ...OPEN };
      }
    });

    test('stopping to follow removes the source and is audited; another programme\'s source is not found', async () => {
      const [source] = await a.database.db.select().from(networkSources).where(eq(networkSources.url, `${badUrl}/gone.json`));
      const katwijk = (await a.database.db.select().from(programmes).where(eq(programmes.slug, 'katwijk')))[0]!;
      const foreignSource = (await a.database.db.insert(networkSources).values({ programmeId: katwijk.id, url: 'https://example.org/x.json' }).returning())[0]!;
      assert.equal((await post(a, `/nl/leiden/manage/network/${foreignSource.id}/delete`, aCoordinator, {})).statusCode, 404);
      assert.equal((await post(a, `/nl/leiden/manage/network/${foreignSource.id}/refresh`, aCoordinator, {})).statusCode, 404);
      assert.equal((await post(a, '/nl/leiden/manage/network/not-an-id/delete', aCoordinator, {})).statusCode, 404);
      const removed = await post(a, `/nl/leiden/manage/network/${source!.id}/delete`, aCoordinator, {});
      assert.equal(removed.statusCode, 303);
      assert.equal((await a.database.db.select().from(networkSources).where(eq(networkSources.id, source!.id))).length, 0);
      assert.ok((await a.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, source!.id))).some((e) => e.action === 'network_source.delete'));
      assert.match((await get(a, `/nl/leiden/manage/network?done=removed`, aCoordinator)).body, /Het programma wordt niet meer gevolgd\./);
    });

    test('only the coordinator and the administrator manage what is followed; everyone reads the network page', async () => {
      const partner = await loginAs(a, { role: 'partner', organisation: leiden.organisations[0]!.slug });
      assert.equal((await get(a, '/nl/leiden/network')).statusCode, 200);
      assert.equal((await get(a, '/nl/leiden/manage/network')).statusCode, 303);
      assert.equal((await get(a, '/nl/leiden/manage/network', partner)).statusCode, 403);
      assert.equal((await post(a, '/nl/leiden/manage/network', partner, { kind: 'remote', url: 'https://example.org/x.json' })).statusCode, 403);
      assert.match((await get(a, '/nl/leiden/network', aCoordinator)).body, /Kiezen wat dit programma volgt/);
      assert.doesNotMatch((await get(a, '/nl/leiden/network')).body, /Kiezen wat dit programma volgt/);
    });
  });
}
