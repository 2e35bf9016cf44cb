import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { bodies, programmes } from '../../db/schema.ts';
import { decisions, meetings } from '../meetings/tables.ts';

for (const mode of databaseModes()) {
  describe(`findable (${mode})`, () => {
    let t: TestApp;
    let publicId: string;
    let internalId: string;
    before(async () => {
      t = await startTestApp(mode);
      const db = t.database.db;
      const [programme] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden'));
      const [body] = await db.select({ id: bodies.id }).from(bodies).where(and(eq(bodies.programmeId, programme!.id), eq(bodies.kind, 'executive')));
      const [meeting] = await db
        .insert(meetings)
        .values({ programmeId: programme!.id, bodyId: body!.id, startsAt: new Date('2018-03-05T13:00:00Z'), endsAt: new Date('2018-03-05T15:00:00Z') } as typeof meetings.$inferInsert)
        .returning({ id: meetings.id });
      const rows = await db
        .insert(decisions)
        .values([
          { programmeId: programme!.id, meetingId: meeting!.id, text: { nl: 'De stuurgroep kent het fonds toe aan Łódź en Győr.', en: 'The steering group awards the fund to Łódź and Győr.' }, outcome: 'adopted', public: true, confirmedAt: new Date('2018-03-05T15:00:00Z') },
          { programmeId: programme!.id, meetingId: meeting!.id, text: { nl: 'Vertrouwelijk besluit.', en: 'Confidential decision.' }, outcome: 'adopted', public: false, confirmedAt: new Date('2018-03-05T15:00:00Z') },
        ] as (typeof decisions.$inferInsert)[])
        .returning({ id: decisions.id });
      [publicId, internalId] = [rows[0]!.id, rows[1]!.id];
    });
    after(async () => t.close());

    const get = (url: string) => t.app.inject({ url });

    test('the programme home announces the news and decision feeds (autodiscovery)', async () => {
      for (const locale of ['nl', 'en']) {
        const home = (await get(`/${locale}/leiden`)).body;
        assert.match(home, new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="/${locale}/leiden/news/feed.atom"/>`));
        assert.match(home, new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="/${locale}/leiden/decisions/feed.atom"/>`));
      }
    });

    test('a page per public decision, which its feed entry links to; internal or unknown ones are 404', async () => {
      const page = await get(`/en/leiden/decisions/${publicId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /The steering group awards the fund to Łódź and Győr\./);
      assert.match(page.body, /<meta name="description" content="[^"]*5 March 2018/);
      assert.equal((await get(`/en/leiden/decisions/${internalId}`)).statusCode, 404);
      assert.equal((await get('/en/leiden/decisions/not-a-uuid')).statusCode, 404);
      assert.equal((await get('/en/leiden/decisions/00000000-0000-4000-8000-000000000000')).statusCode, 404);
      const feed = (await get('/en/leiden/decisions/feed.atom')).body;
      const entry = feed.split('<entry>').find((e) => e.includes('awards the fund'))!;
      assert.match(entry, new RegExp(`<link rel="alternate" type="text/html" href="http://localhost/en/leiden/decisions/${publicId}"/>`));
      // The entry's dates are the decision's own (the meeting), not the moment the data was loaded.
      assert.match(entry, /<updated>2018-03-05T13:00:00.000Z<\/updated>/);
      assert.match(entry, /<published>2018-03-05T13:00:00.000Z<\/published>/);
    });

    test('feed dates: seeded news carries its own dates, not the moment the seed ran', async () => {
      const feed = (await get('/nl/leiden/news/feed.atom')).body;
      const updated = [...feed.matchAll(/<updated>([^<]+)<\/updated>/g)].map((m) => m[1]!);
      assert.ok(updated.length > 1);
      for (const date of updated) assert.ok(date < '2025-01-01', `${date} is a date of the programme, not of the test run`);
    });

    test('every public page is in the sitemap and has a meta description', async () => {
      const map = (await get('/sitemap.xml')).body;
      const locs = [...map.matchAll(/<loc>http:\/\/localhost(\/nl\/leiden[^<]*)<\/loc>/g)].map((m) => m[1]!);
      for (const path of ['/nl/leiden/cross-overs', '/nl/leiden/bodies/executive', `/nl/leiden/decisions/${publicId}`, '/nl/leiden/privacy', '/nl/leiden/open-data']) assert.ok(locs.includes(path), `sitemap lists ${path}`);
      assert.ok(locs.some((p) => /^\/nl\/leiden\/targets\/[^/]+$/.test(p)), 'targets');
      assert.ok(locs.some((p) => /^\/nl\/leiden\/agreement\/versions\/\d+$/.test(p)), 'agreement versions');
      assert.ok(!locs.includes(`/nl/leiden/decisions/${internalId}`));
      // Every page the sitemap lists answers and describes itself.
      for (const path of locs) {
        const page = await get(path);
        assert.equal(page.statusCode, 200, path);
        const descriptions = page.body.match(/<meta name="description" content="([^"]+)"/g) ?? [];
        assert.equal(descriptions.length, 1, `${path}: one meta description`);
      }
    });
  });
}
