// The Atom feeds checked by a real validator: Debian's `jing` against the RELAX NG grammar of
// RFC 4287 Appendix B (test/fixtures/atom-rfc4287.rnc), for both feeds in both languages, with
// hostile texts (markup in titles, "]]>", control characters). The grammar's two Schematron rules,
// which jing does not run, and what readers rely on (xml:lang, self and alternate links, entry
// dates) are asserted here as well.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { requireOrSkip } from '../../../test/support/skip.ts';
import { bodies, programmes } from '../../db/schema.ts';
import { decisions, meetings } from '../meetings/tables.ts';
import { atomFeed } from './feeds.ts';
import { entryUpdated } from './rules.ts';

const JING = process.env.JING_PATH ?? '/usr/bin/jing';
const SCHEMA = new URL('../../../test/fixtures/atom-rfc4287.rnc', import.meta.url).pathname;

function jingAvailable(): boolean {
  if (existsSync(JING)) return true;
  requireOrSkip('jing (Atom validation)', `${JING} not found (apt-get install jing); RFC 4287 validation skipped`);
  return false;
}

/** Validates every document in one jing call (one JVM start); returns jing's messages. */
async function validate(documents: Record<string, string>): Promise<{ ok: boolean; messages: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ks-atom-'));
  try {
    const files = Object.entries(documents).map(([name, body]) => {
      const file = join(dir, `${name}.atom`);
      writeFileSync(file, body);
      return file;
    });
    return await new Promise((resolve) => {
      execFile(JING, ['-c', SCHEMA, ...files], { timeout: 60_000 }, (error, stdout) => resolve({ ok: !error, messages: stdout.replaceAll(`${dir}/`, '') }));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The RFC's Schematron rules and what feed readers need, per feed. */
function assertReadable(name: string, body: string, locale: 'nl' | 'en', selfUrl: string): void {
  assert.match(body, new RegExp(`^<\\?xml version="1.0" encoding="utf-8"\\?>\\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`), `${name}: root with xml:lang`);
  const head = body.slice(0, body.indexOf('<entry>') === -1 ? undefined : body.indexOf('<entry>'));
  assert.ok(head.includes(`<link rel="self" type="application/atom+xml" href="${selfUrl}"/>`), `${name}: self link`);
  assert.match(head, new RegExp(`<link rel="alternate" type="text/html" hreflang="${locale}" href="http://localhost/${locale}/leiden/[a-z]+"/>`), `${name}: alternate link to the page`);
  assert.match(head, /<author><name>[^<]+<\/name><\/author>/, `${name}: the feed has an author, so entries need none`);
  assert.match(head, /<updated>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z<\/updated>/, `${name}: feed updated`);
  const entries = body.split('<entry>').slice(1);
  assert.ok(entries.length > 0, `${name}: has entries`);
  for (const entry of entries) {
    assert.match(entry, /<link rel="alternate" type="text\/html" href="http:\/\/localhost\/[^"]+"\/>/, `${name}: every entry has an alternate link`);
    assert.match(entry, /<updated>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z<\/updated>/, `${name}: every entry has its updated date`);
    assert.match(entry, /<id>urn:uuid:[0-9a-f-]{36}<\/id>/, `${name}: a permanent id`);
  }
}

const HOSTILE_TITLE = '<b>Vet</b> & "quotes" ]]> <![CDATA[x]]> \u0001\u0008\u000b\u001f\ufffe\ud800 einde';
// NUL is refused by the app before any form is read (a 400), so the served feeds get the others.
const HOSTILE_BODY = 'Tekst met ]]> en <script>alert(1)</script> en \u0007\u001b\ufffe en <em>nadruk</em>.';

describe('Atom feeds validate under RFC 4287 (jing)', { skip: !jingAvailable() }, () => {
  test('the validator can fail: a feed without id and with a bad date is rejected', async () => {
    const broken = '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><updated>yesterday</updated></feed>\n';
    const result = await validate({ broken });
    assert.equal(result.ok, false);
    assert.match(result.messages, /must be an ISO date and time/);
    assert.match(result.messages, /element "feed" incomplete; missing required element "id"/);
  });

  test('atomFeed() with hostile texts and an empty feed', async () => {
    const hostile = atomFeed({
      id: 'http://localhost/en/leiden/news',
      title: HOSTILE_TITLE,
      selfUrl: 'http://localhost/en/leiden/news/feed.atom?a=1&b=2',
      siteUrl: 'http://localhost/en/leiden/news',
      author: 'Leiden ]]> & <Kennisstad>',
      locale: 'en',
      updated: new Date('2026-01-01T00:00:00Z'),
      entries: [
        {
          id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
          title: HOSTILE_TITLE,
          url: 'http://localhost/en/leiden/news/x?a=1&b=<2>',
          updated: new Date('2026-01-01T00:00:00Z'),
          published: new Date('2025-12-31T23:00:00Z'),
          summary: HOSTILE_BODY,
          contentHtml: '<p>]]> <script>alert(1)</script> \u0000</p>',
          fallbackLang: { title: 'nl', summary: 'nl', content: 'nl' },
        },
      ],
    });
    const empty = atomFeed({ id: 'urn:x', title: '', selfUrl: 'http://localhost/f', siteUrl: 'http://localhost/', author: 'x', locale: 'nl', updated: new Date(0), entries: [] });
    const result = await validate({ hostile, empty });
    assert.equal(result.messages, '');
    assert.ok(result.ok);
    assert.doesNotMatch(hostile, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\ud800-\udfff]/, 'characters XML forbids are dropped');
    assert.ok(hostile.includes('<title xml:lang="nl">&lt;b&gt;Vet&lt;/b&gt; &amp; &quot;quotes&quot; ]]&gt; &lt;![CDATA[x]]&gt;  einde</title>'));
    assert.ok(hostile.includes('href="http://localhost/en/leiden/news/x?a=1&amp;b=&lt;2&gt;"'));
    assert.ok(hostile.includes('<content type="html" xml:lang="nl">&lt;p&gt;]]&gt; &lt;script&gt;'));
  });

  test('entries are as new as their publication moment once it has passed', () => {
    const edited = new Date('2026-01-01T10:00:00Z');
    const now = new Date('2026-02-01T00:00:00Z');
    assert.equal(entryUpdated({ updatedAt: edited, publishAt: new Date('2026-01-15T00:00:00Z') }, now).toISOString(), '2026-01-15T00:00:00.000Z');
    assert.equal(entryUpdated({ updatedAt: edited, publishAt: new Date('2025-12-01T00:00:00Z') }, now), edited);
    assert.equal(entryUpdated({ updatedAt: edited, publishAt: new Date('2026-03-01T00:00:00Z') }, now), edited, 'a future date is not yet news');
    assert.equal(entryUpdated({ updatedAt: edited, publishAt: null }, now), edited);
    // The text's own last edit counts, not the moment the row was written (loading default data, a status change).
    const loaded = new Date('2026-01-31T00:00:00Z');
    const texts = { nl: '2017-07-07T12:00:00.000Z', en: '2017-07-08T12:00:00.000Z' };
    assert.equal(entryUpdated({ updatedAt: loaded, publishAt: new Date('2017-07-07T12:00:00Z'), languageUpdatedAt: texts }, now).toISOString(), '2017-07-08T12:00:00.000Z');
    assert.equal(entryUpdated({ updatedAt: loaded, publishAt: new Date('2017-09-01T00:00:00Z'), languageUpdatedAt: texts }, now).toISOString(), '2017-09-01T00:00:00.000Z');
  });

  for (const mode of databaseModes()) {
    describe(`served feeds (${mode})`, () => {
      let t: TestApp;
      let coordinator: Session;
      before(async () => {
        t = await startTestApp(mode);
        coordinator = await loginAs(t, { role: 'coordinator' });
      });
      after(async () => t.close());

      test('news and public decisions, Dutch and English, with hostile texts and fallbacks', async () => {
        const db = t.database.db;
        // A news item typed with markup, "]]>" and control characters, only in Dutch.
        const saved = await t.app.inject({
          method: 'POST',
          url: '/nl/leiden/manage/website/news/new',
          headers: { cookie: coordinator.cookie },
          payload: { title_nl: HOSTILE_TITLE, summary_nl: HOSTILE_BODY, body_nl: HOSTILE_BODY, slug: 'vijandig', status: 'published', _csrf: coordinator.csrf },
        });
        assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
        const [programme] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden'));
        const [body] = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.programmeId, programme!.id)).limit(1);
        const [meeting] = await db
          .insert(meetings)
          .values({ programmeId: programme!.id, bodyId: body!.id, startsAt: new Date('2017-10-05T13:00:00Z'), endsAt: new Date('2017-10-05T15:00:00Z') } as typeof meetings.$inferInsert)
          .returning({ id: meetings.id });
        // In force (confirmed by a member who attended): the feed lists only those; one awaiting confirmation stays out.
        const confirmedAt = new Date('2017-10-05T16:00:00Z');
        await db.insert(decisions).values([
          { programmeId: programme!.id, meetingId: meeting!.id, text: { nl: 'Besluit <i>met</i> ]]> & \u0001 tekens.', en: 'Decision <i>with</i> ]]> & \u0001 characters.' }, outcome: 'adopted', public: true, confirmedAt },
          { programmeId: programme!.id, meetingId: meeting!.id, text: { nl: 'Alleen in het Nederlands besloten.' }, outcome: 'adopted', public: true, confirmedAt },
          { programmeId: programme!.id, meetingId: meeting!.id, text: { nl: 'Wacht nog op bevestiging.', en: 'Still awaiting confirmation.' }, outcome: 'adopted', public: true },
        ] as (typeof decisions.$inferInsert)[]);

        const feeds: Record<string, string> = {};
        for (const locale of ['nl', 'en'] as const) {
          for (const feed of ['news', 'decisions'] as const) {
            const url = `/${locale}/leiden/${feed}/feed.atom`;
            const response = await t.app.inject({ url });
            assert.equal(response.statusCode, 200, url);
            assert.match(String(response.headers['content-type']), /^application\/atom\+xml; charset=utf-8/);
            assertReadable(url, response.body, locale, `http://localhost${url}`);
            feeds[`${feed}-${locale}`] = response.body;
          }
        }
        const result = await validate(feeds);
        assert.equal(result.messages, '', 'jing reports nothing');
        assert.ok(result.ok);

        const news = feeds['news-en']!;
        assert.ok(news.includes('<title xml:lang="nl">&lt;b&gt;Vet&lt;/b&gt; &amp; &quot;quotes&quot; ]]&gt;'), 'the Dutch fallback title is escaped and marked nl');
        assert.ok(news.includes('<content type="html" xml:lang="nl">'), 'the fallback body is marked nl');
        assert.doesNotMatch(news, /<script|<b>|\u0001|\u0000/);
        assert.match(feeds['news-nl']!, /<title>&lt;b&gt;Vet/, 'no xml:lang on text in the feed’s own language');
        assert.match(feeds['decisions-en']!, /<title>Decision &lt;i&gt;with&lt;\/i&gt; ]]&gt; &amp;  characters.<\/title>/);
        assert.match(feeds['decisions-en']!, /<title xml:lang="nl">Alleen in het Nederlands besloten.<\/title>/);
        assert.doesNotMatch(feeds['decisions-en']! + feeds['decisions-nl']!, /awaiting confirmation|Wacht nog op bevestiging/);
      });
    });
  }
});
