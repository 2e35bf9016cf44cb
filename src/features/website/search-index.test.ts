// The search index (drizzle/0018_search_index.sql) follows every write made straight in the
// database, with no application code involved: insert, update, unpublish, schedule, delete.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { databaseModes, openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { bodies, programmes, projects, targets } from '../../db/schema.ts';
import { decisions, meetings } from '../meetings/tables.ts';
import { search } from './search.ts';
import { newsItems } from './tables.ts';

for (const mode of databaseModes()) {
  describe(`search index (${mode})`, () => {
    let database: TestDatabase;
    let programmeId: string;
    before(async () => {
      database = await openTestDatabase(mode);
      programmeId = (await database.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden')))[0]!.id;
    });
    after(async () => database.close());

    const keys = async (q: string, locale: 'nl' | 'en' = 'nl') => (await search(database.db, programmeId, locale, q)).map((hit) => `${hit.kind}:${hit.key}`);

    test('news: found once published, follows edits, scheduling and deletion', async () => {
      const db = database.db;
      await db.insert(newsItems).values({ programmeId, slug: 'zeppelin', title: { nl: 'Zeppelinlanding op het Schuttersveld' }, body: { nl: 'Een luchtschip landt.' }, status: 'draft' });
      assert.deepEqual(await keys('zeppelinlanding'), [], 'a draft is not found');
      assert.deepEqual(await keys('zeppelinlandin'), [], 'nor through its words by a typo');
      await db.update(newsItems).set({ status: 'published' }).where(eq(newsItems.slug, 'zeppelin'));
      assert.deepEqual(await keys('zeppelinlanding'), ['news:zeppelin']);
      assert.deepEqual(await keys('zeppelinlanding', 'en'), ['news:zeppelin'], 'English readers find the Dutch text when there is no translation');
      assert.deepEqual(await keys('luchtschepen'), ['news:zeppelin'], 'stemmed');
      await db.update(newsItems).set({ title: { nl: 'Ballonvaart boven de Burcht', en: 'Balloon flight' } }).where(eq(newsItems.slug, 'zeppelin'));
      assert.deepEqual(await keys('zeppelinlanding'), []);
      assert.deepEqual(await keys('ballonvaart'), ['news:zeppelin']);
      assert.deepEqual(await keys('balloon', 'en'), ['news:zeppelin']);
      await db.update(newsItems).set({ status: 'scheduled', publishAt: sql`now() + interval '1 hour'` }).where(eq(newsItems.slug, 'zeppelin'));
      assert.deepEqual(await keys('ballonvaart'), [], 'not before its moment');
      await db.update(newsItems).set({ publishAt: sql`now() - interval '1 second'` }).where(eq(newsItems.slug, 'zeppelin'));
      assert.deepEqual(await keys('ballonvaart'), ['news:zeppelin'], 'from its moment on, with no further write');
      assert.deepEqual(await keys('ballonvaar'), ['news:zeppelin'], 'a typo');
      await db.delete(newsItems).where(eq(newsItems.slug, 'zeppelin'));
      assert.deepEqual(await keys('ballonvaart'), []);
    });

    test('typos: each query word is corrected to the closest words of the visible texts, in one query', async () => {
      const before = database.queryCount();
      const hits = await search(database.db, programmeId, 'nl', 'studentenhuisvestin taskforse');
      assert.equal(database.queryCount() - before, 1);
      assert.ok(hits.some((hit) => hit.key === '3a'), 'project 3a (studentenhuisvesting)');
      const taskforce = hits.find((hit) => hit.key === 'taskforce-studentenhuisvesting');
      assert.ok(taskforce, 'the organisation with both corrected words');
      assert.match(taskforce.snippet, /\u0001Taskforce\u0002 \u0001Studentenhuisvesting\u0002/, 'the corrections are highlighted');
      assert.equal(hits[0]!.key, 'taskforce-studentenhuisvesting', 'more corrected words rank higher');
      assert.deepEqual(await keys('xqzvw'), [], 'nothing close: no results');
    });

    test('decisions: a public one is found only while in force (confirmed, not withdrawn)', async () => {
      const db = database.db;
      const [body] = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.programmeId, programmeId));
      const [meeting] = await db
        .insert(meetings)
        .values({ programmeId, bodyId: body!.id, startsAt: new Date('2019-03-01T13:00:00Z'), endsAt: new Date('2019-03-01T15:00:00Z'), location: 'Stadhuis', state: 'held' })
        .returning();
      const [decision] = await db.insert(decisions).values({ programmeId, meetingId: meeting!.id, text: { nl: 'De stuurgroep besluit tot een walvisonderzoek.' }, outcome: 'adopted', public: true }).returning();
      const found = async () => (await keys('walvisonderzoek')).filter((key) => key.startsWith('decision:'));
      assert.deepEqual(await found(), [], 'awaiting confirmation: not found');
      await db.update(decisions).set({ confirmedAt: new Date('2019-03-02T10:00:00Z') }).where(eq(decisions.id, decision!.id));
      assert.deepEqual(await found(), [`decision:${decision!.id}`], 'confirmed: found');
      await db.update(decisions).set({ public: false }).where(eq(decisions.id, decision!.id));
      assert.deepEqual(await found(), [], 'not public: not found');
      await db.update(decisions).set({ public: true, withdrawnAt: new Date('2019-03-05T10:00:00Z') }).where(eq(decisions.id, decision!.id));
      assert.deepEqual(await found(), [], 'withdrawn: not found');
      await db.delete(meetings).where(eq(meetings.id, meeting!.id));
    });

    test('targets and the agreement’s articles are found, and follow edits', async () => {
      const db = database.db;
      assert.ok((await keys('huisvesting studenten')).includes('target:student-housing'), 'a target by its title');
      assert.ok((await keys('student housing', 'en')).includes('target:student-housing'));
      const agreementHits = (await keys('kennisfonds')).filter((key) => key.startsWith('agreement:'));
      assert.ok(agreementHits.length > 0, 'the agreement’s text mentions the knowledge fund');
      assert.ok((await keys('knowledge fund', 'en')).some((key) => key.startsWith('agreement:')));
      await db.update(targets).set({ title: { nl: 'Zeppelinhangars', en: 'Zeppelin hangars' } }).where(eq(targets.key, 'student-housing'));
      assert.deepEqual(await keys('zeppelinhangars'), ['target:student-housing']);
      assert.ok(!(await keys('huisvesting studenten')).includes('target:student-housing'));
    });

    test('a correctly spelled word finds at least what a misspelling of it finds, in each language', async () => {
      const pairs: [string, string, 'nl' | 'en'][] = [
        ['huisvesting', 'huisvestin', 'nl'],
        ['samenwerking', 'samenwerkin', 'nl'],
        ['kennisfonds', 'kenisfonds', 'nl'],
        ['housing', 'housin', 'en'],
        ['cooperation', 'cooperatoin', 'en'],
        ['students', 'studens', 'en'],
      ];
      for (const [word, typo, locale] of pairs) {
        const found = new Set(await keys(word, locale));
        const viaTypo = await keys(typo, locale);
        assert.ok(viaTypo.length > 0, `the typo ${typo} finds something`);
        assert.deepEqual(viaTypo.filter((key) => !found.has(key)), [], `${word} (${locale}) finds everything ${typo} finds`);
      }
    });

    test('projects: unpublished and internal ones drop out', async () => {
      const db = database.db;
      assert.ok((await keys('studentenhuisvesting')).includes('project:3a'));
      await db.update(projects).set({ published: false }).where(eq(projects.code, '3a'));
      assert.ok(!(await keys('studentenhuisvesting')).includes('project:3a'));
      await db.update(projects).set({ published: true, lifecycle: 'proposed' }).where(eq(projects.code, '3a'));
      assert.ok(!(await keys('studentenhuisvesting')).includes('project:3a'));
      await db.update(projects).set({ lifecycle: 'running' }).where(eq(projects.code, '3a'));
      assert.ok((await keys('studentenhuisvesting')).includes('project:3a'));
    });
  });
}

