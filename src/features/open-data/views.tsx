// The open-data page (what can be downloaded, under which licence, described how) and the
// coordinator's licence form.
import { resolveText } from '../../domain/localized.ts';
import { OPEN_DATA_FORMAT_VERSION } from '../../domain/network-profile.ts';
import { Heading, SubmitButton } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { PostForm, RadioGroup } from '../../web/form-components.tsx';
import { Layout } from '../../web/layout.tsx';
import { OPEN_DATA_TABLES } from './csv-tables.ts';
import { openDataUrls } from './dcat.ts';
import { LICENCES, type Licence } from './licences.ts';

const programmeCrumb = (ctx: PageContext) => ({ label: resolveText(ctx.programme!.name, ctx.locale).text, href: localePath(ctx.locale, `/${ctx.programme!.slug}`) });

export function OpenDataPage({ ctx, licence }: { ctx: PageContext; licence: Licence }) {
  const { t, locale } = ctx;
  const title = t('openData.title');
  const programme = resolveText(ctx.programme!.name, locale).text;
  // Relative links: the files are on this site, whatever address it is reached under.
  const urls = openDataUrls('', ctx.programme!.slug);
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[programmeCrumb(ctx), { label: title }]}
      description={t('openData.description', { programme })}
      head={<link rel="alternate" type="application/ld+json" href={urls.dcat} title={t('openData.dcat')} />}
    >
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('openData.intro', { programme })}</p>
      <Heading level={2}>{t('openData.licence')}</Heading>
      <p class="utrecht-paragraph">
        {t(`openData.licence.${licence.id}`)}{' '}
        <a class="utrecht-link" href={licence.uri} rel="license">
          {licence.name}
        </a>
      </p>
      <Heading level={2}>{t('openData.downloads')}</Heading>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={urls.json} type="application/json">
            {t('openData.full')}
          </a>
        </li>
        {OPEN_DATA_TABLES.map((table) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={urls.table(table)} type="text/csv">
              {t(`openData.table.${table}`)}
            </a>
          </li>
        ))}
      </ul>
      <p class="utrecht-paragraph">{t('openData.format')}</p>
      <Heading level={2}>{t('openData.metadata')}</Heading>
      <p class="utrecht-paragraph">{t('openData.metadataBody')}</p>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={urls.dcat} type="application/ld+json">
            {t('openData.dcat')}
          </a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href="/api/v1/openapi.json" type="application/json">
            {t('openData.api')}
          </a>
        </li>
      </ul>
      <Heading level={2}>{t('openData.network')}</Heading>
      <p class="utrecht-paragraph">
        {t('openData.networkBody', { version: OPEN_DATA_FORMAT_VERSION })}{' '}
        <a class="utrecht-link" href={localePath(locale, `/${ctx.programme!.slug}/network`)}>
          {t('openData.networkPage')}
        </a>
      </p>
    </Layout>
  );
}

export function LicencePage({ ctx, licence, saved }: { ctx: PageContext; licence: Licence; saved?: boolean }) {
  const { t } = ctx;
  const title = t('openData.manage.title');
  const base = `/${ctx.programme!.slug}`;
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={[programmeCrumb(ctx), { label: t('website.manage.title'), href: localePath(ctx.locale, `${base}/manage/website`) }, { label: title }]}>
      <Heading level={1}>{title}</Heading>
      {saved && (
        <p class="utrecht-paragraph" role="status">
          {t('openData.manage.saved')}
        </p>
      )}
      <p class="utrecht-paragraph">{t('openData.manage.intro')}</p>
      <PostForm ctx={ctx} action={localePath(ctx.locale, `${base}/manage/open-data`)} label={title} id="licence-form">
        <RadioGroup name="licence" legend={t('openData.licence')} value={licence.id} options={LICENCES.map((l) => ({ value: l.id, label: `${l.name}: ${t(`openData.licence.${l.id}`)}` }))} />
        <SubmitButton>{t('openData.manage.save')}</SubmitButton>
      </PostForm>
    </Layout>
  );
}
