// The programme website's public pages: news, events, pages, contact and search.
import type { ComponentChildren } from 'preact';
import { resolveText, type Locale, type LocalizedText } from '../../domain/localized.ts';
import { ExampleBadge, ExampleNote, Heading, Link, SubmitButton, Text, TextField, DataItem, DataList } from '../../web/components.tsx';
import { fieldProps } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { localePath, type PageContext } from '../../web/context.ts';
import { formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import { StaleTranslationNote } from '../../web/translation-note.tsx';
import { markdownToText, renderMarkdown } from './markdown.ts';
import type { EventRow, NewsRow } from './queries.ts';
import { SearchQuery } from './schema.ts';
import { groupByKind, MARK_END, MARK_START, type SearchHit } from './search.ts';

export const plain = (value: LocalizedText | null | undefined, locale: Locale) => resolveText(value, locale).text;

/** The item's own crumb: its title, marked with its language when it is a fallback. */
function titleCrumb(value: LocalizedText, locale: Locale) {
  const resolved = resolveText(value, locale);
  return { label: resolved.text, lang: resolved.fallback ? resolved.lang : undefined };
}

export function programmeCrumb(ctx: PageContext) {
  return { label: plain(ctx.programme!.name, ctx.locale), href: localePath(ctx.locale, `/${ctx.programme!.slug}`) };
}

/** Sanitised Markdown in the reader's language; a fallback carries its own `lang`. */
export function Markdown({ value, locale }: { value: LocalizedText; locale: Locale }) {
  const resolved = resolveText(value, locale);
  if (!resolved.text) return null;
  return <div class={resolved.fallback ? 'ks-prose ks-fallback' : 'ks-prose'} lang={resolved.fallback ? resolved.lang : undefined} dangerouslySetInnerHTML={{ __html: renderMarkdown(resolved.text) }} />;
}

/** The summary as the description search engines and link previews show (else the text's start). */
function description(item: NewsRow, locale: Locale): string | undefined {
  const summary = plain(item.summary, locale) || markdownToText(plain(item.body, locale));
  if (!summary) return undefined;
  const chars = [...summary];
  return chars.length > 200 ? `${chars.slice(0, 199).join('')}…` : summary;
}

function Figure({ item, locale }: { item: NewsRow; locale: Locale }) {
  if (!item.imageUrl) return null;
  const alt = resolveText(item.imageAlt, locale);
  return <img class="ks-figure" src={item.imageUrl} alt={alt.text} lang={alt.fallback ? alt.lang : undefined} />;
}

function NewsList({ ctx, items, level }: { ctx: PageContext; items: NewsRow[]; level: 2 | 3 }) {
  const { t, locale } = ctx;
  if (items.length === 0) return <p class="utrecht-paragraph">{t('website.news.none')}</p>;
  return (
    <ul class="ks-cards">
      {items.map((item) => (
        <li class="ks-card">
          <Heading level={level}>
            <Link ctx={ctx} to={`/${ctx.programme!.slug}/news/${item.slug}`}>
              <Text value={item.title} locale={locale} />
            </Link>
            {item.example && <> <ExampleBadge ctx={ctx} /></>}
          </Heading>
          {item.publishAt && <p class="utrecht-paragraph ks-muted">{t('website.news.published', { date: formatDateTime(locale, item.publishAt) })}</p>}
          <Text as="p" value={item.summary} locale={locale} />
        </li>
      ))}
    </ul>
  );
}

function EventList({ ctx, items, level }: { ctx: PageContext; items: EventRow[]; level: 2 | 3 }) {
  const { t, locale } = ctx;
  if (items.length === 0) return <p class="utrecht-paragraph">{t('website.events.none')}</p>;
  return (
    <ul class="ks-cards">
      {items.map((item) => (
        <li class="ks-card">
          <Heading level={level}>
            <Link ctx={ctx} to={`/${ctx.programme!.slug}/events/${item.slug}`}>
              <Text value={item.title} locale={locale} />
            </Link>
            {item.example && <> <ExampleBadge ctx={ctx} /></>}
          </Heading>
          <p class="utrecht-paragraph">
            <time dateTime={item.startsAt.toISOString()}>{formatDateTime(locale, item.startsAt)}</time>
            {plain(item.location, locale) && (
              <>
                {' · '}
                <Text value={item.location} locale={locale} />
              </>
            )}
          </p>
          <Text as="p" value={item.summary} locale={locale} />
        </li>
      ))}
    </ul>
  );
}

/** For the programme home page: latest news and upcoming events (see `homePanels` in routes). */
export function NewsAndEventsPanel({ ctx, news, events }: { ctx: PageContext; news: NewsRow[]; events: EventRow[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="ks-latest-news">
      <Heading level={2} id="ks-latest-news">
        {t('website.news.latest')}
      </Heading>
      <NewsList ctx={ctx} items={news} level={3} />
      <Heading level={2}>{t('website.events.upcoming')}</Heading>
      <EventList ctx={ctx} items={events} level={3} />
    </section>
  );
}

export function NewsListPage({ ctx, items }: { ctx: PageContext; items: NewsRow[] }) {
  const { t, locale } = ctx;
  const title = t('website.news.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[programmeCrumb(ctx), { label: title }]}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={localePath(locale, `/${ctx.programme!.slug}/news/feed.atom`)} type="application/atom+xml">
          {t('website.news.feed')}
        </a>
      </p>
      <NewsList ctx={ctx} items={items} level={2} />
    </Layout>
  );
}

/** How a tracked text of a news item, event or page is named in a "translation out of date" note. */
export const contentFieldLabel = (ctx: PageContext) => (field: string) => ctx.t(`website.form.${field === 'imageAlt' ? 'image_alt' : field}`).toLowerCase();

export function NewsPage({ ctx, item }: { ctx: PageContext; item: NewsRow }) {
  const { t, locale } = ctx;
  const title = plain(item.title, locale);
  const listTitle = t('website.news.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[programmeCrumb(ctx), { label: listTitle, href: localePath(locale, `/${ctx.programme!.slug}/news`) }, titleCrumb(item.title, locale)]}
      ogType="article"
      description={description(item, locale)}
    >
      <article>
        <h1 class="utrecht-heading-1">
          <Text value={item.title} locale={locale} />
        </h1>
        {item.example && <ExampleNote ctx={ctx} />}
        <StaleTranslationNote ctx={ctx} stale={item.staleTranslations} label={contentFieldLabel(ctx)} />
        {item.publishAt && <p class="utrecht-paragraph ks-muted">{t('website.news.published', { date: formatDateTime(locale, item.publishAt) })}</p>}
        <Text as="p" value={item.summary} locale={locale} />
        <Figure item={item} locale={locale} />
        <Markdown value={item.body} locale={locale} />
      </article>
    </Layout>
  );
}

export function EventsPage({ ctx, upcoming, past }: { ctx: PageContext; upcoming: EventRow[]; past: EventRow[] }) {
  const { t, locale } = ctx;
  const title = t('website.events.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[programmeCrumb(ctx), { label: title }]}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={localePath(locale, `/${ctx.programme!.slug}/events.ics`)}>
          {t('website.events.ics')}
        </a>
      </p>
      <Heading level={2}>{t('website.events.upcoming')}</Heading>
      <EventList ctx={ctx} items={upcoming} level={3} />
      {past.length > 0 && (
        <>
          <Heading level={2}>{t('website.events.past')}</Heading>
          <EventList ctx={ctx} items={past} level={3} />
        </>
      )}
    </Layout>
  );
}

export function EventPage({ ctx, item }: { ctx: PageContext; item: EventRow }) {
  const { t, locale } = ctx;
  const title = plain(item.title, locale);
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[programmeCrumb(ctx), { label: t('website.events.title'), href: localePath(locale, `/${ctx.programme!.slug}/events`) }, titleCrumb(item.title, locale)]}
      ogType="article"
      description={description(item, locale)}
    >
      <article>
        <h1 class="utrecht-heading-1">
          <Text value={item.title} locale={locale} />
        </h1>
        {item.example && <ExampleNote ctx={ctx} />}
        <StaleTranslationNote ctx={ctx} stale={item.staleTranslations} label={contentFieldLabel(ctx)} />
        <DataList>
          <DataItem label={t('website.events.when')}>
            <time dateTime={item.startsAt.toISOString()}>{formatDateTime(locale, item.startsAt)}</time>
            {item.endsAt && (
              <>
                {' – '}
                <time dateTime={item.endsAt.toISOString()}>{formatDateTime(locale, item.endsAt)}</time>
              </>
            )}
          </DataItem>
          {plain(item.location, locale) && (
            <>
              <DataItem label={t('website.events.where')}>
                <Text value={item.location} locale={locale} />
              </DataItem>
            </>
          )}
        </DataList>
        <Text as="p" value={item.summary} locale={locale} />
        <Figure item={item} locale={locale} />
        <Markdown value={item.body} locale={locale} />
      </article>
    </Layout>
  );
}

