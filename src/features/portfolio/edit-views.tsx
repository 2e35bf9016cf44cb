// Editing pages for a project, its actions and its partners. A stale save shows the same form again
// with what the user typed, plus a table of what someone else saved meanwhile (status 409).
import { ACTION_STATES, LIFECYCLES, PARTNER_ROLES } from '../../db/schema.ts';
import { resolveText, type Locale, type LocalizedText } from '../../domain/localized.ts';
import { Alert, CsrfField, Heading, Link, SelectField, SubmitButton, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { ActionInput, JoinFormValues, PartnerInput, ProjectInput } from './edit-types.ts';
import { Checkbox, ErrorSummary, Form, LocalizedInput, RadioGroup } from './form-components.tsx';
import type { Problems } from './forms.ts';
import { BilingualField, Checkbox as FormCheckbox, ErrorSummary as FormErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import { typedValue, type FormState } from '../../web/forms.ts';
import { ProjectForm } from './inputs.ts';

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

function ConflictPanel({ ctx, conflict }: { ctx: PageContext; conflict?: ConflictInfo }) {
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
      <FormErrorSummary ctx={ctx} state={state} form={form} />
      <PostForm ctx={ctx} action={`/${ctx.locale}/${ctx.programme!.slug}/projects/${props.project.code}/edit`} label={title} id={form}>
        <input type="hidden" name="version" value={String(props.version)} />
        {props.manages ? (
          <TextField {...f('code', stored.code)} label={t('pf.field.code')} description={t('pf.field.codeHint')} />
        ) : (
          <input type="hidden" name="code" value={stored.code} />
        )}
        <BilingualField {...bilingual} name="title" label={t('pf.field.title')} stored={stored.title} required />
        <SelectField {...f('themeId', stored.themeId ?? '')} label={t('project.theme')} options={props.themes.map((c) => ({ value: c.id, label: c.label }))} empty={t('pf.form.none')} />
        <BilingualField {...bilingual} name="goal" label={t('project.goal')} stored={stored.goal} multiline />
        <BilingualField {...bilingual} name="description" label={t('project.description')} stored={stored.description} multiline />
        <BilingualField {...bilingual} name="status" label={t('project.status')} stored={stored.status} description={t('pf.field.statusHint')} />
        {props.manages ? (
          <SelectField {...f('lifecycle', stored.lifecycle)} label={t('project.lifecycle')} options={LIFECYCLES.map((l) => ({ value: l, label: t(`lifecycle.${l}`) }))} />
        ) : (
          <input type="hidden" name="lifecycle" value={stored.lifecycle} />
        )}
        <SelectField {...f('leadOrganisationId', stored.leadOrganisationId ?? '')} label={t('project.lead')} options={props.organisations.map((c) => ({ value: c.id, label: c.label }))} empty={t('pf.form.none')} />
        <BilingualField {...bilingual} name="leadNote" label={t('pf.field.leadNote')} stored={stored.leadNote} />
        <BilingualField {...bilingual} name="safeguarding" label={t('pf.field.safeguarding')} stored={stored.safeguarding} multiline description={t('pf.field.safeguardingHint')} />
        <FormCheckbox id={`${form}-published`} name="published" label={t('pf.field.published')} checked={ticked(state, form, 'published', stored.published)} />
        <SubmitButton>{t('pf.form.save')}</SubmitButton>
      </PostForm>
    </Layout>
  );
}

export function ActionEditPage(props: {
  ctx: PageContext;
  project: ProjectHeader;
  actionId: string | null;
  values: ActionInput;
  version: number;
  organisations: Choice[];
  problems: Problems;
  conflict?: ConflictInfo;
}) {
  const { ctx, values, problems } = props;
  const { t } = ctx;
  const { title, crumbs } = frame(ctx, props.project, props.actionId ? t('pf.edit.actionTitle') : t('pf.edit.newActionTitle'));
  const base = `/${ctx.locale}/${ctx.programme!.slug}/projects/${props.project.code}/actions`;
  const err = (name: string) => (problems[name] ? t(problems[name]!) : undefined);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs} indexable={false}>
      <Heading level={1}>{title}</Heading>
      <ConflictPanel ctx={ctx} conflict={props.conflict} />
      <ErrorSummary ctx={ctx} problems={problems} />
      <Form action={props.actionId ? `${base}/${props.actionId}/edit` : `${base}/new`}>
        <CsrfField ctx={ctx} />
        {props.actionId && <input type="hidden" name="version" value={String(props.version)} />}
        <LocalizedInput ctx={ctx} name="description" label={t('action.description')} value={values.description} problems={problems} multiline required />
        <SelectField id="ownerOrganisationId" label={t('action.owner')} value={values.ownerOrganisationId} options={props.organisations.map((c) => ({ value: c.id, label: c.label }))} empty={t('pf.form.none')} error={err('ownerOrganisationId')} />
        <LocalizedInput ctx={ctx} name="dueLabel" label={t('pf.field.duePeriod')} value={values.dueLabel} problems={problems} description={t('pf.field.duePeriodHint')} />
        <TextField id="dueOn" type="date" label={t('pf.field.dueOn')} value={values.dueOn ?? ''} error={err('dueOn')} description={t('pf.field.dueOnHint')} />
        <SelectField id="state" label={t('action.state')} value={values.state} options={ACTION_STATES.map((s) => ({ value: s, label: t(`actionState.${s}`) }))} error={err('state')} />
        <TextField id="completedOn" type="date" label={t('pf.field.completedOn')} value={values.completedOn ?? ''} error={err('completedOn')} />
        <SubmitButton>{t('pf.form.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function PartnerEditPage(props: {
  ctx: PageContext;
  project: ProjectHeader;
  organisation: { slug: string; name: string };
  values: PartnerInput;
  version: number;
  problems: Problems;
  conflict?: ConflictInfo;
}) {
  const { ctx, values, problems } = props;
  const { t } = ctx;
  const { title, crumbs } = frame(ctx, props.project, t('pf.edit.partnerTitle', { name: props.organisation.name }));
  const err = (name: string) => (problems[name] ? t(problems[name]!) : undefined);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs} indexable={false}>
      <Heading level={1}>{title}</Heading>
      <ConflictPanel ctx={ctx} conflict={props.conflict} />
      <ErrorSummary ctx={ctx} problems={problems} />
      <Form action={`/${ctx.locale}/${ctx.programme!.slug}/projects/${props.project.code}/partners/${props.organisation.slug}/edit`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(props.version)} />
        <RadioGroup name="role" legend={t('organisation.role')} value={values.role} options={PARTNER_ROLES.map((r) => ({ value: r, label: t(`partnerRole.${r}`) }))} error={err('role')} />
        <Checkbox id="declaredInterest" label={t('pf.field.declaredInterest')} checked={values.declaredInterest} />
        <TextField id="capacityHours" label={t('pf.field.capacityHours')} value={values.capacityHours === null ? '' : String(values.capacityHours)} error={err('capacityHours')} inputMode="decimal" />
        <TextField id="money" label={t('pf.field.money')} value={values.moneyCents === null ? '' : (values.moneyCents / 100).toFixed(2)} error={err('money')} inputMode="decimal" />
        <Checkbox id="commitmentAgreed" label={t('pf.field.commitmentAgreed')} checked={values.commitmentAgreed} />
        <LocalizedInput ctx={ctx} name="note" label={t('pf.field.partnerNote')} value={values.note} problems={problems} />
        <SubmitButton>{t('pf.form.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function JoinPage(props: { ctx: PageContext; project: ProjectHeader; organisations: Choice[]; values: JoinFormValues; problems: Problems; notice?: string }) {
  const { ctx, values, problems } = props;
  const { t } = ctx;
  const { title, crumbs } = frame(ctx, props.project, t('pf.join.title'));
  const err = (name: string) => (problems[name] ? t(problems[name]!) : undefined);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs} indexable={false}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('pf.join.intro')}</p>
      {props.notice && <Alert kind="warning">{props.notice}</Alert>}
      <ErrorSummary ctx={ctx} problems={problems} />
      <Form action={`/${ctx.locale}/${ctx.programme!.slug}/projects/${props.project.code}/partners/new`}>
        <CsrfField ctx={ctx} />
        <SelectField id="organisationId" label={t('pf.join.organisation')} value={values.organisationId} options={props.organisations.map((c) => ({ value: c.id, label: c.label }))} empty={t('pf.form.choose')} error={err('organisationId')} />
        <RadioGroup name="role" legend={t('organisation.role')} value={values.role} options={(['partner', 'intended_partner'] as const).map((r) => ({ value: r, label: t(`partnerRole.${r}`) }))} error={err('role')} />
        <TextField id="consultedOn" type="date" label={t('pf.join.consultedOn')} value={values.consultedOn} error={err('consultedOn')} required />
        <RadioGroup name="outcome" legend={t('pf.join.outcome')} value={values.outcome} options={(['agreed', 'objection'] as const).map((o) => ({ value: o, label: t(`pf.consultation.${o}`) }))} error={err('outcome')} />
        <LocalizedInput ctx={ctx} name="note" label={t('pf.join.note')} value={values.note} problems={problems} multiline />
        <SubmitButton>{t('pf.join.submit')}</SubmitButton>
      </Form>
      <p class="utrecht-paragraph">
        <Link ctx={ctx} to={`/${ctx.programme!.slug}/projects/${props.project.code}`}>
          {t('pf.form.back')}
        </Link>
      </p>
    </Layout>
  );
}
