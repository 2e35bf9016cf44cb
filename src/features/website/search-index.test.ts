// The search index (drizzle/0018_search_index.sql) follows every write made straight in the
// database, with no application code involved: insert, update, unpublish, schedule, delete.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { databaseModes, openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { programmes, projects } from '../../db/schema.ts';
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
