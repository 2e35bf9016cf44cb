// The "new programme" page: one form in six steps, each a disclosure (native <details>, so it works
// without JavaScript) that opens when it holds a problem or what the last button did. The steps:
// the programme, its parties with their signatories, themes, criteria (text + check), the steering
// group's two levels with their cadence, and the agreement text split into articles.
import { resolveText } from '../../domain/localized.ts';
import { CHECK_KINDS } from '../../domain/criterion-checks.ts';
import { CRITERION_LETTERS } from '../../domain/criteria.ts';
import type { FieldErrors } from '../../domain/outcome.ts';
import { ORGANISATION_KINDS } from '../../db/schema.ts';
import { Alert, Disclosure, FileField, Heading, SelectField, SubmitButton, TextArea, TextField } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { ErrorSummary, errorText, PostForm } from '../../web/form-components.tsx';
import { Layout } from '../../web/layout.tsx';
import { CRITERION_ROWS, FIELD_LIMITS, PARTY_ROWS, STEERING_BODIES, THEME_ROWS } from './create-form.ts';

export const PROGRAMME_FORM = 'programme';

export interface CreateState {
  values: Record<string, string>;
  errors: FieldErrors;
  /** What the last button did: the Leiden model filled in, or the text split into N articles. */
  notice?: { kind: 'modelled' } | { kind: 'split'; count: number };
}

const STEP_FIELDS: Record<string, RegExp> = {
  programme: /^(city|name_(nl|en)|slug|startOn|termYears|textLang)$/,
  parties: /^party\d+_/,
  themes: /^theme\d+_/,
  criteria: /^criterion\d+_/,
  bodies: /^(executive|support)_/,
  agreement: /^(agreementText|agreementFile|article\d+_.*)$/,
};

export function newProgrammePath(ctx: PageContext): string {
  return localePath(ctx.locale, `/${ctx.programme!.slug}/manage/programmes/new`);
}

