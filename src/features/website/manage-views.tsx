// The coordinator's side of the website: the overview of news, events and pages, the translation
// list, and the edit form of one text.
import { LOCALES, type Locale, type LocalizedText } from '../../domain/localized.ts';
import type { StaleTranslations } from '../../domain/translation.ts';
import { StaleTranslationList, StaleTranslationNote } from '../../web/translation-note.tsx';
import { Heading, Link, SelectField, SubmitButton, TableScroll, Text, TextArea, TextField } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { Checkbox, ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import { ConflictPanel, type ConflictInfo } from '../portfolio/edit-views.tsx';
import type { FormState } from '../../web/forms.ts';
import { formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { EventRow, NewsRow } from './queries.ts';
import { formatLocalDateTime, translationState, type ContentKind } from './rules.ts';
import { ContentForm, EventForm } from './schema.ts';
import { PUBLICATION_STATES } from './tables.ts';
import { contentFieldLabel, plain, programmeCrumb } from './views.tsx';

const KINDS: ContentKind[] = ['news', 'events', 'pages'];
const PUBLIC_PATH: Record<ContentKind, string> = { news: 'news', events: 'events', pages: 'pages' };

export function manageCrumbs(ctx: PageContext, last?: string) {
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
      <p class="utrecht-paragraph">
        <Link ctx={ctx} to={`${base}/privacy`}>
          {t('website.manage.privacy')}
        </Link>
      </p>
      <p class="utrecht-paragraph">
        <Link ctx={ctx} to={`/${ctx.programme!.slug}/manage/open-data`}>
          {t('openData.manage')}
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
            <TableScroll label={t(`website.manage.${kind}`)}>
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
            </TableScroll>
          )}
        </section>
      ))}
    </Layout>
  );
}

export function TranslationsPage({ ctx, lists, staleProjects, staleAgreement }: { ctx: PageContext; lists: Record<ContentKind, NewsRow[]>; staleProjects: { code: string; title: LocalizedText; stale: StaleTranslations }[]; staleAgreement: StaleTranslations | null }) {
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
        <TableScroll label={title}>
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
        </TableScroll>
      )}
      <Heading level={2}>{t('website.translation.projects')}</Heading>
      {staleProjects.length === 0 ? (
        <p class="utrecht-paragraph">{t('website.translation.projectsCurrent')}</p>
      ) : (
        <StaleTranslationList ctx={ctx} id="stale-projects" records={staleProjects.map((project) => ({ href: `/${ctx.programme!.slug}/projects/${project.code}/edit`, label: `${project.code}. ${plain(project.title, locale)}`, stale: project.stale }))} />
      )}
      <Heading level={2}>{t('website.translation.agreement')}</Heading>
      {!staleAgreement || Object.keys(staleAgreement).length === 0 ? (
        <p class="utrecht-paragraph">{t('website.translation.agreementCurrent')}</p>
      ) : (
        <StaleTranslationList ctx={ctx} id="stale-agreement" records={[{ href: `/${ctx.programme!.slug}/agreement`, label: t('website.translation.agreementText'), stale: staleAgreement }]} />
      )}
    </Layout>
  );
}

/** The stored item as the edit form shows it (field names as the form posts them). */
export function storedValues(kind: ContentKind, item: NewsRow | EventRow | null): Record<string, string> {
  if (!item) return { status: 'draft' };
  const values: Record<string, string> = { slug: item.slug, status: item.status, publish_at: formatLocalDateTime(item.publishAt), image_url: item.imageUrl ?? '', version: String(item.version) };
  for (const locale of LOCALES) {
    values[`title_${locale}`] = item.title[locale] ?? '';
    values[`summary_${locale}`] = item.summary[locale] ?? '';
    values[`body_${locale}`] = item.body[locale] ?? '';
    values[`image_alt_${locale}`] = item.imageAlt[locale] ?? '';
  }
  if (kind === 'news' && (item as NewsRow).sharedWithNetwork) values.shared_with_network = 'on';
  if (kind === 'events') {
    const event = item as EventRow;
    values.starts_at = formatLocalDateTime(event.startsAt);
    values.ends_at = formatLocalDateTime(event.endsAt);
    for (const locale of LOCALES) values[`location_${locale}`] = event.location[locale] ?? '';
  }
  return values;
}

