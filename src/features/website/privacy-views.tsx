// The privacy statement (AVG/GDPR article 13): the public page, and the coordinator's form. What the
// coordinator has not filled in yet shows as a visible placeholder, never as an empty heading.
import type { LocalizedText } from '../../domain/localized.ts';
import { Heading, Link, SubmitButton } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { BilingualField, ErrorSummary, PostForm } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { formatDateTime, translator } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import { manageCrumbs } from './manage-views.tsx';
import type { PrivacyRow } from './queries.ts';
import { PrivacyForm } from './schema.ts';
import { Markdown, plain, programmeCrumb } from './views.tsx';

const FILLED_IN = ['controller', 'contact', 'retention'] as const;

/** The shipped description of what Kennisstad stores, in both languages: the default and the prefill. */
export function defaultProcessing(): LocalizedText {
  return { nl: translator('nl')('website.privacy.defaultProcessing'), en: translator('en')('website.privacy.defaultProcessing') };
}

/** The coordinator's own text per language, the shipped one where they wrote none. */
function withDefault(processing: LocalizedText | undefined): LocalizedText {
  const shipped = defaultProcessing();
  return { nl: processing?.nl || shipped.nl, en: processing?.en || shipped.en };
}

const isEmpty = (text: LocalizedText | null | undefined) => !text || (!text.nl && !text.en);

function Section({ ctx, title, value, placeholder }: { ctx: PageContext; title: string; value: LocalizedText | undefined; placeholder: string }) {
  return (
    <section>
      <Heading level={2}>{title}</Heading>
      {isEmpty(value) ? <p class="utrecht-paragraph ks-placeholder">{placeholder}</p> : <Markdown value={value!} locale={ctx.locale} />}
    </section>
  );
}

export function PrivacyPage({ ctx, statement }: { ctx: PageContext; statement: PrivacyRow | null }) {
  const { t, locale } = ctx;
  const title = t('website.privacy.title');
  const programme = plain(ctx.programme!.name, locale);
  const processing = withDefault(statement?.processing);
  const unfilled = FILLED_IN.some((key) => isEmpty(statement?.[key]));
  return (
    <Layout ctx={ctx} title={title} crumbs={[programmeCrumb(ctx), { label: title }]} description={t('website.privacy.description', { programme })}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('website.privacy.intro', { programme })}</p>
      {unfilled && <p class="utrecht-paragraph">{t('website.privacy.placeholderNote')}</p>}
      <Section ctx={ctx} title={t('website.privacy.controller')} value={statement?.controller} placeholder={t('website.privacy.placeholder.controller')} />
      <Section ctx={ctx} title={t('website.privacy.contact')} value={statement?.contact} placeholder={t('website.privacy.placeholder.contact')} />
      <section>
        <Heading level={2}>{t('website.privacy.processing')}</Heading>
        <Markdown value={processing} locale={locale} />
      </section>
      <Section ctx={ctx} title={t('website.privacy.retention')} value={statement?.retention} placeholder={t('website.privacy.placeholder.retention')} />
      <section>
        <Heading level={2}>{t('website.privacy.rights')}</Heading>
        <p class="utrecht-paragraph">{t('website.privacy.rightsBody')}</p>
      </section>
      {statement && statement.version > 1 && <p class="utrecht-paragraph">{t('website.privacy.updated', { date: formatDateTime(locale, statement.updatedAt) })}</p>}
    </Layout>
  );
}

export function PrivacyEditPage(props: { ctx: PageContext; statement: PrivacyRow | null; form?: FormState; conflict?: boolean; saved?: boolean }) {
  const { ctx, statement, form } = props;
  const { t } = ctx;
  const title = t('website.privacy.edit.title');
  const base = `/${ctx.programme!.slug}`;
  const stored = (key: (typeof FILLED_IN)[number] | 'processing') => (key === 'processing' ? withDefault(statement?.processing) : (statement?.[key] ?? {}));
  return (
    <Layout ctx={ctx} title={title} crumbs={manageCrumbs(ctx, title)} indexable={false}>
      <Heading level={1}>{title}</Heading>
      {props.saved && (
        <p class="utrecht-paragraph" role="status">
          {t('website.privacy.edit.saved')}
        </p>
      )}
      {props.conflict && (
        <div class="utrecht-alert utrecht-alert--warning" role="alert">
          <p class="utrecht-paragraph">{t('website.privacy.conflict')}</p>
        </div>
      )}
      <p class="utrecht-paragraph">{t('website.privacy.edit.intro')}</p>
      <p class="utrecht-paragraph">
        <Link ctx={ctx} to={`${base}/privacy`}>
          {t('website.privacy.edit.view')}
        </Link>
      </p>
      <ErrorSummary ctx={ctx} state={form} form="privacy" />
      <PostForm ctx={ctx} action={localePath(ctx.locale, `${base}/manage/website/privacy`)} label={title} id="privacy">
        <input type="hidden" name="version" value={String(statement?.version ?? 1)} />
        <BilingualField ctx={ctx} schema={PrivacyForm} state={form} form="privacy" name="controller" label={t('website.privacy.edit.controller')} stored={stored('controller')} multiline rows={3} />
        <BilingualField ctx={ctx} schema={PrivacyForm} state={form} form="privacy" name="contact" label={t('website.privacy.edit.contact')} stored={stored('contact')} multiline rows={3} />
        <BilingualField ctx={ctx} schema={PrivacyForm} state={form} form="privacy" name="retention" label={t('website.privacy.edit.retention')} stored={stored('retention')} multiline rows={4} />
        <BilingualField ctx={ctx} schema={PrivacyForm} state={form} form="privacy" name="processing" label={t('website.privacy.edit.processing')} stored={stored('processing')} multiline rows={16} />
        <SubmitButton>{t('website.form.save')}</SubmitButton>
      </PostForm>
    </Layout>
  );
}

/** Whether a text is exactly the shipped default in a language: then nothing of the coordinator's own is stored there. */
export function withoutDefault(processing: LocalizedText): LocalizedText {
  const shipped = defaultProcessing();
  const norm = (text: string | undefined) => (text ?? '').replace(/\r\n/g, '\n').trim();
  const out: LocalizedText = {};
  for (const lang of ['nl', 'en'] as const) if (processing[lang] && norm(processing[lang]) !== norm(shipped[lang])) out[lang] = processing[lang];
  return out;
}
