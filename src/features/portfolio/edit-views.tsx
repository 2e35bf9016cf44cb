// Editing pages for a project, its actions and its partners. A stale save shows the same form again
// with what the user typed, plus a table of what someone else saved meanwhile (status 409).
import type { StaleTranslations } from '../../domain/translation.ts';
import { ACTION_STATES, LIFECYCLES, PARTNER_ROLES } from '../../db/schema.ts';
import { resolveText, type Locale, type LocalizedText } from '../../domain/localized.ts';
import { Heading, Link, SelectField, SubmitButton, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { ActionInput, PartnerInput, ProjectInput } from './commands.ts';
import { BilingualField, Checkbox, ErrorSummary, errorOf, fieldProps, PostForm, RadioGroup } from '../../web/form-components.tsx';
import { typedValue, type FormState } from '../../web/forms.ts';
import { ADVICE_LEVELS } from './tables.ts';
import { ActionEditForm, ActionForm, JoinForm, PartnerForm, ProjectForm } from './inputs.ts';

export interface Choice {
  id: string;
  label: string;
}

export interface ProjectHeader {
  code: string;
  title: LocalizedText;
}

/** One changed field: what is saved now and what the user entered. */
export interface ConflictRow {
  label: string;
  saved: string;
  yours: string;
}

export interface ConflictInfo {
  rows: ConflictRow[];
  by: string | null;
  at: Date | null;
}

const nameOf = (value: LocalizedText, locale: Locale) => resolveText(value, locale).text;

function frame(ctx: PageContext, project: ProjectHeader, title: string) {
  const projectTitle = `${project.code}. ${nameOf(project.title, ctx.locale)}`;
  const base = `/${ctx.locale}/${ctx.programme!.slug}`;
  return {
    title: `${title} — ${projectTitle}`,
    crumbs: [
      { label: nameOf(ctx.programme!.name, ctx.locale), href: base },
      { label: projectTitle, href: `${base}/projects/${project.code}` },
      { label: title },
    ],
  };
}

export function ConflictPanel({ ctx, conflict }: { ctx: PageContext; conflict?: ConflictInfo }) {
  if (!conflict) return null;
  const { t, locale } = ctx;
  return (
    <div class="utrecht-alert utrecht-alert--warning" role="alert">
      <div class="utrecht-alert__content">
        <Heading level={2}>{t('pf.conflict.title')}</Heading>
        <p class="utrecht-paragraph">
          {conflict.by && conflict.at ? t('pf.conflict.byWhom', { name: conflict.by, at: formatDateTime(locale, conflict.at) }) : t('pf.conflict.intro')}{' '}
          {t('pf.conflict.kept')}
        </p>
        {conflict.rows.length > 0 && (
          <table class="utrecht-table ks-table">
            <caption class="utrecht-table__caption">{t('pf.conflict.caption')}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('pf.conflict.field')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('pf.conflict.saved')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('pf.conflict.yours')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {conflict.rows.map((row) => (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">{row.label}</th>
                  <td class="utrecht-table__cell">{row.saved}</td>
                  <td class="utrecht-table__cell">{row.yours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

/** The form on the project's edit page (ids `project-<field>`). */
export const PROJECT_FORM = 'project';

/** Whether a checkbox is ticked: as posted after a refusal or a conflict, else as stored. */
function ticked(state: FormState | undefined, form: string, name: string, stored: boolean): boolean {
  if (!state || state.form !== form) return stored;
  return typedValue(state, form, name) !== '';
}

export function ProjectEditPage(props: {
  ctx: PageContext;
  project: ProjectHeader;
  /** What is saved; a refused or stale form shows what was typed instead (`state`). */
  stored: ProjectInput;
  version: number;
  themes: Choice[];
  organisations: Choice[];
  state?: FormState;
  conflict?: ConflictInfo;
  /** The coordinator: may rename the project and move it through its lifecycle. */
  manages: boolean;
  /** Per field, the language left behind by an edit of the other. */
  stale?: StaleTranslations;
}) {
  const { ctx, stored, state } = props;
  const { t } = ctx;
  const { title, crumbs } = frame(ctx, props.project, t('pf.edit.projectTitle'));
  const form = PROJECT_FORM;
  const f = (name: string, value = '') => fieldProps(ctx, ProjectForm, state, form, name, value);
  const bilingual = { ctx, schema: ProjectForm, state, form };
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs} indexable={false}>
      <Heading level={1}>{title}</Heading>
      <ConflictPanel ctx={ctx} conflict={props.conflict} />
      <ErrorSummary ctx={ctx} state={state} form={form} />
      <PostForm ctx={ctx} action={`/${ctx.locale}/${ctx.programme!.slug}/projects/${props.project.code}/edit`} label={title} id={form}>
        <input type="hidden" name="version" value={String(props.version)} />
        {props.manages ? (
          <TextField {...f('code', stored.code)} label={t('pf.field.code')} description={t('pf.field.codeHint')} />
        ) : (
          <input type="hidden" name="code" value={stored.code} />
        )}
        <BilingualField {...bilingual} name="title" staleLanguage={props.stale?.title} label={t('pf.field.title')} stored={stored.title} required />
        <SelectField {...f('themeId', stored.themeId ?? '')} label={t('project.theme')} options={props.themes.map((c) => ({ value: c.id, label: c.label }))} empty={t('pf.form.none')} />
        <BilingualField {...bilingual} name="goal" staleLanguage={props.stale?.goal} label={t('project.goal')} stored={stored.goal} multiline />
        <BilingualField {...bilingual} name="description" staleLanguage={props.stale?.description} label={t('project.description')} stored={stored.description} multiline />
        <BilingualField {...bilingual} name="status" staleLanguage={props.stale?.status} label={t('project.status')} stored={stored.status} description={t('pf.field.statusHint')} />
        {props.manages ? (
          <SelectField {...f('lifecycle', stored.lifecycle)} label={t('project.lifecycle')} options={LIFECYCLES.map((l) => ({ value: l, label: t(`lifecycle.${l}`) }))} />
        ) : (
          <input type="hidden" name="lifecycle" value={stored.lifecycle} />
        )}
        <SelectField {...f('leadOrganisationId', stored.leadOrganisationId ?? '')} label={t('project.lead')} options={props.organisations.map((c) => ({ value: c.id, label: c.label }))} empty={t('pf.form.none')} />
        <BilingualField {...bilingual} name="leadNote" staleLanguage={props.stale?.leadNote} label={t('pf.field.leadNote')} stored={stored.leadNote} />
        <BilingualField {...bilingual} name="safeguarding" staleLanguage={props.stale?.safeguarding} label={t('pf.field.safeguarding')} stored={stored.safeguarding} multiline description={t('pf.field.safeguardingHint')} />
        <BilingualField {...bilingual} name="staffingArrangements" staleLanguage={props.stale?.staffingArrangements} label={t('pf.field.staffingArrangements')} stored={stored.staffingArrangements} multiline description={t('pf.field.arrangementsHint')} />
        <BilingualField {...bilingual} name="financingArrangements" staleLanguage={props.stale?.financingArrangements} label={t('pf.field.financingArrangements')} stored={stored.financingArrangements} multiline description={t('pf.field.arrangementsHint')} />
        <Checkbox id={`${form}-published`} name="published" label={t('pf.field.published')} checked={ticked(state, form, 'published', stored.published)} />
        <SubmitButton>{t('pf.form.save')}</SubmitButton>
      </PostForm>
    </Layout>
  );
}

/** The forms on the action and partner pages (ids `action-<field>`, `partner-<field>`). */
export const ACTION_FORM = 'action';
export const PARTNER_FORM = 'partner';

export function ActionEditPage(props: {
  ctx: PageContext;
  project: ProjectHeader;
  actionId: string | null;
  /** What is saved (or an empty action); a refused or stale form shows what was typed instead (`state`). */
  stored: ActionInput;
  version: number;
  organisations: Choice[];
  state?: FormState;
  conflict?: ConflictInfo;
}) {
  const { ctx, stored, state } = props;
  const { t } = ctx;
  const { title, crumbs } = frame(ctx, props.project, props.actionId ? t('pf.edit.actionTitle') : t('pf.edit.newActionTitle'));
  const base = `/${ctx.locale}/${ctx.programme!.slug}/projects/${props.project.code}/actions`;
  const form = ACTION_FORM;
  const schema = props.actionId ? ActionEditForm : ActionForm;
  const f = (name: string, value = '') => fieldProps(ctx, schema, state, form, name, value);
  const bilingual = { ctx, schema, state, form };
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs} indexable={false}>
      <Heading level={1}>{title}</Heading>
      <ConflictPanel ctx={ctx} conflict={props.conflict} />
      <ErrorSummary ctx={ctx} state={state} form={form} />
      <PostForm ctx={ctx} action={props.actionId ? `${base}/${props.actionId}/edit` : `${base}/new`} label={title} id={form}>
        {props.actionId && <input type="hidden" name="version" value={String(props.version)} />}
        <BilingualField {...bilingual} name="description" label={t('action.description')} stored={stored.description} multiline required />
        <SelectField {...f('ownerOrganisationId', stored.ownerOrganisationId ?? '')} label={t('action.owner')} options={props.organisations.map((c) => ({ value: c.id, label: c.label }))} empty={t('pf.form.none')} />
        <BilingualField {...bilingual} name="dueLabel" label={t('pf.field.duePeriod')} stored={stored.dueLabel} description={t('pf.field.duePeriodHint')} />
        <TextField {...f('dueOn', stored.dueOn ?? '')} type="date" label={t('pf.field.dueOn')} description={t('pf.field.dueOnHint')} />
        <SelectField {...f('state', stored.state)} label={t('action.state')} options={ACTION_STATES.map((s) => ({ value: s, label: t(`actionState.${s}`) }))} />
        <TextField {...f('completedOn', stored.completedOn ?? '')} type="date" label={t('pf.field.completedOn')} />
        <SubmitButton>{t('pf.form.save')}</SubmitButton>
      </PostForm>
    </Layout>
  );
}

export function PartnerEditPage(props: {
  ctx: PageContext;
  project: ProjectHeader;
  organisation: { slug: string; name: string };
  /** What is saved; a refused or stale form shows what was typed instead (`state`). */
  stored: PartnerInput;
  version: number;
  state?: FormState;
  conflict?: ConflictInfo;
}) {
  const { ctx, stored, state } = props;
  const { t } = ctx;
  const { title, crumbs } = frame(ctx, props.project, t('pf.edit.partnerTitle', { name: props.organisation.name }));
  const form = PARTNER_FORM;
  const f = (name: string, value = '') => fieldProps(ctx, PartnerForm, state, form, name, value);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs} indexable={false}>
      <Heading level={1}>{title}</Heading>
      <ConflictPanel ctx={ctx} conflict={props.conflict} />
      <ErrorSummary ctx={ctx} state={state} form={form} />
      <PostForm ctx={ctx} action={`/${ctx.locale}/${ctx.programme!.slug}/projects/${props.project.code}/partners/${props.organisation.slug}/edit`} label={title} id={form}>
        <input type="hidden" name="version" value={String(props.version)} />
        <RadioGroup
          id={`${form}-role`}
          name="role"
          legend={t('organisation.role')}
          value={typedValue(state, form, 'role', stored.role)}
          options={PARTNER_ROLES.map((r) => ({ value: r, label: t(`partnerRole.${r}`) }))}
          error={errorOf(ctx, state, form, 'role')}
        />
        <Checkbox id={`${form}-declaredInterest`} name="declaredInterest" label={t('pf.field.declaredInterest')} checked={ticked(state, form, 'declaredInterest', stored.declaredInterest)} />
        <TextField {...f('capacityHours', stored.capacityHours === null ? '' : String(stored.capacityHours))} label={t('pf.field.capacityHours')} inputMode="decimal" />
        <TextField {...f('money', stored.moneyCents === null ? '' : (stored.moneyCents / 100).toFixed(2))} label={t('pf.field.money')} inputMode="decimal" />
        <Checkbox id={`${form}-commitmentAgreed`} name="commitmentAgreed" label={t('pf.field.commitmentAgreed')} checked={ticked(state, form, 'commitmentAgreed', stored.commitmentAgreed)} />
        <BilingualField ctx={ctx} schema={PartnerForm} state={state} form={form} name="note" label={t('pf.field.partnerNote')} stored={stored.note} />
        <SubmitButton>{t('pf.form.save')}</SubmitButton>
      </PostForm>
    </Layout>
  );
}

export const JOIN_FORM = 'join';

/** Adding an organisation after consulting the steering group; a refused form shows what was typed (`state`). */
export function JoinPage(props: { ctx: PageContext; project: ProjectHeader; organisations: (Choice & { isParty: boolean })[]; state?: FormState }) {
  const { ctx, state } = props;
  const { t } = ctx;
  const { title, crumbs } = frame(ctx, props.project, t('pf.join.title'));
  const form = JOIN_FORM;
  const f = (name: string, value = '') => fieldProps(ctx, JoinForm, state, form, name, value);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs} indexable={false}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('pf.join.intro')}</p>
      <ErrorSummary ctx={ctx} state={state} form={form} />
      <PostForm ctx={ctx} action={`/${ctx.locale}/${ctx.programme!.slug}/projects/${props.project.code}/partners/new`} label={title} id={form}>
        <SelectField
          {...f('organisationId')}
          label={t('pf.join.organisation')}
          options={props.organisations.map((c) => ({ value: c.id, label: `${c.label} (${t(c.isParty ? 'pf.join.party' : 'pf.join.notParty')})` }))}
          empty={t('pf.form.choose')}
        />
        <RadioGroup
          id={`${form}-role`}
          name="role"
          legend={t('organisation.role')}
          value={typedValue(state, form, 'role', 'partner')}
          options={(['partner', 'intended_partner'] as const).map((r) => ({ value: r, label: t(`partnerRole.${r}`) }))}
          error={errorOf(ctx, state, form, 'role')}
        />
        <fieldset class="utrecht-form-fieldset" id={`${form}-advice`}>
          <legend class="utrecht-form-fieldset__legend">{t('pf.join.advice')}</legend>
          <p class="utrecht-paragraph">{t('pf.join.adviceHint')}</p>
          <TextField {...f('consultedOn')} type="date" label={t('pf.join.consultedOn')} />
          <RadioGroup
            id={`${form}-level`}
            name="level"
            legend={t('pf.join.level')}
            value={typedValue(state, form, 'level')}
            options={ADVICE_LEVELS.map((l) => ({ value: l, label: t(`pf.consultation.level.${l}`) }))}
            error={errorOf(ctx, state, form, 'level')}
          />
          <RadioGroup
            id={`${form}-outcome`}
            name="outcome"
            legend={t('pf.join.outcome')}
            value={typedValue(state, form, 'outcome')}
            options={(['agreed', 'objection'] as const).map((o) => ({ value: o, label: t(`pf.consultation.${o}`) }))}
            error={errorOf(ctx, state, form, 'outcome')}
          />
          <BilingualField ctx={ctx} schema={JoinForm} state={state} form={form} name="note" label={t('pf.join.note')} multiline />
        </fieldset>
        <SubmitButton>{t('pf.join.submit')}</SubmitButton>
      </PostForm>
      <p class="utrecht-paragraph">
        <Link ctx={ctx} to={`/${ctx.programme!.slug}/projects/${props.project.code}`}>
          {t('pf.form.back')}
        </Link>
      </p>
    </Layout>
  );
}