export function EditPage(props: { ctx: PageContext; kind: ContentKind; id: string | null; stored: Record<string, string>; form?: FormState; publicSlug?: string; conflict?: ConflictInfo; stale?: StaleTranslations }) {
  const { ctx, kind, id, stored, form } = props;
  const { t, locale } = ctx;
  const base = `/${ctx.programme!.slug}/manage/website/${kind}`;
  const schema = kind === 'events' ? EventForm : ContentForm;
  const stale = props.stale ?? {};
  // A text behind the other language says so under its field (the same words as a project's form).
  const staleNote = (name: string, lang: Locale) => (stale[name === 'image_alt' ? 'imageAlt' : name] === lang ? { description: t('form.translationStale') } : {});
  const field = (name: string) => fieldProps(ctx, schema, form, 'content', name, stored[name] ?? '');
  const typedTitle = field('title_nl').value || field('title_en').value;
  const title = id ? `${t('website.manage.edit')}: ${typedTitle}` : t(`website.manage.new${kind[0]!.toUpperCase()}${kind.slice(1)}`);
  const text = (name: string, type: 'text' | 'datetime-local' = 'text', description?: string) => <TextField {...field(name)} label={t(`website.form.${name}`)} type={type} description={description} />;
  const localText = (name: string, lang: Locale) => <TextField {...field(`${name}_${lang}`)} {...staleNote(name, lang)} label={t(`website.form.${name}_${lang}`)} lang={lang} />;
  return (
    <Layout ctx={ctx} title={title} crumbs={manageCrumbs(ctx, title)} indexable={false}>
      <Heading level={1}>{title}</Heading>
      <StaleTranslationNote ctx={ctx} stale={stale} label={contentFieldLabel(ctx)} />
      <ConflictPanel ctx={ctx} conflict={props.conflict} />
      <ErrorSummary ctx={ctx} state={form} form="content" />
      {id && stored.status !== 'draft' && props.publicSlug && (
        <p class="utrecht-paragraph">
          <Link ctx={ctx} to={`/${ctx.programme!.slug}/${PUBLIC_PATH[kind]}/${props.publicSlug}`}>
            {t('website.manage.view')}
          </Link>
        </p>
      )}
      <PostForm ctx={ctx} action={localePath(locale, id ? `${base}/${id}` : `${base}/new`)} label={title} id="content">
        {id && <input type="hidden" name="version" value={field('version').value} />}
        {LOCALES.map((lang) => (
          <fieldset class="utrecht-form-fieldset">
            <legend class="utrecht-form-fieldset__legend">{t(`website.col.${lang}`)}</legend>
            {localText('title', lang)}
            <TextArea {...field(`summary_${lang}`)} {...staleNote('summary', lang)} label={t(`website.form.summary_${lang}`)} rows={2} lang={lang} />
            <TextArea {...field(`body_${lang}`)} label={t(`website.form.body_${lang}`)} rows={10} description={stale.body === lang ? `${t('form.translationStale')} ${t('website.form.bodyHelp')}` : t('website.form.bodyHelp')} lang={lang} />
            {kind === 'events' && localText('location', lang)}
            {localText('image_alt', lang)}
          </fieldset>
        ))}
        {kind === 'events' && text('starts_at', 'datetime-local')}
        {kind === 'events' && text('ends_at', 'datetime-local')}
        {text('slug', 'text', t('website.form.slugHelp'))}
        {text('image_url')}
        <SelectField {...field('status')} label={t('website.form.status')} options={PUBLICATION_STATES.map((status) => ({ value: status, label: t(`website.status.${status}`) }))} />
        {text('publish_at', 'datetime-local', t('website.form.publishAtHelp'))}
        {kind === 'news' && (
          <Checkbox
            id="content-shared_with_network"
            name="shared_with_network"
            label={t('website.form.shared_with_network')}
            description={t('website.form.sharedWithNetworkHelp')}
            checked={form ? !!form.values.shared_with_network : stored.shared_with_network === 'on'}
          />
        )}
        <SubmitButton>{t('website.form.save')}</SubmitButton>
      </PostForm>
      {id && (
        <PostForm ctx={ctx} action={localePath(locale, `${base}/${id}/delete`)} label={t('website.form.delete')} id="delete">
          <SubmitButton secondary>{t('website.form.delete')}</SubmitButton>
        </PostForm>
      )}
    </Layout>
  );
}
