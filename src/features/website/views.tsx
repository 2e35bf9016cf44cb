import type { ComponentChildren } from 'preact';
import { LOCALES, resolveText, type Locale, type LocalizedText } from '../../domain/localized.ts';
import { Alert, CsrfField, Heading, Link, SelectField, SubmitButton, Text, TextArea, TextField } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import { renderMarkdown } from './markdown.ts';
import type { EventRow, NewsRow } from './queries.ts';
import { formatLocalDateTime, translationState, type ContentKind, type Problem } from './rules.ts';
import { MARK_END, MARK_START, type SearchHit } from './search.ts';

const plain = (value: LocalizedText | null | undefined, locale: Locale) => resolveText(value, locale).text;

/** The item's own crumb: its title, marked with its language when it is a fallback. */
function titleCrumb(value: LocalizedText, locale: Locale) {
  const resolved = resolveText(value, locale);
  return { label: resolved.text, lang: resolved.fallback ? resolved.lang : undefined };
}

function programmeCrumb(ctx: PageContext) {
  return { label: plain(ctx.programme!.name, ctx.locale), href: localePath(ctx.locale, `/${ctx.programme!.slug}`) };
}

/** Sanitised Markdown in the reader's language; a fallback carries its own `lang`. */
export function Markdown({ value, locale }: { value: LocalizedText; locale: Locale }) {
  const resolved = resolveText(value, locale);
  if (!resolved.text) return null;
  return <div class={resolved.fallback ? 'ks-prose ks-fallback' : 'ks-prose'} lang={resolved.fallback ? resolved.lang : undefined} dangerouslySetInnerHTML={{ __html: renderMarkdown(resolved.text) }} />;
}

