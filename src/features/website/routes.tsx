import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { DatabaseHandle, Db } from '../../db/client.ts';
import { LOCALES, resolveText, type Locale, type Resolved } from '../../domain/localized.ts';
import { registerDashboardPanel, registerHomePanel } from '../../web/dashboard.ts';
import { formState, isUuid, readForm } from '../../web/forms.ts';
import { notFound, sendHtml } from '../../web/http.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { pageContext } from '../../web/request-context.ts';
import { translator } from '../../web/i18n.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { Heading, Link } from '../../web/components.tsx';
import * as portfolio from '../portfolio/queries.ts';
import { registerWebsiteCache } from './cache.ts';
import { atomFeed, icsCalendar, robotsTxt, sitemap, type SitemapUrl } from './feeds.ts';
import { markdownToText, renderMarkdown } from './markdown.ts';
import './messages.ts';
import * as q from './queries.ts';
import { entryUpdated } from './rules.ts';
import { DecisionPage, decisionTitle } from './decision-views.tsx';
import { registerPrivacyRoutes } from './privacy-routes.tsx';
import { registerWebsiteManageRoutes } from './routes-manage.tsx';
import { SearchQuery } from './schema.ts';
import { search } from './search.ts';
import { ContactPage, ContentPage, EventPage, EventsPage, NewsAndEventsPanel, NewsListPage, NewsPage, SearchPage } from './views.tsx';

type P = { programme: string };
const text = (value: Parameters<typeof resolveText>[0], locale: Locale) => resolveText(value, locale).text;
const fallbackLang = (resolved: Resolved) => (resolved.fallback ? resolved.lang : undefined);

/** The programme's public pages that exist whatever its content (the sitemap lists them). */
const PUBLIC_LISTS = ['', '/projects', '/organisations', '/cross-overs', '/news', '/events', '/decisions', '/bodies', '/agreement', '/annual-agendas', '/targets', '/contact', '/accessibility', '/privacy', '/open-data'];

/** A feed is as recent as its newest entry; an empty feed says so with the epoch. */
const latestOf = (dates: Date[]) => dates.reduce((latest, date) => (date > latest ? date : latest), new Date(0));

/** Latest news and upcoming events for the programme home page (render with NewsAndEventsPanel). */
export async function homeHighlights(db: Db, programmeId: string) {
  const [news, events] = await Promise.all([q.listPublicNews(db, programmeId, 3), q.listPublicEvents(db, programmeId, 'upcoming', 3)]);
  return { news, events };
}

