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

export function ProjectEditPage(props: {
  ctx: PageContext;
  project: ProjectHeader;
  values: ProjectInput;
  version: number;
  themes: Choice[];
  organisations: Choice[];
  problems: Problems;
  conflict?: ConflictInfo;
  /** The coordinator: may rename the project and move it through its lifecycle. */
  manages: boolean;
}) {
  const { ctx, values, problems } = props;
  const { t } = ctx;
  const { title, crumbs } = frame(ctx, props.project, t('pf.edit.projectTitle'));
  const err = (name: string) => (problems[name] ? t(problems[name]!) : undefined);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs} indexable={false}>
      <Heading level={1}>{title}</Heading>
      <ConflictPanel ctx={ctx} conflict={props.conflict} />
      <ErrorSummary ctx={ctx} problems={problems} />
      <Form action={`/${ctx.locale}/${ctx.programme!.slug}/projects/${props.project.code}/edit`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(props.version)} />
        {props.manages ? (
          <TextField id="code" label={t('pf.field.code')} value={values.code} error={err('code')} description={t('pf.field.codeHint')} required />
        ) : (
          <input type="hidden" name="code" value={values.code} />
        )}
        <LocalizedInput ctx={ctx} name="title" label={t('pf.field.title')} value={values.title} problems={problems} required />
        <SelectField id="themeId" label={t('project.theme')} value={values.themeId} options={props.themes.map((c) => ({ value: c.id, label: c.label }))} empty={t('pf.form.none')} error={err('themeId')} />
        <LocalizedInput ctx={ctx} name="goal" label={t('project.goal')} value={values.goal} problems={problems} multiline />
        <LocalizedInput ctx={ctx} name="description" label={t('project.description')} value={values.description} problems={problems} multiline />
        <LocalizedInput ctx={ctx} name="status" label={t('project.status')} value={values.status} problems={problems} description={t('pf.field.statusHint')} />
        {props.manages ? (
          <SelectField id="lifecycle" label={t('project.lifecycle')} value={values.lifecycle} options={LIFECYCLES.map((l) => ({ value: l, label: t(`lifecycle.${l}`) }))} error={err('lifecycle')} />
        ) : (
          <input type="hidden" name="lifecycle" value={values.lifecycle} />
        )}
        <SelectField id="leadOrganisationId" label={t('project.lead')} value={values.leadOrganisationId} options={props.organisations.map((c) => ({ value: c.id, label: c.label }))} empty={t('pf.form.none')} error={err('leadOrganisationId')} />
        <LocalizedInput ctx={ctx} name="leadNote" label={t('pf.field.leadNote')} value={values.leadNote} problems={problems} />
        <LocalizedInput ctx={ctx} name="safeguarding" label={t('pf.field.safeguarding')} value={values.safeguarding} problems={problems} multiline description={t('pf.field.safeguardingHint')} />
        <Checkbox id="published" label={t('pf.field.published')} checked={values.published} />
        <SubmitButton>{t('pf.form.save')}</SubmitButton>
      </Form>
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
