import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { changedLanguages, contentFrom, formatLocalDateTime, isPublic, parseLocalDateTime, slugify, translationState } from './rules.ts';
import type { ContentForm, EventForm } from './schema.ts';
import { markdownToText, renderMarkdown } from './markdown.ts';
import { atomFeed, escapeXml, foldIcsLine, icsCalendar, icsUtc } from './feeds.ts';

describe('publication rules', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  test('drafts never, scheduled from their moment, published always', () => {
    assert.equal(isPublic({ status: 'draft', publishAt: new Date('2020-01-01') }, now), false);
    assert.equal(isPublic({ status: 'scheduled', publishAt: new Date('2026-01-01T12:00:01Z') }, now), false);
    assert.equal(isPublic({ status: 'scheduled', publishAt: new Date('2026-01-01T12:00:00Z') }, now), true);
    assert.equal(isPublic({ status: 'scheduled', publishAt: null }, now), false);
    assert.equal(isPublic({ status: 'published', publishAt: null }, now), true);
  });

  test('datetime-local is read as Amsterdam time, summer and winter', () => {
    assert.equal(parseLocalDateTime('2026-07-01T20:00')!.toISOString(), '2026-07-01T18:00:00.000Z');
    assert.equal(parseLocalDateTime('2026-01-15T20:00')!.toISOString(), '2026-01-15T19:00:00.000Z');
    assert.equal(parseLocalDateTime('2026-02-30T20:00'), null);
    assert.equal(parseLocalDateTime('2026-01-15 20:00'), null);
    assert.equal(formatLocalDateTime(new Date('2026-07-01T18:00:00Z')), '2026-07-01T20:00');
  });

  test('slugs come from the title without accents', () => {
    assert.equal(slugify('Café “Wetenschap” — één avond!'), 'cafe-wetenschap-een-avond');
  });

  const form = (values: Partial<EventForm>): EventForm => ({ title: {}, summary: {}, body: {}, image_alt: {}, location: {}, status: 'draft', ...values });
  const problems = (result: ReturnType<typeof contentFrom>) => (result.ok ? {} : result.errors);

  test('a text needs a title, a moment when scheduled and alt text for an image; every problem at once', () => {
    const missing = problems(contentFrom('news', form({ status: 'scheduled', image_url: 'https://example.org/a.jpg', image_alt: { nl: 'Foto' } })));
    assert.deepEqual(Object.keys(missing).sort(), ['image_alt_nl', 'publish_at', 'slug', 'title_nl']);
    assert.equal(missing.publish_at?.key, 'website.error.publishAtRequired');
    const ok = contentFrom('news', form({ title: { nl: 'Nieuw bericht' } }) as ContentForm);
    assert.ok(ok.ok);
    assert.equal(ok.value.slug, 'nieuw-bericht');
    const unsafe = problems(contentFrom('news', form({ title: { nl: 'x' }, image_url: 'javascript:alert(1)', image_alt: { nl: 'a', en: 'a' } })));
    assert.deepEqual(Object.keys(unsafe), ['image_url']);
  });

  test('control characters and lone surrogates in a text are dropped (jsonb refuses them: a 500)', () => {
    const result = contentFrom('news', form({ title: { nl: 'Nul\u0000 bel\u0007 tab\tnieuwe\r\nregel\u001f' }, body: { en: 'a\u000bb\u007f \ud800x\udc00 😀' } }));
    assert.ok(result.ok);
    assert.equal(result.value.title.nl, 'Nul bel tab\tnieuwe\nregel');
    assert.equal(result.value.body.en, 'ab x 😀', 'lone surrogates go, a real pair stays');
  });

  test('an event starts, and ends after it starts; a moment must exist in Amsterdam', () => {
    assert.deepEqual(problems(contentFrom('events', form({ title: { en: 'Talk' } }))), { starts_at: { key: 'website.error.startsAt' } });
    const reversed = problems(contentFrom('events', form({ title: { en: 'Talk' }, starts_at: '2026-03-01T20:00', ends_at: '2026-03-01T19:00' })));
    assert.deepEqual(Object.values(reversed).map((p) => p.key), ['website.error.endsBeforeStart']);
    const result = contentFrom('events', form({ title: { en: 'Talk' }, starts_at: '2026-07-01T20:00', location: { nl: ' Pieterskerk ' } }));
    assert.ok(result.ok);
    assert.equal(result.value.startsAt?.toISOString(), '2026-07-01T18:00:00.000Z');
    assert.deepEqual(result.value.location, { nl: 'Pieterskerk' });
  });

  test('translation state: missing, outdated, current', () => {
    const base = { title: { nl: 'A', en: 'A' }, body: { nl: 'x', en: 'y' } };
    assert.equal(translationState({ ...base, staleTranslations: { body: 'en' } }, 'en'), 'outdated');
    assert.equal(translationState({ ...base, staleTranslations: { body: 'en' } }, 'nl'), 'current');
    assert.equal(translationState({ ...base, staleTranslations: { summary: 'nl' } }, 'nl'), 'outdated');
    assert.equal(translationState({ ...base, staleTranslations: {} }, 'en'), 'current');
    assert.equal(translationState({ title: { nl: 'A' }, body: { nl: 'x' }, staleTranslations: {} }, 'en'), 'missing');
    assert.equal(translationState({ title: { nl: 'A', en: 'A' }, body: { nl: 'x' }, staleTranslations: { title: 'en' } }, 'en'), 'missing', 'missing says more than out of date');
    assert.equal(translationState({ title: { nl: 'A', en: 'A' }, body: {}, staleTranslations: {} }, 'en'), 'current', 'no body in either language');
    assert.equal(translationState({ title: { nl: ' ', en: 'A' }, body: {}, staleTranslations: {} }, 'nl'), 'missing');
  });

  test('only the languages whose text changed are stamped', () => {
    const before = { title: { nl: 'A', en: 'B' }, summary: {}, body: { nl: 'x', en: 'y' } };
    const after = { ...before, body: { nl: 'x2', en: 'y' } } as Parameters<typeof changedLanguages>[1];
    assert.deepEqual(changedLanguages(before, after), ['nl']);
  });
});

