import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { auditEvents, bodies, programmes, projects } from '../../db/schema.ts';
import { AccessDenied, type Actor } from '../../domain/policy.ts';
import { saveTheme } from './commands.ts';
import { decisions, meetings } from '../meetings/tables.ts';
import { LOCALES } from '../../domain/localized.ts';
import { countOpenTranslations, listAll } from './queries.ts';
import { CONTENT_KINDS, translationState } from './rules.ts';
import { events, newsItems, pages } from './tables.ts';
import { BODY_MAX } from './schema.ts';

const form = (session: Session, fields: Record<string, string>) => ({ ...fields, _csrf: session.csrf });

async function until(check: () => Promise<boolean>, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

for (const mode of databaseModes()) {
  describe(`website (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session & { userId: string };
    before(async () => {
      t = await startTestApp(mode);
      coordinator = await loginAs(t, { role: 'coordinator' });
    });
    after(async () => t.close());

    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
    const post = (url: string, session: Session, fields: Record<string, string>) => t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: form(session, fields) });

    test('seeded news, events and pages are public in Dutch and English', async () => {
      const nl = await get('/nl/leiden/news');
      assert.equal(nl.statusCode, 200);
      assert.match(nl.body, /Convenant Leiden Kennisstad ondertekend/);
      assert.match(nl.body, /href="\/nl\/leiden\/news\/feed.atom"/);
      const en = await get('/en/leiden/news/convenant-ondertekend');
      assert.equal(en.statusCode, 200);
      assert.match(en.body, /<html lang="en"/);
      assert.match(en.body, /Leiden Knowledge City agreement signed/);
      assert.match(en.body, /<strong>Leiden Knowledge City<\/strong>/);
      assert.match(en.body, /hrefLang="nl" href="http:\/\/localhost\/nl\/leiden\/news\/convenant-ondertekend"|hreflang="nl" href="http:\/\/localhost\/nl\/leiden\/news\/convenant-ondertekend"/i);
      const events = await get('/nl/leiden/events');
      assert.match(events.body, /Nacht van Kunst en Kennis/);
      assert.match(events.body, /Kick-off Summerschools in Leiden/);
      const event = await get('/en/leiden/events/sciencecafe');
      assert.match(event.body, /Science café/);
      const page = await get('/en/leiden/pages/over');
      assert.match(page.body, /About Leiden Knowledge City/);
      assert.equal((await get('/nl/leiden/news/bestaat-niet')).statusCode, 404);
      assert.equal((await get('/nl/leiden/pages/bestaat-niet')).statusCode, 404);
    });

    test('editing: denied to others, invalid input re-rendered with messages, drafts stay private', async () => {
      const anonymous = await get('/nl/leiden/manage/website');
      assert.notEqual(anonymous.statusCode, 200);
      const lead = await loginAs(t, { role: 'lead', project: '3a' });
      // A management page: someone signed in without the right is told so (403), not "not found".
      assert.equal((await get('/nl/leiden/manage/website', { cookie: lead.cookie })).statusCode, 403);
      const denied = await post('/nl/leiden/manage/website/news/new', lead, { title_nl: 'x', status: 'published' });
      assert.equal(denied.statusCode, 403);

      const invalid = await post('/en/leiden/manage/website/news/new', coordinator, { title_nl: '', status: 'scheduled', summary_nl: 'kept text', image_url: 'https://example.org/a.jpg' });
      assert.equal(invalid.statusCode, 400);
      assert.match(invalid.body, /Give a title in at least one language/);
      assert.match(invalid.body, /A scheduled publication needs a moment/);
      assert.match(invalid.body, /An image needs alternative text in both languages/);
      assert.match(invalid.body, /kept text/);
      assert.equal((await get('/nl/leiden/manage/website/news/00000000-0000-0000-0000-000000000000', { cookie: coordinator.cookie })).statusCode, 404);
      assert.equal((await get('/nl/leiden/manage/website/unknown/new', { cookie: coordinator.cookie })).statusCode, 404);

      const draft = await post('/nl/leiden/manage/website/news/new', coordinator, {
        title_nl: 'Conceptbericht', title_en: 'Draft item', body_nl: 'Hallo <script>alert(1)</script> **wereld**', status: 'draft',
      });
      assert.equal(draft.statusCode, 303);
      assert.equal((await get('/nl/leiden/news/conceptbericht')).statusCode, 404);
      const taken = await post('/nl/leiden/manage/website/news/new', coordinator, { title_nl: 'Conceptbericht', status: 'draft' });
      assert.equal(taken.statusCode, 400);
      assert.match(taken.body, /Dit adres is al in gebruik/);

      const editUrl = draft.headers.location as string;
      const published = await post(editUrl, coordinator, { slug: 'conceptbericht', title_nl: 'Conceptbericht', title_en: 'Draft item', body_nl: 'Hallo <script>alert(1)</script> **wereld**', status: 'published', version: '1' });
      assert.equal(published.statusCode, 303);
      const page = await get('/nl/leiden/news/conceptbericht');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<strong>wereld<\/strong>/);
      assert.doesNotMatch(page.body, /alert\(1\)/);
      // English has a title but no body: the Dutch body is shown, marked with its language.
      const english = await get('/en/leiden/news/conceptbericht');
      assert.match(english.body, /class="ks-prose ks-fallback" lang="nl"/);
    });

    test('news, events and pages: a save from a stale version is refused (409) with who saved what and when, the input kept, nothing overwritten', async () => {
      const other = await loginAs(t, { role: 'coordinator', name: 'Andere Coördinator' });
      for (const kind of ['news', 'events', 'pages'] as const) {
        const slug = `twee-tabbladen-${kind}`;
        const base = { title_nl: `Twee tabbladen ${kind}`, slug, status: 'draft', ...(kind === 'events' ? { starts_at: '2030-05-01T20:00' } : {}) };
        const created = await post(`/nl/leiden/manage/website/${kind}/new`, coordinator, base);
        assert.equal(created.statusCode, 303, kind);
        const editUrl = created.headers.location as string;
        const opened = await get(editUrl, { cookie: coordinator.cookie });
        assert.match(opened.body, /<input type="hidden" name="version" value="1"\/>/, `${kind}: the form carries its version`);
        assert.equal((await post(editUrl, other, { ...base, body_nl: 'Eerst opgeslagen.', version: '1' })).statusCode, 303, kind);
        const stale = await post(editUrl, coordinator, { ...base, body_nl: 'Later getypt, niet kwijt.', version: '1' });
        assert.equal(stale.statusCode, 409, kind);
        assert.match(stale.body, /Iemand anders heeft dit intussen gewijzigd/);
        assert.match(stale.body, /Andere Coördinator heeft dit op .+ opgeslagen, nadat u het formulier opende/);
        assert.match(stale.body, /NL: Eerst opgeslagen\./, 'what is saved now');
        assert.ok(stale.body.includes('>Later getypt, niet kwijt.</textarea>'), `${kind}: the input is kept`);
        assert.match(stale.body, /<input type="hidden" name="version" value="2"\/>/);
        const table = kind === 'news' ? newsItems : kind === 'events' ? events : pages;
        const [row] = await t.database.db.select({ body: table.body, version: table.version }).from(table).where(eq(table.slug, slug));
        assert.deepEqual(row, { body: { nl: 'Eerst opgeslagen.' }, version: 2 }, `${kind}: nothing overwritten`);
        assert.equal((await post(editUrl, coordinator, { ...base, body_nl: 'Later getypt, niet kwijt.', version: '2' })).statusCode, 303, `${kind}: saved knowingly`);
      }
    });

    test('a text longer than its limit is refused with the message and kept, never stored shortened', async () => {
      const full = 'ë'.repeat(BODY_MAX);
      const created = await post('/nl/leiden/manage/website/pages/new', coordinator, { title_nl: 'Lange pagina', slug: 'lange-pagina', status: 'draft', body_nl: full });
      assert.equal(created.statusCode, 303);
      const [saved] = await t.database.db.select({ body: pages.body }).from(pages).where(eq(pages.slug, 'lange-pagina'));
      assert.equal(saved!.body.nl, full, 'stored whole');
      const opened = await get(created.headers.location as string, { cookie: coordinator.cookie });
      assert.match(opened.body, new RegExp(`maxLength="${BODY_MAX}"|maxlength="${BODY_MAX}"`), 'the field states its limit');
      assert.match(opened.body, /Maximaal 50\.000 tekens\./, 'and says it in words');
      const tooLong = await post(created.headers.location as string, coordinator, { title_nl: 'Lange pagina', slug: 'lange-pagina', status: 'draft', body_nl: `${full}x`, version: '1' });
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.body, /Dit is te lang: maximaal 50\.000 tekens/);
      assert.ok(tooLong.body.includes(`>${full}x</textarea>`), 'the typed text is kept');
      const [after] = await t.database.db.select({ body: pages.body, version: pages.version }).from(pages).where(eq(pages.slug, 'lange-pagina'));
      assert.deepEqual(after, { body: { nl: full }, version: 1 }, 'nothing saved');
    });

    test('scheduled items appear at their moment', async () => {
      const future = await post('/nl/leiden/manage/website/news/new', coordinator, { title_nl: 'Later', slug: 'later', status: 'scheduled', publish_at: '2099-01-01T10:00' });
      assert.equal(future.statusCode, 303);
      assert.equal((await get('/nl/leiden/news/later')).statusCode, 404);
      const past = await post('/nl/leiden/manage/website/news/new', coordinator, { title_nl: 'Eerder', slug: 'eerder', status: 'scheduled', publish_at: '2020-01-01T10:00' });
      assert.equal(past.statusCode, 303);
      assert.equal((await get('/nl/leiden/news/eerder')).statusCode, 200);
      // Only Dutch: on the English page the title, also in the breadcrumbs, says it is Dutch.
      const english = (await get('/en/leiden/news/eerder')).body;
      assert.match(english, /<span class="utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current" aria-current="page" lang="nl">Eerder<\/span>/);
      assert.match(english, /<h1 class="utrecht-heading-1"><span class="ks-fallback" lang="nl">Eerder<\/span><\/h1>/);
      // The moment arrives (moved into the past in the database): the cached list must not hide it.
      await get('/nl/leiden/news');
      await t.database.db.update(newsItems).set({ publishAt: sql`now() - interval '1 second'` }).where(eq(newsItems.slug, 'later'));
      assert.ok(await until(async () => (await get('/nl/leiden/news')).body.includes('/nl/leiden/news/later"')));
    });

    test('translation overview shows missing and outdated translations with a link to fix them', async () => {
      const created = await post('/nl/leiden/manage/website/events/new', coordinator, { title_nl: 'Alleen Nederlands', body_nl: 'Tekst', status: 'draft', starts_at: '2030-05-01T20:00' });
      assert.equal(created.statusCode, 303);
      const overview = await get('/en/leiden/manage/website/translations', { cookie: coordinator.cookie });
      assert.equal(overview.statusCode, 200);
      assert.match(overview.body, /Alleen Nederlands/);
      assert.match(overview.body, /Missing/);
      assert.ok(overview.body.includes(`href="${(created.headers.location as string).replace('/nl/', '/en/')}"`));
      // Translate, then change only the Dutch: English is now out of date.
      const editUrl = created.headers.location as string;
      await post(editUrl, coordinator, { slug: 'alleen-nederlands', title_nl: 'Alleen Nederlands', body_nl: 'Tekst', title_en: 'Dutch only', body_en: 'Text', status: 'draft', starts_at: '2030-05-01T20:00', version: '1' });
      assert.doesNotMatch((await get('/en/leiden/manage/website/translations', { cookie: coordinator.cookie })).body, /Dutch only/);
      await new Promise((r) => setTimeout(r, 5));
      await post(editUrl, coordinator, { slug: 'alleen-nederlands', title_nl: 'Alleen Nederlands', body_nl: 'Nieuwe tekst', title_en: 'Dutch only', body_en: 'Text', status: 'draft', starts_at: '2030-05-01T20:00', version: '2' });
      const after = await get('/en/leiden/manage/website/translations', { cookie: coordinator.cookie });
      assert.match(after.body, /Translation out of date/);
      const dashboardPanel = await get('/en/leiden/manage/website', { cookie: coordinator.cookie });
      assert.equal(dashboardPanel.statusCode, 200);
    });

    test('a text changed in one language marks the other "translation out of date" on its pages until it is updated; a title or text cannot lose a language', async () => {
      const fields = { slug: 'vertaald', title_nl: 'Vertaald bericht', title_en: 'Translated item', summary_nl: 'Kort', summary_en: 'Short', body_nl: 'Tekst', body_en: 'Text', status: 'published' };
      const created = await post('/nl/leiden/manage/website/news/new', coordinator, fields);
      assert.equal(created.statusCode, 303);
      const editUrl = created.headers.location as string;
      const stored = async () => (await t.database.db.select({ stale: newsItems.staleTranslations, version: newsItems.version, title: newsItems.title, body: newsItems.body }).from(newsItems).where(eq(newsItems.slug, 'vertaald')))[0]!;
      assert.deepEqual((await stored()).stale, {}, 'written in both languages at once: nothing behind');
      // Only the Dutch summary and body change: in English both are behind, in Dutch nothing is.
      assert.equal((await post(editUrl, coordinator, { ...fields, summary_nl: 'Korter', body_nl: 'Nieuwe tekst', version: '1' })).statusCode, 303);
      assert.deepEqual((await stored()).stale, { summary: 'en', body: 'en' });
      assert.match((await get('/en/leiden/news/vertaald')).body, /id="translation-stale"><span class="utrecht-data-badge ks-badge">Translation out of date:<\/span> text, summary<\/p>/);
      assert.doesNotMatch((await get('/nl/leiden/news/vertaald')).body, /id="translation-stale"/, 'the Dutch text is the current one');
      const form = await get(editUrl.replace('/nl/', '/en/'), { cookie: coordinator.cookie });
      assert.match(form.body, /id="translation-stale"><span class="utrecht-data-badge ks-badge">Translation out of date:<\/span> text, summary/);
      assert.equal(form.body.match(/Translation out of date: the text in the other language was changed after this one was written\./g)?.length, 2, 'under the English summary and text');
      const overview = await get('/nl/leiden/manage/website/translations', { cookie: coordinator.cookie });
      assert.match(overview.body, new RegExp(`href="${editUrl}"[^>]*>[^]*?Vertaald bericht[^]*?Vertaling verouderd`));
      // Emptying the English title or text is refused with a message; what was typed stays, nothing is stored.
      const emptied = await post(editUrl, coordinator, { ...fields, title_en: '', body_nl: 'Nog nieuwer', body_en: ' ', version: '2' });
      assert.equal(emptied.statusCode, 400);
      assert.match(emptied.body, /De titel had een tekst in deze taal en kan niet leeg worden gemaakt/);
      assert.match(emptied.body, /De tekst had een versie in deze taal en kan niet leeg worden gemaakt/);
      assert.ok(emptied.body.includes('>Nog nieuwer</textarea>'), 'the typed text is kept');
      assert.deepEqual((await stored()).version, 2, 'nothing saved');
      assert.equal((await stored()).title.en, 'Translated item');
      // Bringing the English text up to date clears its mark; the summary stays behind until it is updated too.
      assert.equal((await post(editUrl, coordinator, { ...fields, summary_nl: 'Korter', body_nl: 'Nieuwe tekst', body_en: 'New text', version: '2' })).statusCode, 303);
      assert.deepEqual((await stored()).stale, { summary: 'en' });
      assert.equal((await post(editUrl, coordinator, { ...fields, summary_nl: 'Korter', summary_en: 'Shorter', body_nl: 'Nieuwe tekst', body_en: 'New text', version: '3' })).statusCode, 303);
      assert.deepEqual((await stored()).stale, {});
      assert.doesNotMatch((await get('/en/leiden/news/vertaald')).body, /id="translation-stale"/);
    });

    test('the dashboard counts open translations with one COUNT query, the same number the overview lists', async () => {
      const db = t.database.db;
      const [programme] = await db.insert(programmes).values({ slug: 'telling', name: { nl: 'Telling', en: 'Count' }, city: 'Leiden', periodStart: '2026-01-01', periodEnd: '2030-12-31' }).returning({ id: programmes.id });
      const programmeId = programme!.id;
      const early = '2026-01-01T10:00:00.000Z';
      const late = '2026-02-01T10:00:00.000Z';
      const row = (slug: string, values: Partial<typeof newsItems.$inferInsert>) => ({ programmeId, slug, title: {}, ...values });
      await db.insert(newsItems).values([
        row('current', { title: { nl: 'A', en: 'A' }, body: { nl: 'x', en: 'y' }, languageUpdatedAt: { nl: early, en: early } }),
        row('missing-en', { title: { nl: 'B' }, body: { nl: 'x' } }),
        row('missing-body', { title: { nl: 'C', en: 'C' }, body: { nl: 'x' } }),
        row('titles-only', { title: { nl: 'D', en: 'D' } }),
        row('outdated-en', { title: { nl: 'E', en: 'E' }, languageUpdatedAt: { nl: late, en: early }, staleTranslations: { title: 'en' } }),
        row('one-time', { title: { nl: 'F', en: 'F' }, languageUpdatedAt: { nl: late } }),
        row('blank-title', { title: { nl: 'G', en: '  ' }, body: { nl: 'x', en: 'y' } }),
      ]);
      await db.insert(events).values([{ ...row('event-outdated-nl', { title: { nl: 'H', en: 'H' }, languageUpdatedAt: { nl: early, en: late }, staleTranslations: { location: 'nl' } }), startsAt: new Date(late) }]);
      await db.insert(pages).values([row('page-missing-nl', { title: { en: 'I' }, body: { en: 'z' } }), row('page-current', { title: { nl: 'J', en: 'J' } })]);

      const expected = (await Promise.all(CONTENT_KINDS.map((kind) => listAll(db, kind, programmeId)))).flat().filter((item) => LOCALES.some((l) => translationState(item, l) !== 'current'));
      assert.deepEqual(expected.map((item) => item.slug).sort(), ['blank-title', 'event-outdated-nl', 'missing-body', 'missing-en', 'outdated-en', 'page-missing-nl']);
      assert.equal(await countOpenTranslations(db, programmeId), expected.length);
      const [leiden] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden'));
      const leidenOpen = (await Promise.all(CONTENT_KINDS.map((kind) => listAll(db, kind, leiden!.id)))).flat().filter((item) => LOCALES.some((l) => translationState(item, l) !== 'current'));
      assert.equal(await countOpenTranslations(db, leiden!.id), leidenOpen.length, 'each programme counts only its own texts');

      const teller = await loginAs(t, { role: 'coordinator', programme: 'telling' });
      const overview = await get('/en/telling/manage/website/translations', { cookie: teller.cookie });
      assert.equal(overview.statusCode, 200);
      assert.equal(overview.body.match(/<tr class="utrecht-table__row"><td/g)?.length, expected.length, 'the overview lists the same texts');
      const dashboard = await get('/en/telling/dashboard', { cookie: teller.cookie });
      assert.equal(dashboard.statusCode, 200);
      assert.match(dashboard.body, new RegExp(`${expected.length} × `));
    });

    test('contact page, footer links, Open Graph, hreflang with x-default, sitemap of every public list', async () => {
      const db = t.database.db;
      const nl = await get('/nl/leiden/contact');
      assert.equal(nl.statusCode, 200);
      assert.match(nl.body, /<h1 class="utrecht-heading-1">Contact<\/h1>/);
      assert.match(nl.body, /href="\/nl\/leiden\/accessibility"/);
      const en = await get('/en/leiden/contact');
      assert.match(en.body, /a partnership of the municipality of Leiden/);
      // The agreement gives no contact address, so the default data has none.
      assert.match(en.body, /No contact address has been published yet\./);
      await db.update(programmes).set({ contactEmail: 'kennisstad@leiden.nl' }).where(eq(programmes.slug, 'leiden'));
      assert.ok(await until(async () => (await get('/nl/leiden/contact')).body.includes('href="mailto:kennisstad@leiden.nl"')), 'the cached page follows the change');
      assert.equal((await get('/nl/onbekend/contact')).statusCode, 404);

      // The accessibility statement follows the Dutch model: scope, status, limits, contact, complaints, date.
      const statementNl = (await get('/nl/leiden/accessibility')).body;
      for (const heading of ['Voor welke website', 'Nalevingsstatus', 'Bekende beperkingen', 'Een probleem melden', 'Klachten']) {
        assert.match(statementNl, new RegExp(`<h2 class="utrecht-heading-2">${heading}</h2>`), heading);
      }
      assert.match(statementNl, /Status C: eerste maatregelen genomen/);
      assert.match(statementNl, /http:\/\/localhost\/nl\/leiden/);
      assert.match(statementNl, /kennisstad@leiden\.nl/);
      assert.match(statementNl, /voor het laatst bijgewerkt op 3 december 2026/);
      // What the generated PDF and DOCX documents meet and do not meet yet, item by item.
      assert.match(statementNl, /<h2 [^>]*id="accessibility-documents"[^>]*>Documenten die de website maakt \(PDF en Word\)<\/h2>/);
      assert.match(statementNl, /<h3 [^>]*>Wat de documenten al doen<\/h3>/);
      assert.match(statementNl, /<h3 [^>]*>Wat nog niet is voldaan<\/h3>/);
      assert.match(statementNl, /De PDF is getagd \(PDF 1\.7\)/);
      assert.match(statementNl, /niet getoetst met een PDF\/UA-controle zoals veraPDF of PAC/);
      const statementEn = (await get('/en/leiden/accessibility')).body;
      assert.match(statementEn, /<h2 class="utrecht-heading-2">Compliance status<\/h2>/);
      assert.match(statementEn, /last updated on 3 December 2026/);
      assert.match(statementEn, /When a table runs over several pages, its header row is on every page/);
      assert.match(statementEn, /The font \(DejaVu Sans\) is embedded/);

      const page = (await get('/en/leiden/events/sciencecafe')).body;
      const footer = page.slice(page.indexOf('<footer'));
      assert.match(footer, /href="\/en\/leiden\/contact">Contact</);
      assert.match(footer, /href="\/en\/leiden\/accessibility">Accessibility</);
      assert.match(page, /<link rel="canonical" href="http:\/\/localhost\/en\/leiden\/events\/sciencecafe"\/>/);
      assert.match(page, /<link rel="alternate" hrefLang="x-default" href="http:\/\/localhost\/nl\/leiden\/events\/sciencecafe"\/>/i);
      assert.equal(page.match(/property="og:type"/g)?.length, 1, 'one og:type');
      assert.match(page, /<meta property="og:type" content="article"\/>/);
      assert.match(page, /<meta property="og:url" content="http:\/\/localhost\/en\/leiden\/events\/sciencecafe"\/>/);
      assert.match(page, /<meta property="og:locale" content="en_GB"\/><meta property="og:locale:alternate" content="nl_NL"\/>/);
      assert.match(page, /<meta property="og:description" content="[^"]+"\/>/);
      const list = (await get('/nl/leiden/news')).body;
      assert.match(list, /<meta property="og:type" content="website"\/>/);
      assert.doesNotMatch(list, /og:description/, 'no description invented for a list');

      const map = (await get('/sitemap.xml')).body;
      for (const path of ['/contact', '/accessibility', '/decisions', '/agreement', '/annual-agendas', '/targets', '/bodies']) {
        assert.ok(map.includes(`<loc>http://localhost/en/leiden${path}</loc>`), `sitemap lists ${path}`);
        assert.ok((await get(`/en/leiden${path}`)).statusCode === 200, `${path} exists`);
      }
      assert.match((await get('/robots.txt')).body, /Disallow: \/api\/\n(Allow: \/api\/v1\/programmes\/[a-z0-9-]+\/open-data\.\n)+Allow: \/\nSitemap:/);
    });

    test('search: Dutch and English stemming, a typo, highlighted snippets', async () => {
      const nl = await get(`/nl/leiden/search?q=${encodeURIComponent('samenwerken')}`);
      assert.equal(nl.statusCode, 200);
      assert.match(nl.body, /<mark>samenwerking<\/mark>/i, 'Dutch stemmer: samenwerken finds samenwerking');
      const en = await get('/en/leiden/search?q=summer+school');
      assert.match(en.body, /<mark>summer<\/mark> <mark>schools<\/mark>/i, 'English stemmer: school finds schools');
      assert.match(en.body, /\/en\/leiden\/events\/kick-off-summerschools"/, 'finds the event');
      const typo = await get('/nl/leiden/search?q=Kennistad');
      assert.match(typo.body, /<mark>Kennisstad<\/mark>/, 'a missing letter still finds Kennisstad');
      const news = await get('/en/leiden/search?q=signed');
      assert.match(news.body, /\/en\/leiden\/news\/convenant-ondertekend"/);
      const escaped = await get(`/nl/leiden/search?q=${encodeURIComponent('<script>x</script>')}`);
      assert.equal(escaped.statusCode, 200);
      assert.doesNotMatch(escaped.body, /<script>x/);
      assert.match((await get('/nl/leiden/search?q=a')).body, /Typ minstens twee tekens/);
    });

    test('search: a correctly spelled word finds at least what its misspelling finds, compounds included', async () => {
      const links = (body: string) => new Set([...body.matchAll(/href="(\/nl\/leiden\/(?:projects|organisations|news|events|decisions)\/[^"]+)"/g)].map((m) => m[1]));
      for (const [correct, typo] of [['huisvesting', 'huisvestng'], ['onderwijs', 'onderwys']]) {
        const right = links((await get(`/nl/leiden/search?q=${correct}`)).body);
        const wrong = links((await get(`/nl/leiden/search?q=${typo}`)).body);
        assert.ok(wrong.size > 0, `${typo} finds something`);
        for (const link of wrong) assert.ok(right.has(link), `${correct} also finds ${link}`);
      }
      // Dutch writes compounds as one word: "huisvesting" finds the Taskforce Studentenhuisvesting.
      const compound = await get('/nl/leiden/search?q=huisvesting');
      assert.match(compound.body, /\/nl\/leiden\/organisations\/taskforce-studentenhuisvesting"/);
    });

    test('Atom feed, ICS, sitemap with hreflang, robots.txt', async () => {
      const atom = await get('/en/leiden/news/feed.atom');
      assert.equal(atom.statusCode, 200);
      assert.match(String(atom.headers['content-type']), /^application\/atom\+xml/);
      assert.match(atom.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="en">/);
      assert.match(atom.body, /<link rel="self" type="application\/atom\+xml" href="http:\/\/localhost\/en\/leiden\/news\/feed.atom"\/>/);
      assert.match(atom.body, /<title>Leiden Knowledge City agreement signed<\/title>/);
      assert.match(atom.body, /<content type="html">&lt;p class=&quot;utrecht-paragraph&quot;&gt;On 7 July 2017/);
      assert.equal(atom.body.match(/<entry>/g)?.length, atom.body.match(/<\/entry>/g)?.length);
      const ics = await get('/nl/leiden/events.ics');
      assert.match(String(ics.headers['content-type']), /^text\/calendar/);
      assert.match(ics.body, /^BEGIN:VCALENDAR\r\nVERSION:2.0\r\n/);
      assert.match(ics.body, /SUMMARY:Nacht van Kunst en Kennis\r\n/);
      assert.match(ics.body, /DTSTART:20170902T170000Z\r\n/);
      const map = await get('/sitemap.xml');
      assert.equal(map.statusCode, 200);
      assert.match(map.body, /<loc>http:\/\/localhost\/nl\/leiden\/news\/convenant-ondertekend<\/loc>/);
      assert.match(map.body, /<xhtml:link rel="alternate" hreflang="en" href="http:\/\/localhost\/en\/leiden\/projects\/3a"\/>/);
      assert.doesNotMatch(map.body, /\/events\/alleen-nederlands</, 'drafts are not in the sitemap');
      const robots = await get('/robots.txt');
      assert.match(robots.body, /Sitemap: http:\/\/localhost\/sitemap.xml/);
    });

    test('public decisions: found by search and published as Atom; internal ones are not', async () => {
      const db = t.database.db;
      const [programme] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden'));
      const [body] = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.programmeId, programme!.id)).limit(1);
      const [meeting] = await db
        .insert(meetings)
        .values({ programmeId: programme!.id, bodyId: body!.id, startsAt: new Date('2017-10-05T13:00:00Z'), endsAt: new Date('2017-10-05T15:00:00Z') } as typeof meetings.$inferInsert)
        .returning({ id: meetings.id });
      await get('/en/leiden/decisions/feed.atom');
      await db.insert(decisions).values([
        { programmeId: programme!.id, meetingId: meeting!.id, text: { nl: 'De stuurgroep stelt het plan voor de zomerscholen vast.', en: 'The steering group adopts the plan for the summer schools.' }, outcome: 'adopted', public: true, confirmedAt: new Date('2017-10-05T15:00:00Z') },
        { programmeId: programme!.id, meetingId: meeting!.id, text: { nl: 'Vertrouwelijk besluit over huisvesting.', en: 'Confidential decision on housing.' }, outcome: 'adopted', public: false, confirmedAt: new Date('2017-10-05T15:00:00Z') },
      ] as (typeof decisions.$inferInsert)[]);
      assert.ok(await until(async () => (await get('/en/leiden/decisions/feed.atom')).body.includes('<title>The steering group adopts the plan for the summer schools.</title>')), 'the cached feed follows the new decision');
      const feed = await get('/en/leiden/decisions/feed.atom');
      assert.match(String(feed.headers['content-type']), /^application\/atom\+xml/);
      assert.match(feed.body, /<published>2017-10-05T13:00:00.000Z<\/published>/);
      assert.doesNotMatch(feed.body, /Confidential/);
      const found = await get('/nl/leiden/search?q=zomerscholen+vastgesteld');
      assert.match(found.body, /<mark>zomerscholen<\/mark>/);
      assert.match(found.body, /href="\/nl\/leiden\/decisions\/[0-9a-f-]{36}"/, 'a search hit links to the decision\'s own page');
      assert.doesNotMatch((await get('/en/leiden/search?q=confidential')).body, /Confidential decision/);
    });

    test('page cache: bytes from memory, ETag/Last-Modified/304, emptied by a change', async () => {
      const first = await get('/nl/leiden/events');
      const second = await get('/nl/leiden/events');
      assert.equal(second.headers['x-page-cache'], 'hit');
      assert.equal(second.body, first.body);
      const etag = String(second.headers.etag);
      assert.equal((await get('/nl/leiden/events', { 'if-none-match': etag })).statusCode, 304);
      assert.equal((await get('/nl/leiden/events', { 'if-modified-since': String(second.headers['last-modified']) })).statusCode, 304);
      // Signed-in people are never served from the cache.
      assert.notEqual((await get('/nl/leiden/events', { cookie: coordinator.cookie })).headers['x-page-cache'], 'hit');
      // A change through the app empties the cache before the response leaves.
      await post('/nl/leiden/manage/website/events/new', coordinator, { title_nl: 'Nieuw sciencecafé', slug: 'nieuw-cafe', status: 'published', starts_at: '2099-05-01T20:00' });
      const changed = await get('/nl/leiden/events');
      assert.match(changed.body, /Nieuw sciencecafé/);
      assert.notEqual(changed.headers.etag, etag);
      assert.equal((await get('/nl/leiden/events', { 'if-none-match': etag })).statusCode, 200);
    });

    test('theme: the coordinator sets name and colours; the stylesheet and pages change at once', async () => {
      const lead = await loginAs(t, { role: 'lead', project: '3a' });
      const fields = { name_nl: 'Leiden Kennisstad', name_en: 'Leiden City of Knowledge', colour_primary: '#7a0019', 'colour_primary-contrast': '#ffffff', colour_accent: '#e17000', colour_text: '#111111', colour_background: '#ffffff' };
      assert.equal((await post('/nl/leiden/manage/website/theme', lead, fields)).statusCode, 403);
      const low = await post('/en/leiden/manage/website/theme', coordinator, { ...fields, 'colour_primary-contrast': '#8a1029' });
      assert.equal(low.statusCode, 400);
      assert.match(low.body, /Too little contrast/);
      const before = await get('/assets/theme/leiden.css');
      await get('/en/leiden/news');
      const saved = await post('/en/leiden/manage/website/theme', coordinator, fields);
      assert.equal(saved.statusCode, 303);
      const css = await get('/assets/theme/leiden.css');
      assert.match(css.body, /--ks-color-primary: #7a0019;/);
      assert.notEqual(css.headers.etag, before.headers.etag);
      assert.match((await get('/en/leiden/news')).body, /Leiden City of Knowledge/);
      const form = await get('/nl/leiden/manage/website/theme', { cookie: coordinator.cookie });
      assert.match(form.body, /value="#7a0019"/);
    });

    test('theme: the command is the only writer; a refused or failed save leaves the theme and the audit trail as they were', async () => {
      const db = t.database.db;
      const [programme] = await db.select().from(programmes).where(eq(programmes.slug, 'leiden'));
      const stored = async () => (await db.select({ name: programmes.name, contactEmail: programmes.contactEmail, tokens: programmes.themeTokens }).from(programmes).where(eq(programmes.id, programme!.id)))[0]!;
      const audits = async () => (await db.select({ after: auditEvents.after }).from(auditEvents).where(and(eq(auditEvents.programmeId, programme!.id), eq(auditEvents.action, 'programme.theme')))).map((row) => row.after);
      const actor = (role: 'coordinator' | 'lead', userId = coordinator.userId): Actor => ({ userId, displayName: 'Theme tester', programmeId: programme!.id, assignments: [{ role }] });
      const theme = { name_nl: 'Kennisstad T', name_en: 'Knowledge City T', contactEmail: 'programma@example.org', colour_primary: '#003366', 'colour_primary-contrast': '#ffffff', colour_accent: '#e17000', colour_text: '#111111', colour_background: '#ffffff' };
      const before = await stored();
      const auditsBefore = await audits();

      // Unreadable text is refused by the command itself, whoever calls it.
      const unreadable = await saveTheme({ actor: actor('coordinator'), db, programmeId: programme!.id, theme: { ...theme, colour_text: '#eeeeee' } });
      assert.equal(unreadable.ok, false);
      await assert.rejects(saveTheme({ actor: actor('lead'), db, programmeId: programme!.id, theme }), AccessDenied);
      // An audit row that cannot be written takes the theme change with it (one transaction).
      await assert.rejects(saveTheme({ actor: actor('coordinator', 'not-a-user-id'), db, programmeId: programme!.id, theme }));
      assert.deepEqual(await stored(), before);
      assert.deepEqual(await audits(), auditsBefore);

      const saved = await saveTheme({ actor: actor('coordinator'), db, programmeId: programme!.id, theme });
      assert.ok(saved.ok);
      const after = await stored();
      assert.equal(after.tokens['--ks-color-primary'], '#003366');
      assert.deepEqual(after.name, { nl: 'Kennisstad T', en: 'Knowledge City T' });
      assert.equal(after.contactEmail, 'programma@example.org');
      assert.deepEqual((await audits()).slice(auditsBefore.length), [{ name: after.name, contactEmail: after.contactEmail, tokens: after.tokens }], 'one audit row naming what was stored');
    });

    test('a change to a project is visible on its cached page at once (database NOTIFY)', async () => {
      // Cached (a notification of an earlier test's change may still arrive and empty it once).
      assert.ok(await until(async () => (await get('/en/leiden/projects/3a')).headers['x-page-cache'] === 'hit'), 'the page is cached');
      const [project] = await t.database.db.select().from(projects).where(eq(projects.code, '3a'));
      await t.database.db.update(projects).set({ title: { ...project!.title, en: 'Housing for students, renamed' } }).where(eq(projects.id, project!.id));
      assert.ok(await until(async () => (await get('/en/leiden/projects/3a')).body.includes('Housing for students, renamed')));
    });
  });
}