export async function registerWebsiteRoutes(app: FastifyInstance, database: DatabaseHandle, config: Config): Promise<void> {
  const db = database.db;
  await registerWebsiteCache(app, database, {
    nextPublication: async () => {
      const programmes = await q.listProgrammesWithIds(db);
      const times = (await Promise.all(programmes.map((p) => q.nextScheduledPublication(db, p.id)))).filter((d): d is Date => !!d);
      return times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null;
    },
  });

  registerNavItem({ label: 'nav.website.news', path: '/news', order: 40 });
  registerNavItem({ label: 'nav.website.events', path: '/events', order: 41 });
  registerNavItem({ label: 'nav.website.search', path: '/search', order: 90 });
  registerNavItem({ label: 'nav.website.manage', path: '/manage/website', order: 95, group: 'management' });

  registerHomePanel({
    key: 'website.news-and-events',
    order: 10,
    render: async ({ db: panelDb, ctx, programmeId }) => {
      const { news, events } = await homeHighlights(panelDb, programmeId);
      if (news.length === 0 && events.length === 0) return null;
      return <NewsAndEventsPanel ctx={ctx} news={news} events={events} />;
    },
  });

  registerDashboardPanel({
    key: 'website.translations',
    order: 60,
    render: async ({ db: panelDb, ctx, programmeId }) => {
      const open = await q.countOpenTranslations(panelDb, programmeId);
      return (
        <section class="ks-card">
          <Heading level={2}>{ctx.t('website.translation.title')}</Heading>
          <p class="utrecht-paragraph">{open === 0 ? ctx.t('website.translation.allCurrent') : `${open} × ${ctx.t('website.translation.outdated')} / ${ctx.t('website.translation.missing')}`}</p>
          <p class="utrecht-paragraph">
            <Link ctx={ctx} to={`/${ctx.programme!.slug}/manage/website/translations`}>
              {ctx.t('website.manage.translations')}
            </Link>
          </p>
        </section>
      );
    },
  });

  const publicPage = { config: { action: 'public' as const, pageCache: true } };

  for (const { url, locale } of localizedPaths('/:programme/news')) {
    app.get<{ Params: P }>(url, publicPage, async (request, reply) => {
      const items = await q.listPublicNews(db, request.programme!.id);
      return sendHtml(reply, renderPage(<NewsListPage ctx={pageContext(request, config)} items={items} />));
    });
    app.get<{ Params: P }>(`${url}/feed.atom`, publicPage, async (request, reply) => {
      const programme = request.programme!;
      const items = await q.listPublicNews(db, programme.id, 30);
      const site = `${config.baseUrl}/${locale}/${programme.slug}`;
      const body = atomFeed({
        id: `${site}/news`,
        title: `${text(programme.name, locale)} – ${locale === 'nl' ? 'Nieuws' : 'News'}`,
        selfUrl: `${site}/news/feed.atom`,
        siteUrl: `${site}/news`,
        author: text(programme.name, locale),
        locale,
        updated: latestOf(items.map((item) => entryUpdated(item))),
        entries: items.map((item) => {
          const title = resolveText(item.title, locale);
          const summary = resolveText(item.summary, locale);
          const body = resolveText(item.body, locale);
          return {
            id: `urn:uuid:${item.id}`,
            title: title.text,
            url: `${site}/news/${item.slug}`,
            updated: entryUpdated(item),
            published: item.publishAt ?? undefined,
            summary: summary.text || markdownToText(body.text).slice(0, 300),
            contentHtml: renderMarkdown(body.text),
            fallbackLang: { title: fallbackLang(title), summary: fallbackLang(summary.text ? summary : body), content: fallbackLang(body) },
          };
        }),
      });
      return reply.type('application/atom+xml; charset=utf-8').send(Buffer.from(body));
    });
  }

  for (const { url, locale } of localizedPaths('/:programme/decisions/feed.atom')) {
    app.get<{ Params: P }>(url, publicPage, async (request, reply) => {
      const programme = request.programme!;
      const rows = await q.listPublicDecisions(db, programme.id);
      const site = `${config.baseUrl}/${locale}/${programme.slug}`;
      const body = atomFeed({
        id: `${site}/decisions`,
        title: `${text(programme.name, locale)} – ${translator(locale)('website.decisions.feed')}`,
        selfUrl: `${site}/decisions/feed.atom`,
        siteUrl: `${site}/decisions`,
        author: text(programme.name, locale),
        locale,
        // A decision's own date is its meeting's, not the moment its row was written (or loaded).
        updated: latestOf(rows.map((row) => row.meetingStartsAt)),
        entries: rows.map((row) => {
          const decision = resolveText(row.text, locale);
          return {
            id: `urn:uuid:${row.id}`,
            title: decisionTitle(decision.text),
            url: `${site}/decisions/${row.id}`,
            updated: row.meetingStartsAt,
            published: row.meetingStartsAt,
            summary: decision.text,
            fallbackLang: { title: fallbackLang(decision), summary: fallbackLang(decision) },
          };
        }),
      });
      return reply.type('application/atom+xml; charset=utf-8').send(Buffer.from(body));
    });
  }

  for (const { url } of localizedPaths('/:programme/decisions/:decisionId')) {
    app.get<{ Params: P & { decisionId: string } }>(url, publicPage, async (request, reply) => {
      if (!isUuid(request.params.decisionId)) throw notFound();
      const decision = await q.getPublicDecision(db, request.programme!.id, request.params.decisionId);
      if (!decision) throw notFound();
      return sendHtml(reply, renderPage(<DecisionPage ctx={pageContext(request, config)} decision={decision} />));
    });
  }

  for (const { url } of localizedPaths('/:programme/news/:slug')) {
    app.get<{ Params: P & { slug: string } }>(url, publicPage, async (request, reply) => {
      const item = await q.getPublic(db, 'news', request.programme!.id, request.params.slug);
      if (!item) throw notFound();
      return sendHtml(reply, renderPage(<NewsPage ctx={pageContext(request, config)} item={item} />));
    });
  }

  for (const { url, locale } of localizedPaths('/:programme/events')) {
    app.get<{ Params: P }>(url, publicPage, async (request, reply) => {
      const [upcoming, past] = await Promise.all([q.listPublicEvents(db, request.programme!.id, 'upcoming'), q.listPublicEvents(db, request.programme!.id, 'past', 20)]);
      return sendHtml(reply, renderPage(<EventsPage ctx={pageContext(request, config)} upcoming={upcoming} past={past} />));
    });
    app.get<{ Params: P & { slug: string } }>(`${url}/:slug`, publicPage, async (request, reply) => {
      const item = (await q.getPublic(db, 'events', request.programme!.id, request.params.slug)) as q.EventRow | null;
      if (!item) throw notFound();
      return sendHtml(reply, renderPage(<EventPage ctx={pageContext(request, config)} item={item} />));
    });
    app.get<{ Params: P }>(`${url}.ics`, publicPage, async (request, reply) => {
      const programme = request.programme!;
      const items = await q.listPublicEvents(db, programme.id, 'all', 500);
      const body = icsCalendar(
        text(programme.name, locale),
        items.map((item) => ({
          // Not the site's host name: the entries must stay the same entries when the site moves.
          uid: `event-${item.id}@kennisstad`,
          title: text(item.title, locale),
          startsAt: item.startsAt,
          endsAt: item.endsAt,
          location: text(item.location, locale) || undefined,
          description: text(item.summary, locale) || undefined,
          url: `${config.baseUrl}/${locale}/${programme.slug}/events/${item.slug}`,
          updated: entryUpdated(item),
        })),
        new Date(),
      );
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `inline; filename="${programme.slug}-${locale}.ics"`).send(Buffer.from(body));
    });
  }

  for (const { url } of localizedPaths('/:programme/pages/:slug')) {
    app.get<{ Params: P & { slug: string } }>(url, publicPage, async (request, reply) => {
      const item = await q.getPublic(db, 'pages', request.programme!.id, request.params.slug);
      if (!item) throw notFound();
      return sendHtml(reply, renderPage(<ContentPage ctx={pageContext(request, config)} item={item} />));
    });
  }

  for (const { url } of localizedPaths('/:programme/contact')) {
    app.get<{ Params: P }>(url, publicPage, async (request, reply) => {
      const email = await q.getContactEmail(db, request.programme!.id);
      return sendHtml(reply, renderPage(<ContactPage ctx={pageContext(request, config)} email={email} />));
    });
  }

  for (const { url, locale } of localizedPaths('/:programme/search')) {
    app.get<{ Params: P; Querystring: { q?: string } }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const read = readForm(SearchQuery, request.query);
      const ctx = pageContext(request, config);
      if (!read.ok) return sendHtml(reply, renderPage(<SearchPage ctx={ctx} query="" hits={null} form={formState('search', read.errors, request.query)} />), 400);
      const query = read.value.q ?? '';
      const hits = query.length >= 2 ? await search(db, request.programme!.id, locale, query) : null;
      return sendHtml(reply, renderPage(<SearchPage ctx={ctx} query={query} hits={hits} />));
    });
  }

  app.get('/robots.txt', { config: { action: 'public', pageCache: true } }, async (_request, reply) => reply.type('text/plain; charset=utf-8').send(robotsTxt(config.baseUrl, (await q.listProgrammesWithIds(db)).map((p) => p.slug))));

  app.get('/sitemap.xml', { config: { action: 'public', pageCache: true } }, async (_request, reply) => {
    const urls: SitemapUrl[] = [];
    for (const programme of await q.listProgrammesWithIds(db)) {
      const base = `/${programme.slug}`;
      const [themes, projects, organisations, news, events, pages, decisions, records] = await Promise.all([
        portfolio.listThemes(db, programme.id),
        portfolio.listProjects(db, programme.id, false),
        portfolio.listOrganisations(db, programme.id, false),
        q.listPublicNews(db, programme.id, 1000),
        q.listPublicEvents(db, programme.id, 'all', 1000),
        q.listPublicPages(db, programme.id),
        q.listPublicDecisions(db, programme.id, 5000),
        q.sitemapRecords(db, programme.id),
      ]);
      urls.push(...PUBLIC_LISTS.map((p) => ({ path: `${base}${p}` })));
      urls.push(...themes.map((t) => ({ path: `${base}/themes/${t.code}` })));
      urls.push(...projects.map((p) => ({ path: `${base}/projects/${p.code}` })));
      urls.push(...organisations.map((o) => ({ path: `${base}/organisations/${o.slug}` })));
      urls.push(...news.map((n) => ({ path: `${base}/news/${n.slug}`, lastModified: entryUpdated(n) })));
      urls.push(...events.map((e) => ({ path: `${base}/events/${e.slug}`, lastModified: entryUpdated(e) })));
      urls.push(...pages.map((p) => ({ path: `${base}/pages/${p.slug}`, lastModified: entryUpdated(p) })));
      urls.push(...decisions.map((d) => ({ path: `${base}/decisions/${d.id}`, lastModified: d.meetingStartsAt })));
      urls.push(...records.bodies.map((b) => ({ path: `${base}/bodies/${b.kind}` })));
      urls.push(...records.targets.map((t) => ({ path: `${base}/targets/${encodeURIComponent(t.key)}` })));
      urls.push(...records.agreementVersions.map((v) => ({ path: `${base}/agreement/versions/${v.number}`, lastModified: v.publishedAt })));
      urls.push(...records.annualAgendas.map((a) => ({ path: `${base}/annual-agendas/${a.id}`, lastModified: a.updatedAt })));
    }
    return reply.type('application/xml; charset=utf-8').send(Buffer.from(sitemap(config.baseUrl, urls, LOCALES)));
  });

  registerWebsiteManageRoutes(app, db, config);
  registerPrivacyRoutes(app, db, config);
}