// A text missing in the reader's language falls back to the other one; the results page marks it
// with lang (WCAG 2.1 SC 3.1.2), from the languages the index stores (drizzle/0020).
for (const mode of databaseModes()) {
  describe(`search results mark fallback languages (${mode})`, () => {
    let t: TestApp;
    let programmeId: string;
    before(async () => {
      t = await startTestApp(mode);
      programmeId = (await t.database.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden')))[0]!.id;
    });
    after(async () => t.close());

    /** The result's list item on the search page, found by its link. */
    const resultItem = (html: string, href: string) => {
      const lists = [...html.matchAll(/<ol class="ks-search-results">([\s\S]*?)<\/ol>/g)].map((match) => match[1]!);
      return lists.flatMap((list) => list.split('<li>')).find((item) => item.includes(`href="${href}"`));
    };

    test('a Dutch-only news item on the English page has lang="nl" on its title and snippet; a translated one has none', async () => {
      const db = t.database.db;
      await db.insert(newsItems).values([
        { programmeId, slug: 'zeppelin-nl', title: { nl: 'Zeppelinlanding op het Schuttersveld' }, summary: { nl: 'Een luchtschip landt bij de Zeppelinlanding.' }, body: { nl: 'Honderden Leidenaren kijken toe.' }, status: 'published' },
        { programmeId, slug: 'zeppelin-both', title: { nl: 'Zeppelinvlucht boven de Burcht', en: 'Zeppelinflight over the Burcht' }, body: { nl: 'Een luchtschip vliegt.', en: 'An airship flies over the castle.' }, status: 'published' },
      ]);
      const page = await t.app.inject({ url: `/en/leiden/search?q=${encodeURIComponent('zeppelinlanding')}` });
      assert.equal(page.statusCode, 200);
      const dutch = resultItem(page.body, '/en/leiden/news/zeppelin-nl');
      assert.ok(dutch, 'the Dutch-only item is found from the English page');
      assert.match(dutch, /<a class="utrecht-link" href="\/en\/leiden\/news\/zeppelin-nl"><span class="ks-fallback" lang="nl">Zeppelinlanding op het Schuttersveld<\/span><\/a>/, 'title marked as Dutch');
      assert.match(dutch, /<p class="utrecht-paragraph ks-fallback" lang="nl">[^<]*<mark>Zeppelinlanding<\/mark>/, 'snippet marked as Dutch');

      const translated = await t.app.inject({ url: `/en/leiden/search?q=${encodeURIComponent('zeppelinflight')}` });
      const both = resultItem(translated.body, '/en/leiden/news/zeppelin-both');
      assert.ok(both, 'the translated item is found');
      assert.match(both, /Zeppelinflight over the Burcht/);
      assert.doesNotMatch(both, /lang=/, 'nothing to mark');
      const fromDutch = resultItem((await t.app.inject({ url: `/nl/leiden/search?q=${encodeURIComponent('zeppelinlanding')}` })).body, '/nl/leiden/news/zeppelin-nl');
      assert.ok(fromDutch);
      assert.doesNotMatch(fromDutch, /lang=/, 'the Dutch page shows the Dutch text unmarked');
    });

    test('results are grouped by kind, with counts, in a fixed order; an article links to its place in the agreement', async () => {
      const page = await t.app.inject({ url: `/nl/leiden/search?q=${encodeURIComponent('kennisfonds')}` });
      assert.equal(page.statusCode, 200);
      const groups = [...page.body.matchAll(/<h2 id="results-([a-z]+)" class="utrecht-heading-2">([^<]*)<\/h2>/g)].map((m): [string, string] => [m[1]!, m[2]!]);
      assert.ok(groups.length >= 2, `groups: ${JSON.stringify(groups)}`);
      const order = ['project', 'target', 'decision', 'agreement', 'news', 'event', 'organisation'];
      assert.deepEqual(groups.map(([kind]) => kind), order.filter((kind) => groups.some(([k]) => k === kind)), 'in the fixed order');
      for (const [kind, heading] of groups) {
        const section = page.body.slice(page.body.indexOf(`id="results-${kind}"`)).split('</section>')[0]!;
        const count = section.split('<li>').length - 1;
        assert.match(heading, new RegExp(`\\(${count}\\)$`), `${kind}: the heading counts its ${count} results`);
        assert.match(page.body, new RegExp(`<a class="utrecht-link" href="#results-${kind}">${heading.replace(/[()]/g, '\\$&')}</a>`), `${kind}: listed at the top`);
      }
      assert.match(page.body, /Artikelen van de overeenkomst \(\d+\)/);
      assert.match(page.body, /href="\/nl\/leiden\/agreement#section-[a-z0-9-]+"/, 'an article links to its section');
      const english = await t.app.inject({ url: `/en/leiden/search?q=${encodeURIComponent('knowledge fund')}` });
      assert.match(english.body, /Articles of the agreement \(\d+\)/);
    });

    test('the languages follow edits; a body takes the language most of its text is in', async () => {
      const db = t.database.db;
      const hit = async (locale: 'nl' | 'en', q: string) => (await search(db, programmeId, locale, q)).find((h) => h.key === 'mixed-languages');
      await db.insert(newsItems).values({ programmeId, slug: 'mixed-languages', title: { nl: 'Ballonvaartdag' }, body: { en: 'A whole day of hot air balloon flights over Leiden, from the Schuttersveld to the Burcht and back again.' }, status: 'published' });
      assert.deepEqual(pick(await hit('en', 'ballonvaartdag')), { titleLang: 'nl', snippetLang: 'en' }, 'Dutch title, English body');
      assert.deepEqual(pick(await hit('nl', 'ballonvaartdag')), { titleLang: 'nl', snippetLang: 'en' }, 'on the Dutch page the body falls back to English');
      await db.update(newsItems).set({ title: { nl: 'Ballonvaartdag', en: 'Balloon day' }, body: { nl: 'Een hele dag ballonvaarten boven Leiden, van het Schuttersveld naar de Burcht en weer terug.', en: 'A whole day of balloon flights.' } }).where(eq(newsItems.slug, 'mixed-languages'));
      assert.deepEqual(pick(await hit('en', 'balloon')), { titleLang: 'en', snippetLang: 'en' });
      assert.deepEqual(pick(await hit('nl', 'ballonvaartdag')), { titleLang: 'nl', snippetLang: 'nl' });
    });
  });
}

const pick = (hit: { titleLang: string; snippetLang: string } | undefined) => hit && { titleLang: hit.titleLang, snippetLang: hit.snippetLang };