if (databaseModes().includes('postgres')) {
  describe('page cache across two instances on one PostgreSQL', () => {
    test('a change through one instance empties the other instance’s cache', async () => {
      const a = await startTestApp('postgres');
      const { buildApp } = await import('../../app.ts');
      const { openDatabase } = await import('../../db/client.ts');
      const database = await openDatabase({ databaseUrl: a.database.url! });
      const b = await buildApp({ config: a.config, database, logger: false });
      await b.ready();
      try {
        const coordinator = await loginAs(a, { role: 'coordinator' });
        await b.inject({ url: '/en/leiden/news' });
        assert.equal((await b.inject({ url: '/en/leiden/news' })).headers['x-page-cache'], 'hit');
        const created = await a.app.inject({
          method: 'POST',
          url: '/en/leiden/manage/website/news/new',
          headers: { cookie: coordinator.cookie },
          payload: { title_nl: 'Via instantie A', title_en: 'Through instance A', status: 'published', _csrf: coordinator.csrf },
        });
        assert.equal(created.statusCode, 303);
        assert.ok(await until(async () => (await b.inject({ url: '/en/leiden/news' })).body.includes('Through instance A')), 'instance B shows the new item');
        await b.inject({ url: '/assets/theme/leiden.css' });
        const theme = await a.app.inject({
          method: 'POST',
          url: '/en/leiden/manage/website/theme',
          headers: { cookie: coordinator.cookie },
          payload: { name_nl: 'Kennisstad B', name_en: 'Knowledge City B', colour_primary: '#004400', 'colour_primary-contrast': '#ffffff', colour_accent: '#e17000', colour_text: '#111111', colour_background: '#ffffff', _csrf: coordinator.csrf },
        });
        assert.equal(theme.statusCode, 303);
        assert.ok(await until(async () => (await b.inject({ url: '/assets/theme/leiden.css' })).body.includes('#004400')), 'instance B serves the new theme');
        assert.ok(await until(async () => (await b.inject({ url: '/en/leiden/events' })).body.includes('Knowledge City B')), 'instance B shows the new name');
      } finally {
        await b.close();
        await database.close();
        await a.close();
      }
    });
  });
}