/** The summary as the description search engines and link previews show. */
function description(item: NewsRow, locale: Locale) {
  const summary = plain(item.summary, locale);
  if (!summary) return null;
  return (
    <>
      <meta name="description" content={summary} />
      <meta property="og:description" content={summary} />
    </>
  );
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

function feedLink(ctx: PageContext) {
  return <link rel="alternate" type="application/atom+xml" title={ctx.t('website.news.feed')} href={localePath(ctx.locale, `/${ctx.programme!.slug}/news/feed.atom`)} />;
}

export function NewsListPage({ ctx, items }: { ctx: PageContext; items: NewsRow[] }) {
  const { t, locale } = ctx;
  const title = t('website.news.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[programmeCrumb(ctx), { label: title }]} head={feedLink(ctx)}>
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
      head={
        <>
          {feedLink(ctx)}
          {description(item, locale)}
        </>
      }
    >
      <article>
        <h1 class="utrecht-heading-1">
          <Text value={item.title} locale={locale} />
        </h1>
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
      head={description(item, locale)}
    >
      <article>
        <h1 class="utrecht-heading-1">
          <Text value={item.title} locale={locale} />
        </h1>
        <dl class="ks-facts">
          <dt>{t('website.events.when')}</dt>
          <dd>
            <time dateTime={item.startsAt.toISOString()}>{formatDateTime(locale, item.startsAt)}</time>
            {item.endsAt && (
              <>
                {' – '}
                <time dateTime={item.endsAt.toISOString()}>{formatDateTime(locale, item.endsAt)}</time>
              </>
            )}
          </dd>
          {plain(item.location, locale) && (
            <>
              <dt>{t('website.events.where')}</dt>
              <dd>
                <Text value={item.location} locale={locale} />
              </dd>
            </>
          )}
        </dl>
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
    <Layout ctx={ctx} title={title} crumbs={[programmeCrumb(ctx), titleCrumb(item.title, locale)]} head={description(item, locale)}>
      <h1 class="utrecht-heading-1">
        <Text value={item.title} locale={locale} />
      </h1>
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
        <dl class="ks-facts">
          <dt>{t('website.contact.email')}</dt>
          <dd>
            <a class="utrecht-link" href={`mailto:${email}`}>
              {email}
            </a>
          </dd>
        </dl>
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

const HIT_PATHS: Record<SearchHit['kind'], string> = { project: 'projects', organisation: 'organisations', news: 'news', event: 'events', decision: 'decisions' };
/** Decisions have no page of their own: the hit links to the list of public decisions. */
const hitPath = (ctx: PageContext, hit: SearchHit) => `/${ctx.programme!.slug}/${HIT_PATHS[hit.kind]}${hit.kind === 'decision' ? '' : `/${hit.key}`}`;

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

export function SearchPage({ ctx, query, hits }: { ctx: PageContext; query: string; hits: SearchHit[] | null }) {
  const { t, locale } = ctx;
  const title = t('website.search.title');
  return (
    <Layout ctx={ctx} title={query ? `${title}: ${query}` : title} crumbs={[programmeCrumb(ctx), { label: title }]} indexable={!query}>
      <Heading level={1}>{title}</Heading>
      <form method="get" action={localePath(locale, `/${ctx.programme!.slug}/search`)} role="search">
        <TextField id="q" name="q" label={t('website.search.label')} value={query} />
        <SubmitButton>{t('website.search.submit')}</SubmitButton>
      </form>
      {hits === null && query && <p class="utrecht-paragraph">{t('website.search.tooShort')}</p>}
      {hits && (
        <>
          <p class="utrecht-paragraph" role="status">
            {t('website.search.results', { count: hits.length, query })}
          </p>
          <ol class="ks-search-results">
            {hits.map((hit) => (
              <li>
                <Heading level={2}>
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
                <p class="utrecht-paragraph ks-muted">{t(`website.kind.${hit.kind}`)}</p>
                <Snippet text={hit.snippet} lang={hit.snippetLang === locale ? undefined : hit.snippetLang} />
              </li>
            ))}
          </ol>
        </>
      )}
    </Layout>
  );
}

// ---- The coordinator's side ----

const KINDS: ContentKind[] = ['news', 'events', 'pages'];
const PUBLIC_PATH: Record<ContentKind, string> = { news: 'news', events: 'events', pages: 'pages' };

function manageCrumbs(ctx: PageContext, last?: string) {
  const title = ctx.t('website.manage.title');
  return [programmeCrumb(ctx), { label: title, href: localePath(ctx.locale, `/${ctx.programme!.slug}/manage/website`) }, ...(last ? [{ label: last }] : [])];
}

function StateLabel({ ctx, state }: { ctx: PageContext; state: ReturnType<typeof translationState> }) {
  return <span class={`ks-translation ks-translation--${state}`}>{ctx.t(`website.translation.${state}`)}</span>;
}

export function ManagePage({ ctx, lists }: { ctx: PageContext; lists: Record<ContentKind, NewsRow[]> }) {
  const { t, locale } = ctx;
  const base = `/${ctx.programme!.slug}/manage/website`;
  return (
    <Layout ctx={ctx} title={t('website.manage.title')} crumbs={manageCrumbs(ctx)} indexable={false}>
      <Heading level={1}>{t('website.manage.title')}</Heading>
      <p class="utrecht-paragraph">
        <Link ctx={ctx} to={`${base}/translations`}>
          {t('website.manage.translations')}
        </Link>
      </p>
      <p class="utrecht-paragraph">
        <Link ctx={ctx} to={`${base}/theme`}>
          {t('website.manage.theme')}
        </Link>
      </p>
      {KINDS.map((kind) => (
        <section aria-labelledby={`manage-${kind}`}>
          <Heading level={2} id={`manage-${kind}`}>
            {t(`website.manage.${kind}`)}
          </Heading>
          <p class="utrecht-paragraph">
            <Link ctx={ctx} to={`${base}/${kind}/new`}>
              {t(`website.manage.new${kind[0]!.toUpperCase()}${kind.slice(1)}`)}
            </Link>
          </p>
          {lists[kind].length === 0 ? (
            <p class="utrecht-paragraph">{t('website.manage.empty')}</p>
          ) : (
            <div class="ks-table-wrap">
              <table class="utrecht-table ks-table">
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th scope="col" class="utrecht-table__header-cell">{t('website.col.title')}</th>
                    <th scope="col" class="utrecht-table__header-cell">{t('website.col.status')}</th>
                    <th scope="col" class="utrecht-table__header-cell">{t('website.col.publishAt')}</th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {lists[kind].map((item) => (
                    <tr class="utrecht-table__row">
                      <td class="utrecht-table__cell">
                        <Link ctx={ctx} to={`${base}/${kind}/${item.id}`}>
                          <Text value={item.title} locale={locale} />
                        </Link>
                      </td>
                      <td class="utrecht-table__cell">{t(`website.status.${item.status}`)}</td>
                      <td class="utrecht-table__cell">{item.publishAt ? formatDateTime(locale, item.publishAt) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </Layout>
  );
}

export function TranslationsPage({ ctx, lists }: { ctx: PageContext; lists: Record<ContentKind, NewsRow[]> }) {
  const { t, locale } = ctx;
  const base = `/${ctx.programme!.slug}/manage/website`;
  const rows = KINDS.flatMap((kind) => lists[kind].map((item) => ({ kind, item, nl: translationState(item, 'nl'), en: translationState(item, 'en') })));
  const open = rows.filter((row) => row.nl !== 'current' || row.en !== 'current');
  const title = t('website.translation.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={manageCrumbs(ctx, title)} indexable={false}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('website.translation.intro')}</p>
      {open.length === 0 ? (
        <p class="utrecht-paragraph">{t('website.translation.allCurrent')}</p>
      ) : (
        <div class="ks-table-wrap">
          <table class="utrecht-table ks-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th scope="col" class="utrecht-table__header-cell">{t('website.col.title')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('website.col.kind')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('website.col.nl')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('website.col.en')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {open.map(({ kind, item, nl, en }) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={localePath(locale, `${base}/${kind}/${item.id}`)} aria-label={t('website.translation.fix', { title: plain(item.title, locale) })}>
                      <Text value={item.title} locale={locale} />
                    </a>
                  </td>
                  <td class="utrecht-table__cell">{t(`website.manage.${kind}`)}</td>
                  <td class="utrecht-table__cell">
                    <StateLabel ctx={ctx} state={nl} />
                  </td>
                  <td class="utrecht-table__cell">
                    <StateLabel ctx={ctx} state={en} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export type FormValues = Record<string, string>;

export function formValuesOf(kind: ContentKind, item: NewsRow | EventRow | null): FormValues {
  if (!item) return { status: 'draft' };
  const values: FormValues = { slug: item.slug, status: item.status, publish_at: formatLocalDateTime(item.publishAt), image_url: item.imageUrl ?? '' };
  for (const locale of LOCALES) {
    values[`title_${locale}`] = item.title[locale] ?? '';
    values[`summary_${locale}`] = item.summary[locale] ?? '';
    values[`body_${locale}`] = item.body[locale] ?? '';
    values[`image_alt_${locale}`] = item.imageAlt[locale] ?? '';
  }
  if (kind === 'events') {
    const event = item as EventRow;
    values.starts_at = formatLocalDateTime(event.startsAt);
    values.ends_at = formatLocalDateTime(event.endsAt);
    for (const locale of LOCALES) values[`location_${locale}`] = event.location[locale] ?? '';
  }
  return values;
}

export function EditPage(props: { ctx: PageContext; kind: ContentKind; id: string | null; values: FormValues; problems: Problem[]; publicSlug?: string }) {
  const { ctx, kind, id, values, problems } = props;
  const { t, locale } = ctx;
  const base = `/${ctx.programme!.slug}/manage/website/${kind}`;
  const error = (field: string) => {
    const problem = problems.find((p) => p.field === field);
    return problem ? t(problem.messageKey) : undefined;
  };
  const title = id ? `${t('website.manage.edit')}: ${values.title_nl || values.title_en || ''}` : t(`website.manage.new${kind[0]!.toUpperCase()}${kind.slice(1)}`);
  const text = (name: string, type: 'text' | 'url' | 'datetime-local' = 'text', description?: string) => (
    <TextField id={name} label={t(`website.form.${name}`)} value={values[name] ?? ''} error={error(name)} type={type} description={description} />
  );
  const localText = (name: string, lang: Locale) => (
    <TextField id={`${name}_${lang}`} label={t(`website.form.${name}_${lang}`)} value={values[`${name}_${lang}`] ?? ''} error={error(`${name}_${lang}`)} lang={lang} />
  );
  return (
    <Layout ctx={ctx} title={title} crumbs={manageCrumbs(ctx, title)} indexable={false}>
      <Heading level={1}>{title}</Heading>
      {problems.length > 0 && <Alert kind="error">{t('website.form.errors')}</Alert>}
      {id && values.status !== 'draft' && props.publicSlug && (
        <p class="utrecht-paragraph">
          <Link ctx={ctx} to={`/${ctx.programme!.slug}/${PUBLIC_PATH[kind]}/${props.publicSlug}`}>
            {t('website.manage.view')}
          </Link>
        </p>
      )}
      <form method="post" action={localePath(locale, id ? `${base}/${id}` : `${base}/new`)} class="ks-form" novalidate>
        <CsrfField ctx={ctx} />
        {LOCALES.map((lang) => (
          <fieldset class="utrecht-form-fieldset">
            <legend class="utrecht-form-fieldset__legend">{t(`website.col.${lang}`)}</legend>
            {localText('title', lang)}
            <TextArea id={`summary_${lang}`} label={t(`website.form.summary_${lang}`)} value={values[`summary_${lang}`] ?? ''} rows={2} lang={lang} />
            <TextArea id={`body_${lang}`} label={t(`website.form.body_${lang}`)} value={values[`body_${lang}`] ?? ''} rows={10} description={t('website.form.bodyHelp')} error={error(`body_${lang}`)} lang={lang} />
            {kind === 'events' && localText('location', lang)}
            {localText('image_alt', lang)}
          </fieldset>
        ))}
        {kind === 'events' && text('starts_at', 'datetime-local')}
        {kind === 'events' && text('ends_at', 'datetime-local')}
        {text('slug', 'text', t('website.form.slugHelp'))}
        {text('image_url')}
        <SelectField
          id="status"
          label={t('website.form.status')}
          value={values.status}
          error={error('status')}
          options={(['draft', 'scheduled', 'published'] as const).map((status) => ({ value: status, label: t(`website.status.${status}`) }))}
        />
        {text('publish_at', 'datetime-local', t('website.form.publishAtHelp'))}
        <SubmitButton>{t('website.form.save')}</SubmitButton>
      </form>
      {id && (
        <form method="post" action={localePath(locale, `${base}/${id}/delete`)} class="ks-form">
          <CsrfField ctx={ctx} />
          <SubmitButton secondary>{t('website.form.delete')}</SubmitButton>
        </form>
      )}
    </Layout>
  );
}