export function ContentPage({ ctx, item }: { ctx: PageContext; item: NewsRow }) {
  const { locale } = ctx;
  const title = plain(item.title, locale);
  return (
    <Layout ctx={ctx} title={title} crumbs={[programmeCrumb(ctx), titleCrumb(item.title, locale)]} description={description(item, locale)}>
      <h1 class="utrecht-heading-1">
        <Text value={item.title} locale={locale} />
      </h1>
      {item.example && <ExampleNote ctx={ctx} />}
      <StaleTranslationNote ctx={ctx} stale={item.staleTranslations} label={contentFieldLabel(ctx)} />
      <Text as="p" value={item.summary} locale={locale} />
      <Figure item={item} locale={locale} />
      <Markdown value={item.body} locale={locale} />
    </Layout>
  );
}

export function ContactPage({ ctx, email }: { ctx: PageContext; email: string | null }) {
  const { t, locale } = ctx;
  const title = t('website.contact.title');
  const base = `/${ctx.programme!.slug}`;
  return (
    <Layout ctx={ctx} title={title} crumbs={[programmeCrumb(ctx), { label: title }]}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('website.contact.intro', { programme: plain(ctx.programme!.name, locale), city: ctx.programme!.city })}</p>
      {email ? (
        <DataList>
          <DataItem label={t('website.contact.email')}>
            <a class="utrecht-link" href={`mailto:${email}`}>
              {email}
            </a>
          </DataItem>
        </DataList>
      ) : (
        <p class="utrecht-paragraph">{t('website.contact.noEmail')}</p>
      )}
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <Link ctx={ctx} to={`${base}/organisations`}>
            {t('website.contact.partners')}
          </Link>
        </li>
        <li class="utrecht-unordered-list__item">
          <Link ctx={ctx} to={`${base}/accessibility`}>
            {t('website.contact.accessibility')}
          </Link>
        </li>
      </ul>
    </Layout>
  );
}