describe('markdown is sanitised', () => {
  test('scripts, handlers and javascript: links are removed; structure stays', () => {
    const html = renderMarkdown('# Kop\n\nTekst met **vet** en <script>alert(1)</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1)) [ok](https://example.org)\n\n- een\n- twee');
    assert.ok(!/script|onerror|javascript:|<img/i.test(html), html);
    assert.match(html, /<h2 class="utrecht-heading-2">Kop<\/h2>/);
    assert.match(html, /<strong>vet<\/strong>/);
    assert.match(html, /<a href="https:\/\/example.org" class="utrecht-link">ok<\/a>/);
    assert.match(html, /<ul class="utrecht-unordered-list">/);
    assert.equal(markdownToText('**a** _b_'), 'a b');
  });
});

describe('feeds', () => {
  test('XML escaping covers markup and forbidden control characters', () => {
    assert.equal(escapeXml(`<a href="x">&'\u0001`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  test('Atom has the elements RFC 4287 requires, escaped', () => {
    const xml = atomFeed({
      id: 'https://x/nl/leiden/news',
      title: 'Nieuws & meer',
      selfUrl: 'https://x/nl/leiden/news/feed.atom',
      siteUrl: 'https://x/nl/leiden/news',
      author: 'Leiden',
      locale: 'nl',
      updated: new Date('2026-01-01T00:00:00Z'),
      entries: [{ id: 'urn:uuid:1', title: '<b>Titel</b>', url: 'https://x/nl/leiden/news/a', updated: new Date('2026-01-01T00:00:00Z'), contentHtml: '<p>Hallo</p>' }],
    });
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="nl">/);
    assert.match(xml, /<title>Nieuws &amp; meer<\/title>/);
    assert.match(xml, /<title>&lt;b&gt;Titel&lt;\/b&gt;<\/title>/);
    assert.match(xml, /<content type="html">&lt;p&gt;Hallo&lt;\/p&gt;<\/content>/);
    assert.match(xml, /<updated>2026-01-01T00:00:00.000Z<\/updated>/);
  });

  test('ICS: UTC times, CRLF, escaped text, folded lines of at most 75 octets', () => {
    assert.equal(icsUtc(new Date('2017-11-14T19:00:00Z')), '20171114T190000Z');
    const ics = icsCalendar('Agenda', [{ uid: 'a@x', title: 'Café; wetenschap, avond', startsAt: new Date('2017-11-14T19:00:00Z'), endsAt: null, url: 'https://x/e', updated: new Date('2017-10-01T00:00:00Z'), description: 'é'.repeat(100) }], new Date('2026-01-01T00:00:00Z'));
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    assert.ok(!/[^\r]\n/.test(ics), 'every line ends with CRLF');
    assert.match(ics, /SUMMARY:Café\\; wetenschap\\, avond\r\n/);
    assert.match(ics, /DTSTART:20171114T190000Z\r\nDTEND:20171114T210000Z/);
    assert.match(ics, /DTSTAMP:20260101T000000Z/);
    assert.match(ics, /\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n/, 'subscribed calendars refresh hourly');
    for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
    assert.equal(foldIcsLine('a'.repeat(80)), `${'a'.repeat(75)}\r\n ${'a'.repeat(5)}`);
  });
});

describe('theme rules', async () => {
  const { contrastRatio, themeFrom } = await import('./theme.ts');
  test('WCAG contrast ratio', () => {
    assert.equal(Math.round(contrastRatio('#000000', '#ffffff') * 10) / 10, 21);
    assert.equal(contrastRatio('#777777', '#777777'), 1);
  });
  test('colours must be #rrggbb and readable together', () => {
    const base = { name_nl: 'Naam', name_en: 'Name', colour_primary: '#154273', 'colour_primary-contrast': '#ffffff', colour_accent: '#e17000', colour_text: '#1a1a1a', colour_background: '#ffffff' };
    const fields = (result: ReturnType<typeof themeFrom>) => (result.ok ? {} : result.errors);
    assert.ok(themeFrom(base).ok);
    assert.deepEqual(Object.keys(fields(themeFrom({ ...base, colour_accent: 'red;}' }))), ['colour_accent']);
    assert.deepEqual(Object.values(fields(themeFrom({ ...base, 'colour_primary-contrast': '#2a5283' }))).map((p) => p.key), ['website.theme.error.contrast']);
  });
});