export function NewProgrammePage({ ctx, state }: { ctx: PageContext; state: CreateState }) {
  const { t } = ctx;
  const title = t('programmes.new.title');
  const v = (name: string) => state.values[name] ?? '';
  const field = (name: string, label: string, extra: { description?: string } = {}) => ({ id: `${PROGRAMME_FORM}-${name}`, name, label, value: v(name), error: errorText(ctx, state.errors[name]), ...extra });
  const errorNames = Object.keys(state.errors);
  const open = (step: string) => errorNames.some((name) => STEP_FIELDS[step]!.test(name)) || (step === 'criteria' && state.notice?.kind === 'modelled') || (step === 'agreement' && state.notice?.kind === 'split') || (step === 'programme' && errorNames.length === 0 && !state.notice);
  const articleCount = Number(v('articleCount')) || 0;
  const kindOptions = ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`organisationKind.${kind}`) }));
  const checkOptions = CHECK_KINDS.map((kind) => ({ value: kind, label: t(`programmes.check.${kind}`) }));
  const labels = Object.fromEntries(errorNames.map((name) => [name, labelOf(ctx, name)]));
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[{ label: resolveText(ctx.programme!.name, ctx.locale).text, href: localePath(ctx.locale, `/${ctx.programme!.slug}`) }, { label: title }]}
    >
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('programmes.new.intro')}</p>
      <ErrorSummary ctx={ctx} state={{ form: PROGRAMME_FORM, errors: state.errors, values: state.values }} form={PROGRAMME_FORM} labels={labels} />
      {state.notice?.kind === 'modelled' && <Alert kind="info">{t('programmes.criteria.modelled')}</Alert>}
      {state.notice?.kind === 'split' && <Alert kind="info">{t('programmes.agreement.splitDone', { count: state.notice.count })}</Alert>}
      <PostForm ctx={ctx} action={newProgrammePath(ctx)} label={title} id={PROGRAMME_FORM} multipart>
        <input type="hidden" name="articleCount" value={String(articleCount)} />
        <Disclosure id="step-programme" summary={t('programmes.step.programme')} open={open('programme')}>
          <TextField {...field('city', t('programmes.field.city'))} maxLength={FIELD_LIMITS.city} required />
          <TextField {...field('name_nl', `${t('programmes.field.name')} – ${t('form.inDutch')}`)} lang="nl" maxLength={FIELD_LIMITS.name} />
          <TextField {...field('name_en', `${t('programmes.field.name')} – ${t('form.inEnglish')}`)} lang="en" maxLength={FIELD_LIMITS.name} />
          <TextField {...field('slug', t('programmes.field.slug'), { description: t('programmes.field.slugHelp') })} maxLength={FIELD_LIMITS.slug} />
          <TextField {...field('startOn', t('programmes.field.startOn'))} type="date" required />
          <TextField {...field('termYears', t('programmes.field.termYears'))} inputMode="numeric" required />
          <SelectField {...field('textLang', t('programmes.field.textLang'))} value={v('textLang') || ctx.locale} options={[{ value: 'nl', label: 'Nederlands' }, { value: 'en', label: 'English' }]} />
        </Disclosure>
        <Disclosure id="step-parties" summary={t('programmes.step.parties')} open={open('parties')}>
          <p class="utrecht-paragraph">{t('programmes.parties.help')}</p>
          {Array.from({ length: PARTY_ROWS }, (_, i) => (
            <fieldset class="utrecht-form-fieldset">
              <legend class="utrecht-form-fieldset__legend">{t('programmes.field.party', { n: i + 1 })}</legend>
              <TextField {...field(`party${i}_name`, t('programmes.field.partyName'))} maxLength={FIELD_LIMITS.party} />
              <TextField {...field(`party${i}_short`, t('programmes.field.partyShort'))} maxLength={80} />
              <SelectField {...field(`party${i}_kind`, t('programmes.field.partyKind'))} value={v(`party${i}_kind`) || (i === 0 ? 'municipality' : 'university')} options={kindOptions} />
              <TextField {...field(`party${i}_signatory`, t('programmes.field.signatory'))} maxLength={FIELD_LIMITS.signatory} />
              <TextField {...field(`party${i}_role`, t('programmes.field.signatoryRole'))} maxLength={FIELD_LIMITS.role} />
            </fieldset>
          ))}
        </Disclosure>
        <Disclosure id="step-themes" summary={t('programmes.step.themes')} open={open('themes')}>
          <p class="utrecht-paragraph">{t('programmes.themes.help')}</p>
          {Array.from({ length: THEME_ROWS }, (_, i) => (
            <fieldset class="utrecht-form-fieldset ks-bilingual">
              <legend class="utrecht-form-fieldset__legend">{t('programmes.field.theme', { n: i + 1 })}</legend>
              <TextField {...field(`theme${i}_nl`, t('form.inDutch'))} lang="nl" maxLength={FIELD_LIMITS.theme} />
              <TextField {...field(`theme${i}_en`, t('form.inEnglish'))} lang="en" maxLength={FIELD_LIMITS.theme} />
            </fieldset>
          ))}
        </Disclosure>
        <Disclosure id="step-criteria" summary={t('programmes.step.criteria')} open={open('criteria')}>
          <p class="utrecht-paragraph">{t('programmes.criteria.help')}</p>
          <p class="utrecht-button-group">
            <button type="submit" name="intent" value="model" class="utrecht-button utrecht-button--html-button utrecht-button--secondary-action">
              {t('programmes.criteria.model')}
            </button>
          </p>
          {Array.from({ length: CRITERION_ROWS }, (_, i) => (
            <fieldset class="utrecht-form-fieldset">
              <legend class="utrecht-form-fieldset__legend">{t('programmes.field.criterion', { letter: CRITERION_LETTERS[i]! })}</legend>
              <TextArea {...field(`criterion${i}_nl`, t('form.inDutch'))} lang="nl" rows={2} maxLength={FIELD_LIMITS.criterion} />
              <TextArea {...field(`criterion${i}_en`, t('form.inEnglish'))} lang="en" rows={2} maxLength={FIELD_LIMITS.criterion} />
              <SelectField {...field(`criterion${i}_check`, t('programmes.field.check'))} value={v(`criterion${i}_check`) || 'judged'} options={checkOptions} />
              <TextField {...field(`criterion${i}_min`, t('programmes.field.minParties'))} inputMode="numeric" />
            </fieldset>
          ))}
        </Disclosure>
        <Disclosure id="step-bodies" summary={t('programmes.step.bodies')} open={open('bodies')}>
          <p class="utrecht-paragraph">{t('programmes.bodies.help')}</p>
          {STEERING_BODIES.map((kind) => (
            <fieldset class="utrecht-form-fieldset">
              <legend class="utrecht-form-fieldset__legend">{t(`programmes.field.${kind}`)}</legend>
              <TextField {...field(`${kind}_nl`, `${t('programmes.field.bodyName')} – ${t('form.inDutch')}`)} lang="nl" maxLength={FIELD_LIMITS.body} />
              <TextField {...field(`${kind}_en`, `${t('programmes.field.bodyName')} – ${t('form.inEnglish')}`)} lang="en" maxLength={FIELD_LIMITS.body} />
              <TextField {...field(`${kind}_min`, t('programmes.field.minMeetings'))} inputMode="numeric" />
              <TextField {...field(`${kind}_max`, t('programmes.field.maxMeetings'))} inputMode="numeric" />
            </fieldset>
          ))}
        </Disclosure>
        <Disclosure id="step-agreement" summary={t('programmes.step.agreement')} open={open('agreement')}>
          <p class="utrecht-paragraph">{t('programmes.agreement.help')}</p>
          <TextArea {...field('agreementText', t('programmes.field.agreementText'))} rows={8} maxLength={FIELD_LIMITS.agreementText} />
          <FileField {...field('agreementFile', t('programmes.field.agreementFile'))} accept=".docx,.md,.markdown,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/plain" />
          <p class="utrecht-button-group">
            <button type="submit" name="intent" value="split" class="utrecht-button utrecht-button--html-button utrecht-button--secondary-action">
              {t('programmes.agreement.split')}
            </button>
          </p>
          {Array.from({ length: articleCount }, (_, i) => (
            <fieldset class="utrecht-form-fieldset">
              <legend class="utrecht-form-fieldset__legend">{t('programmes.field.article', { n: i + 1 })}</legend>
              <TextField {...field(`article${i}_title`, t('programmes.field.articleTitle'))} lang={v('textLang') || ctx.locale} maxLength={FIELD_LIMITS.articleTitle} />
              <TextArea {...field(`article${i}_body`, t('programmes.field.articleBody'))} lang={v('textLang') || ctx.locale} rows={6} maxLength={FIELD_LIMITS.article} />
            </fieldset>
          ))}
        </Disclosure>
        <p class="utrecht-button-group">
          <button type="submit" name="intent" value="save" class="utrecht-button utrecht-button--html-button utrecht-button--primary-action">
            {t('programmes.save')}
          </button>
        </p>
      </PostForm>
    </Layout>
  );
}