const HIT_PATHS: Record<SearchHit['kind'], (key: string) => string> = {
  project: (key) => `projects/${key}`,
  target: (key) => `targets/${key}`,
  decision: (key) => `decisions/${key}`,
  // An article of the agreement is a section of the agreement's page (its anchor there).
  agreement: (key) => `agreement#section-${key}`,
  news: (key) => `news/${key}`,
  event: (key) => `events/${key}`,
  organisation: (key) => `organisations/${key}`,
};
/** Every hit links to its own page; a decision's key is its id. */
const hitPath = (ctx: PageContext, hit: SearchHit) => `/${ctx.programme!.slug}/${HIT_PATHS[hit.kind](hit.key)}`;

/** The snippet's matches become <mark>; everything else is escaped text. `lang` marks a fallback. */
function Snippet({ text, lang }: { text: string; lang?: Locale }) {
  const parts: ComponentChildren[] = [];
  const pattern = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, 'g');
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(text.slice(last, match.index));
    parts.push(<mark>{match[1]}</mark>);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return <p class={lang ? 'utrecht-paragraph ks-fallback' : 'utrecht-paragraph'} lang={lang}>{parts.map((part) => (typeof part === 'string' ? part.replace(/\s+/g, ' ').replace(new RegExp(`[${MARK_START}${MARK_END}]`, 'g'), '') : part))}</p>;
}

export function SearchPage({ ctx, query, hits, form }: { ctx: PageContext; query: string; hits: SearchHit[] | null; form?: FormState }) {
  const { t, locale } = ctx;
  const title = t('website.search.title');
  const groups = hits ? groupByKind(hits) : [];
  return (
    <Layout ctx={ctx} title={query ? `${title}: ${query}` : title} crumbs={[programmeCrumb(ctx), { label: title }]} indexable={!query}>
      <Heading level={1}>{title}</Heading>
      <form method="get" action={localePath(locale, `/${ctx.programme!.slug}/search`)} role="search">
        <TextField {...fieldProps(ctx, SearchQuery, form, 'search', 'q', query)} label={t('website.search.label')} />
        <SubmitButton>{t('website.search.submit')}</SubmitButton>
      </form>
      {hits === null && query && <p class="utrecht-paragraph">{t('website.search.tooShort')}</p>}
      {hits && (
        <>
          <p class="utrecht-paragraph" role="status">
            {t('website.search.results', { count: hits.length, query })}
          </p>
          {hits.length > 0 && (
            <nav aria-labelledby="search-groups">
              <p class="utrecht-paragraph" id="search-groups">
                {t('website.search.groups')}
              </p>
              <ul class="utrecht-unordered-list">
                {groups.map((group) => (
                  <li class="utrecht-unordered-list__item">
                    <a class="utrecht-link" href={`#results-${group.kind}`}>
                      {t(`website.search.group.${group.kind}`, { count: group.hits.length })}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {groups.map((group) => (
            <section aria-labelledby={`results-${group.kind}`}>
              <Heading level={2} id={`results-${group.kind}`}>
                {t(`website.search.group.${group.kind}`, { count: group.hits.length })}
              </Heading>
              <ol class="ks-search-results">
                {group.hits.map((hit) => (
                  <li>
                    <Heading level={3}>
                      <Link ctx={ctx} to={hitPath(ctx, hit)}>
                        {hit.titleLang === locale ? (
                          hit.title
                        ) : (
                          <span class="ks-fallback" lang={hit.titleLang}>
                            {hit.title}
                          </span>
                        )}
                      </Link>
                    </Heading>
                    <Snippet text={hit.snippet} lang={hit.snippetLang === locale ? undefined : hit.snippetLang} />
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </>
      )}
    </Layout>
  );
}