/** A field's label for the error summary ("Partij 2: Naam van de ondertekenaar"). */
function labelOf(ctx: PageContext, name: string): string {
  const { t } = ctx;
  const row = /^(party|theme|criterion|article)(\d+)_(.+)$/.exec(name);
  if (row) {
    const n = Number(row[2]) + 1;
    const part = row[3]!;
    if (row[1] === 'party') return `${t('programmes.field.party', { n })}, ${t({ name: 'programmes.field.partyName', short: 'programmes.field.partyShort', kind: 'programmes.field.partyKind', signatory: 'programmes.field.signatory', role: 'programmes.field.signatoryRole' }[part] ?? 'programmes.field.partyName')}`;
    if (row[1] === 'theme') return t('programmes.field.theme', { n });
    if (row[1] === 'criterion') return `${t('programmes.field.criterion', { letter: CRITERION_LETTERS[n - 1] ?? '' })}${part === 'check' ? `, ${t('programmes.field.check')}` : part === 'min' ? `, ${t('programmes.field.minParties')}` : ''}`;
    return t('programmes.field.article', { n });
  }
  const body = /^(executive|support)_(nl|en|min|max)$/.exec(name);
  if (body) return `${t(`programmes.field.${body[1]}`)}, ${t(body[2] === 'min' ? 'programmes.field.minMeetings' : body[2] === 'max' ? 'programmes.field.maxMeetings' : 'programmes.field.bodyName')}`;
  const simple: Record<string, string> = { city: 'programmes.field.city', name_nl: 'programmes.field.name', name_en: 'programmes.field.name', slug: 'programmes.field.slug', startOn: 'programmes.field.startOn', termYears: 'programmes.field.termYears', agreementText: 'programmes.step.agreement', agreementFile: 'programmes.field.agreementFile' };
  return simple[name] ? t(simple[name]) : '';
}

export function ProgrammeCreatedPage({ ctx, slug, name }: { ctx: PageContext; slug: string; name: string }) {
  const { t } = ctx;
  const title = t('programmes.created.title');
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={[{ label: resolveText(ctx.programme!.name, ctx.locale).text, href: localePath(ctx.locale, `/${ctx.programme!.slug}`) }, { label: title }]}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph" role="status">
        {t('programmes.created.body', { name })}
      </p>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={localePath(ctx.locale, `/${slug}`)}>
            {t('programmes.created.open')}
          </a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={localePath(ctx.locale, `/${slug}/invitations`)}>
            {t('programmes.created.invite')}
          </a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={localePath(ctx.locale, '')}>
            {t('programmes.created.home')}
          </a>
        </li>
      </ul>
    </Layout>
  );
}
