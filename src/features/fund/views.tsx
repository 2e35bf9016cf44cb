import type { ComponentChildren } from 'preact';
import { resolveText, type Locale, type LocalizedText } from '../../domain/localized.ts';
import { available, outstanding, type Amounts, type Balance } from '../../domain/ledger.ts';
import { formatCents, formatFte, formatHours } from '../../domain/money.ts';
import { Alert, CsrfField, Heading, Link, Prose, SelectField, SubmitButton, Text, TextArea, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { formatDate, formatDateTime } from '../../web/i18n.ts';
import { toAmsterdam } from '../../domain/meeting-time.ts';
import { Layout } from '../../web/layout.tsx';
import type { FundRow, getApplication, listApplications, partyReport } from './queries.ts';
import type { Lifecycle } from '../../db/schema.ts';
import type { CriterionResult } from '../../domain/criteria.ts';

type Row<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** A message key for a problem with the whole form. */
  formError?: string;
}
export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });

const name = (value: LocalizedText | null | undefined, locale: Locale) => resolveText(value, locale).text;

export function fundName(ctx: PageContext, row: Pick<FundRow, 'fund' | 'party'>): string {
  if (row.fund.kind === 'joint') return name(row.fund.name, ctx.locale) || ctx.t('fund.kind.joint');
  return `${name(row.fund.name, ctx.locale)} (${ctx.t('fund.kind.earmarked', { party: name(row.party?.name, ctx.locale) })})`;
}

function base(ctx: PageContext) {
  return `/${ctx.programme!.slug}/fund`;
}

function crumbs(ctx: PageContext, ...rest: { label: string; href?: string }[]) {
  return [
    { label: name(ctx.programme!.name, ctx.locale), href: `/${ctx.locale}/${ctx.programme!.slug}` },
    { label: ctx.t('fund.title'), href: `/${ctx.locale}${base(ctx)}` },
    ...rest,
  ];
}

export function Hours({ ctx, hours, perFte }: { ctx: PageContext; hours: number; perFte: number }) {
  return <>{ctx.t('fund.hoursFte', { hours: formatHours(ctx.locale, hours), fte: formatFte(ctx.locale, hours, perFte) })}</>;
}

function Table({ caption, head, children }: { caption: string; head: string[]; children: ComponentChildren }) {
  return (
    <div class="ks-table-wrap">
      <table class="utrecht-table ks-table">
        <caption class="utrecht-table__caption">{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {head.map((h) => (
              <th class="utrecht-table__header-cell" scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">{children}</tbody>
      </table>
    </div>
  );
}

const td = (children: ComponentChildren, numeric = false) => <td class={`utrecht-table__cell${numeric ? ' utrecht-table__cell--numeric' : ''}`}>{children}</td>;

function balanceHead(ctx: PageContext, first: string) {
  const { t } = ctx;
  return [first, t('fund.col.contributed'), t('fund.col.committed'), t('fund.col.paid'), t('fund.col.available')];
}

/** Money with the hours (and their FTE) below it, when there are hours. */
function AmountCell({ ctx, amounts, perFte }: { ctx: PageContext; amounts: Amounts; perFte: number }) {
  return td(
    <>
      {formatCents(ctx.locale, amounts.cents)}
      {amounts.hours !== 0 && (
        <>
          <br />
          <span class="ks-muted">
            <Hours ctx={ctx} hours={amounts.hours} perFte={perFte} />
          </span>
        </>
      )}
    </>,
    true,
  );
}

function BalanceCells({ ctx, balance, perFte }: { ctx: PageContext; balance: Balance; perFte: number }) {
  return (
    <>
      {[balance.contributed, balance.committed, balance.paid, available(balance)].map((amounts) => (
        <AmountCell ctx={ctx} amounts={amounts} perFte={perFte} />
      ))}
    </>
  );
}

export function FundOverviewPage(props: {
  ctx: PageContext;
  funds: FundRow[];
  perProject: { project: { code: string; title: LocalizedText }; balance: Balance }[];
  perYear: { year: number; balance: Balance }[];
  perFte: number;
  canManage: boolean;
  canApply: boolean;
  notice?: string;
  form?: FormState;
  fteForm: FormState;
  parties: { id: string; name: LocalizedText }[];
}) {
  const { ctx, perFte } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('fund.title')} indexable={false} crumbs={crumbs(ctx).slice(0, 2).map((c, i) => (i === 1 ? { label: c.label } : c))}>
      <Heading level={1}>{t('fund.title')}</Heading>
      {props.notice && <Alert kind="ok">{t(props.notice)}</Alert>}
      <p class="utrecht-paragraph">{t('fund.intro')}</p>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <Link ctx={ctx} to={`${base(ctx)}/applications`}>{t('fund.applications')}</Link>
        </li>
        {props.canApply && (
          <li class="utrecht-unordered-list__item">
            <Link ctx={ctx} to={`${base(ctx)}/applications/new`}>{t('fund.apply')}</Link>
          </li>
        )}
        {props.canManage && (
          <>
            <li class="utrecht-unordered-list__item">
              <Link ctx={ctx} to={`${base(ctx)}/contributions`}>{t('fund.contributions')}</Link>
            </li>
            <li class="utrecht-unordered-list__item">
              <Link ctx={ctx} to={`${base(ctx)}/reports`}>{t('fund.reports')}</Link>
            </li>
          </>
        )}
      </ul>
      <Heading level={2}>{t('fund.perFund')}</Heading>
      {props.funds.length === 0 ? (
        <p class="utrecht-paragraph">{t('fund.noFunds')}</p>
      ) : (
        <Table caption={t('fund.perFund')} head={balanceHead(ctx, t('fund.col.fund'))}>
          {props.funds.map((row) => (
            <tr class="utrecht-table__row" id={`fund-${row.fund.id}`}>
              <th class="utrecht-table__header-cell" scope="row">
                {fundName(ctx, row)}
              </th>
              <BalanceCells ctx={ctx} balance={row.balance} perFte={perFte} />
            </tr>
          ))}
        </Table>
      )}
      <p class="utrecht-paragraph ks-muted">{t('fund.fteNote', { hours: formatHours(locale, perFte) })}</p>
      <Heading level={2}>{t('fund.perProject')}</Heading>
      {props.perProject.length === 0 ? (
        <p class="utrecht-paragraph">{t('fund.none')}</p>
      ) : (
        <Table caption={t('fund.perProject')} head={[t('fund.col.project'), t('fund.col.committed'), t('fund.col.paid'), t('fund.col.outstanding')]}>
          {props.perProject.map(({ project, balance }) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                <Link ctx={ctx} to={`/${ctx.programme!.slug}/projects/${project.code}`}>
                  {project.code}. <Text value={project.title} locale={locale} />
                </Link>
              </th>
              <AmountCell ctx={ctx} amounts={balance.committed} perFte={perFte} />
              <AmountCell ctx={ctx} amounts={balance.paid} perFte={perFte} />
              <AmountCell ctx={ctx} amounts={outstanding(balance)} perFte={perFte} />
            </tr>
          ))}
        </Table>
      )}
      <Heading level={2}>{t('fund.perYear')}</Heading>
      {props.perYear.length === 0 ? (
        <p class="utrecht-paragraph">{t('fund.none')}</p>
      ) : (
        <Table caption={t('fund.perYear')} head={balanceHead(ctx, t('fund.col.year'))}>
          {props.perYear.map(({ year, balance }) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                {year}
              </th>
              <BalanceCells ctx={ctx} balance={balance} perFte={perFte} />
            </tr>
          ))}
        </Table>
      )}
      {props.canManage && (
        <section aria-labelledby="hours-per-fte">
          <Heading level={2} id="hours-per-fte">
            {t('fund.hoursPerFteTitle')}
          </Heading>
          <FormErrors ctx={ctx} form={props.fteForm} />
          <form method="post" action={`/${locale}${base(ctx)}/hours-per-fte`} class="ks-form" noValidate>
            <CsrfField ctx={ctx} />
            <Field ctx={ctx} id="hours_per_fte" label={t('fund.field.hoursPerFte')} form={props.fteForm} description={t('fund.field.hoursPerFteHint')} inputMode="numeric" />
            <SubmitButton>{t('fund.hoursPerFteSave')}</SubmitButton>
          </form>
        </section>
      )}
      {props.canManage && (
        <section aria-labelledby="new-fund">
          <Heading level={2} id="new-fund">
            {t('fund.newFund')}
          </Heading>
          <FormErrors ctx={ctx} form={props.form} />
          <form method="post" action={`/${locale}${base(ctx)}/funds`} class="ks-form" noValidate>
            <CsrfField ctx={ctx} />
            <Select ctx={ctx} id="kind" label={t('fund.field.kind')} form={props.form} options={[['joint', t('fund.kind.joint')], ['earmarked', t('fund.kind.earmarked', { party: '…' })]]} />
            <Select ctx={ctx} id="party" label={t('fund.field.party')} form={props.form} blank options={props.parties.map((p) => [p.id, name(p.name, locale)])} />
            <Field ctx={ctx} id="name_nl" label={t('fund.field.nameNl')} form={props.form} />
            <Field ctx={ctx} id="name_en" label={t('fund.field.nameEn')} form={props.form} />
            <SubmitButton>{t('fund.newFund')}</SubmitButton>
          </form>
        </section>
      )}
    </Layout>
  );
}

export function FormErrors({ ctx, form }: { ctx: PageContext; form?: FormState }) {
  if (!form) return null;
  const keys = Object.keys(form.errors);
  if (!form.formError && keys.length === 0) return null;
  return (
    <Alert kind="error">
      {form.formError ? <p class="utrecht-paragraph">{ctx.t(form.formError)}</p> : <p class="utrecht-paragraph">{ctx.t('fund.errorSummary')}</p>}
      {keys.length > 0 && (
        <ul class="utrecht-unordered-list">
          {keys.map((k) => (
            <li class="utrecht-unordered-list__item">
              <a href={`#${k}`}>{ctx.t(form.errors[k]!)}</a>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

export function Field(props: { ctx: PageContext; id: string; label: string; form?: FormState; type?: 'text' | 'date' | 'number'; description?: string; inputMode?: 'decimal' | 'numeric' }) {
  const { ctx, id, form } = props;
  const error = form?.errors[id];
  return <TextField id={id} label={props.label} value={form?.values[id] ?? ''} type={props.type} error={error ? ctx.t(error) : undefined} description={props.description} inputMode={props.inputMode} />;
}

export function Select({ ctx, id, label, form, options, blank }: { ctx: PageContext; id: string; label: string; form?: FormState; options: [string, string][]; blank?: boolean }) {
  const error = form?.errors[id];
  return (
    <SelectField id={id} label={label} value={form?.values[id] ?? ''} error={error ? ctx.t(error) : undefined} empty={blank ? '—' : undefined} options={options.map(([value, text]) => ({ value, label: text }))} />
  );
}

export function LongField({ ctx, id, label, form, description }: { ctx: PageContext; id: string; label: string; form?: FormState; description?: string }) {
  const error = form?.errors[id];
  return <TextArea id={id} label={label} value={form?.values[id] ?? ''} error={error ? ctx.t(error) : undefined} description={description} />;
}

/** A meeting's calendar day in Amsterdam, written out. */
const meetingDate = (locale: Locale, startsAt: Date) => formatDate(locale, toAmsterdam(startsAt).date);

/** The first `max` characters of a text on one line, with an ellipsis when cut. */
function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function Idem({ form }: { form?: FormState }) {
  return <input type="hidden" name="idem" value={form?.values.idem ?? ''} />;
}

export function ContributionsPage(props: {
  ctx: PageContext;
  funds: FundRow[];
  parties: { id: string; name: LocalizedText }[];
  entries: { entry: { id: number; kind: string; amountCents: number; hours: number; year: number; note: string | null; createdAt: Date }; party: LocalizedText | null; fundLabel: string }[];
  perFte: number;
  contribution: FormState;
  correction: FormState;
  notice?: string;
}) {
  const { ctx, perFte } = props;
  const { t, locale } = ctx;
  const fundOptions = props.funds.map((f) => [f.fund.id, fundName(ctx, f)] as [string, string]);
  const partyOptions = props.parties.map((p) => [p.id, name(p.name, locale)] as [string, string]);
  return (
    <Layout ctx={ctx} title={t('fund.contributions')} indexable={false} crumbs={crumbs(ctx, { label: t('fund.contributions') })}>
      <Heading level={1}>{t('fund.contributions')}</Heading>
      {props.notice && <Alert kind="ok">{t(props.notice)}</Alert>}
      <section aria-labelledby="contribute">
        <Heading level={2} id="contribute">
          {t('fund.contribute')}
        </Heading>
        <FormErrors ctx={ctx} form={props.contribution} />
        <form method="post" action={`/${locale}${base(ctx)}/contributions`} class="ks-form" noValidate>
          <CsrfField ctx={ctx} />
          <Idem form={props.contribution} />
          <Select ctx={ctx} id="fund" label={t('fund.field.fund')} form={props.contribution} options={fundOptions} />
          <Select ctx={ctx} id="party" label={t('fund.field.party')} form={props.contribution} blank options={partyOptions} />
          <Field ctx={ctx} id="year" label={t('fund.field.year')} form={props.contribution} />
          <Field ctx={ctx} id="amount" label={t('fund.field.amount')} form={props.contribution} description={t('fund.field.amountHint')} />
          <Field ctx={ctx} id="hours" label={t('fund.field.hours')} form={props.contribution} description={t('fund.field.hoursHint', { hours: formatHours(locale, perFte) })} />
          <Field ctx={ctx} id="note" label={t('fund.field.note')} form={props.contribution} />
          <SubmitButton>{t('fund.contribute')}</SubmitButton>
        </form>
      </section>
      <section aria-labelledby="correct">
        <Heading level={2} id="correct">
          {t('fund.correct')}
        </Heading>
        <FormErrors ctx={ctx} form={props.correction} />
        <form method="post" action={`/${locale}${base(ctx)}/corrections`} class="ks-form" noValidate>
          <CsrfField ctx={ctx} />
          <Idem form={props.correction} />
          <Select ctx={ctx} id="c_fund" label={t('fund.field.fund')} form={props.correction} options={fundOptions} />
          <Select ctx={ctx} id="c_party" label={t('fund.field.party')} form={props.correction} blank options={partyOptions} />
          <Field ctx={ctx} id="c_year" label={t('fund.field.year')} form={props.correction} />
          <Select ctx={ctx} id="c_direction" label={t('fund.field.direction')} form={props.correction} options={[['down', t('fund.direction.down')], ['up', t('fund.direction.up')]]} />
          <Field ctx={ctx} id="c_amount" label={t('fund.field.amount')} form={props.correction} description={t('fund.field.amountHint')} />
          <Field ctx={ctx} id="c_hours" label={t('fund.field.hours')} form={props.correction} />
          <Field ctx={ctx} id="c_reason" label={t('fund.field.reason')} form={props.correction} />
          <SubmitButton>{t('fund.correct')}</SubmitButton>
        </form>
      </section>
      <Heading level={2}>{t('fund.ledger')}</Heading>
      {props.entries.length === 0 ? (
        <p class="utrecht-paragraph">{t('fund.none')}</p>
      ) : (
        <Table caption={t('fund.ledger')} head={[t('fund.col.date'), t('fund.col.kind'), t('fund.col.fund'), t('fund.col.party'), t('fund.col.year'), t('fund.col.amount'), t('fund.col.hours'), t('fund.col.note')]}>
          {props.entries.map(({ entry, party, fundLabel }) => (
            <tr class="utrecht-table__row">
              {td(formatDateTime(locale, entry.createdAt))}
              {td(t(`fund.entry.${entry.kind}`))}
              {td(fundLabel)}
              {td(party ? <Text value={party} locale={locale} /> : '')}
              {td(entry.year)}
              {td(formatCents(locale, entry.amountCents), true)}
              {td(entry.hours ? <Hours ctx={ctx} hours={entry.hours} perFte={perFte} /> : '', true)}
              {td(entry.note ?? '')}
            </tr>
          ))}
        </Table>
      )}
    </Layout>
  );
}

export function ApplicationsPage(props: { ctx: PageContext; applications: Row<typeof listApplications>; canApply: boolean; perFte: number; notice?: string }) {
  const { ctx } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('fund.applications')} indexable={false} crumbs={crumbs(ctx, { label: t('fund.applications') })}>
      <Heading level={1}>{t('fund.applications')}</Heading>
      {props.notice && <Alert kind="ok">{t(props.notice)}</Alert>}
      {props.canApply && (
        <p class="utrecht-paragraph">
          <Link ctx={ctx} to={`${base(ctx)}/applications/new`}>{t('fund.apply')}</Link>
        </p>
      )}
      {props.applications.length === 0 ? (
        <p class="utrecht-paragraph">{t('fund.noApplications')}</p>
      ) : (
        <Table caption={t('fund.applications')} head={[t('fund.col.project'), t('fund.col.fund'), t('fund.col.requested'), t('fund.col.awarded'), t('fund.col.status')]}>
          {props.applications.map(({ application, project, fundName: fname }) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                <Link ctx={ctx} to={`${base(ctx)}/applications/${application.id}`}>
                  {project.code}. <Text value={project.title} locale={locale} />
                </Link>
              </th>
              {td(<Text value={fname} locale={locale} />)}
              {td(
                <>
                  {formatCents(locale, application.requestedCents)}
                  {application.requestedHours > 0 && (
                    <>
                      <br />
                      <Hours ctx={ctx} hours={application.requestedHours} perFte={props.perFte} />
                    </>
                  )}
                </>,
                true,
              )}
              {td(application.decision ? formatCents(locale, application.awardedCents) : '—', true)}
              {td(t(`fund.status.${application.status}`))}
            </tr>
          ))}
        </Table>
      )}
    </Layout>
  );
}

export function ApplicationFormPage(props: { ctx: PageContext; form: FormState; projects: { id: string; code: string; title: LocalizedText }[]; funds: FundRow[]; perFte: number }) {
  const { ctx, form } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('fund.apply')} indexable={false} crumbs={crumbs(ctx, { label: t('fund.applications'), href: `/${locale}${base(ctx)}/applications` }, { label: t('fund.apply') })}>
      <Heading level={1}>{t('fund.apply')}</Heading>
      <p class="utrecht-paragraph">{t('fund.applyIntro')}</p>
      <FormErrors ctx={ctx} form={form} />
      <form method="post" action={`/${locale}${base(ctx)}/applications`} class="ks-form" noValidate>
        <CsrfField ctx={ctx} />
        <Idem form={form} />
        <Select ctx={ctx} id="project" label={t('fund.field.project')} form={form} options={props.projects.map((p) => [p.id, `${p.code}. ${name(p.title, locale)}`])} />
        <Select ctx={ctx} id="fund" label={t('fund.field.fund')} form={form} options={props.funds.map((f) => [f.fund.id, fundName(ctx, f)])} />
        <Field ctx={ctx} id="amount" label={t('fund.field.amount')} form={form} description={t('fund.field.amountHint')} />
        <Field ctx={ctx} id="hours" label={t('fund.field.hours')} form={form} description={t('fund.field.hoursHint', { hours: formatHours(locale, props.perFte) })} />
        <LongField ctx={ctx} id="purpose_nl" label={t('fund.field.purposeNl')} form={form} />
        <LongField ctx={ctx} id="purpose_en" label={t('fund.field.purposeEn')} form={form} />
        <Field ctx={ctx} id="period_start" type="date" label={t('fund.field.periodStart')} form={form} />
        <Field ctx={ctx} id="period_end" type="date" label={t('fund.field.periodEnd')} form={form} />
        <LongField ctx={ctx} id="budget_lines" label={t('fund.field.budgetLines')} form={form} description={t('fund.field.budgetLinesHint')} />
        <SubmitButton>{t('fund.apply')}</SubmitButton>
      </form>
    </Layout>
  );
}

export function ApplicationPage(props: {
  ctx: PageContext;
  data: NonNullable<Row<typeof getApplication>>;
  criteria: CriterionResult[];
  open: Amounts;
  perFte: number;
  may: { advise: boolean; award: boolean; manage: boolean };
  advice: FormState;
  decision: FormState;
  /** The executive level's recorded decisions the award may refer to (only for those who award). */
  decisionOptions: { id: string; text: LocalizedText; startsAt: Date }[];
  /** Whether the reader may open the linked decision's meeting page. */
  minutesMeetingVisible: boolean;
  movement: FormState;
  notice?: string;
}) {
  const { ctx, data, perFte, may } = props;
  const { t, locale } = ctx;
  const { application, project } = data;
  const title = t('fund.application', { code: `${project.code}. ${name(project.title, locale)}` });
  const undecided = application.status === 'submitted' || application.status === 'advised';
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={crumbs(ctx, { label: t('fund.applications'), href: `/${locale}${base(ctx)}/applications` }, { label: title })}>
      <Heading level={1}>{title}</Heading>
      {props.notice && <Alert kind="ok">{t(props.notice)}</Alert>}
      <dl class="ks-dl">
        <dt>{t('fund.col.status')}</dt>
        <dd id="application-status">{t(`fund.status.${application.status}`)}</dd>
        <dt>{t('fund.col.fund')}</dt>
        <dd>
          <Text value={data.fund.name} locale={locale} />
        </dd>
        <dt>{t('fund.col.requested')}</dt>
        <dd>
          {formatCents(locale, application.requestedCents)}
          {application.requestedHours > 0 && (
            <>
              {', '}
              <Hours ctx={ctx} hours={application.requestedHours} perFte={perFte} />
            </>
          )}
        </dd>
        <dt>{t('fund.period')}</dt>
        <dd>
          {formatDate(locale, application.periodStart)} – {formatDate(locale, application.periodEnd)}
        </dd>
        <dt>{t('fund.applicant')}</dt>
        <dd>{data.applicant ?? '—'}</dd>
      </dl>
      <Heading level={2}>{t('fund.purpose')}</Heading>
      <Prose value={application.purpose} locale={locale} />
      {application.budgetLines.length > 0 && (
        <Table caption={t('fund.budgetLines')} head={[t('fund.col.note'), t('fund.col.amount')]}>
          {application.budgetLines.map((line) => (
            <tr class="utrecht-table__row">
              {td(line.description)}
              {td(formatCents(locale, line.cents), true)}
            </tr>
          ))}
        </Table>
      )}
      <Heading level={2}>{t('fund.projectStatus')}</Heading>
      <dl class="ks-dl">
        <dt>{t('fund.lifecycle')}</dt>
        <dd>{t(`lifecycle.${project.lifecycle as Lifecycle}`)}</dd>
      </dl>
      <Heading level={3}>{t('fund.criteria')}</Heading>
      <ul class="utrecht-unordered-list">
        {props.criteria.map((c) => (
          <li class="utrecht-unordered-list__item" id={`criterion-${c.letter}`}>
            <strong>
              {c.letter}. {t(`pf.criterion.state.${c.state}`)}
            </strong>
            {': '}
            {t(`pf.criterion.${c.reason}`, c.values)}
          </li>
        ))}
      </ul>
      <Heading level={2}>{t('fund.adviceTitle')}</Heading>
      {application.advice ? (
        <p class="utrecht-paragraph" id="advice-given">
          <strong>{t(`fund.advice.${application.advice}`)}</strong>
          {application.adviceNote ? ` — ${application.adviceNote}` : ''}
        </p>
      ) : (
        <p class="utrecht-paragraph">{t('fund.adviceNone')}</p>
      )}
      {may.advise && undecided && (
        <form method="post" action={`/${locale}${base(ctx)}/applications/${application.id}/advice`} class="ks-form" noValidate>
          <FormErrors ctx={ctx} form={props.advice} />
          <CsrfField ctx={ctx} />
          <Select ctx={ctx} id="advice" label={t('fund.field.advice')} form={props.advice} blank options={(['support', 'support_partly', 'against'] as const).map((a) => [a, t(`fund.advice.${a}`)])} />
          <Field ctx={ctx} id="advice_note" label={t('fund.field.note')} form={props.advice} />
          <SubmitButton>{t('fund.advise')}</SubmitButton>
        </form>
      )}
      <Heading level={2}>{t('fund.decisionTitle')}</Heading>
      {application.decision ? (
        <p class="utrecht-paragraph" id="decision-given">
          <strong>{t(`fund.decision.${application.decision}`)}</strong>: {formatCents(locale, application.awardedCents)}
          {application.awardedHours > 0 && (
            <>
              {', '}
              <Hours ctx={ctx} hours={application.awardedHours} perFte={perFte} />
            </>
          )}
          {application.decisionNote ? ` — ${application.decisionNote}` : ''}
        </p>
      ) : (
        <p class="utrecht-paragraph">{t('fund.decisionNone')}</p>
      )}
      {data.minutes?.startsAt && (
        <p class="utrecht-paragraph" id="decision-minutes">
          {t('fund.minutesDecision')}:{' '}
          <Link ctx={ctx} to={props.minutesMeetingVisible ? `/${ctx.programme!.slug}/meetings/${data.minutes.meetingId}` : `/${ctx.programme!.slug}/decisions`}>
            {meetingDate(locale, data.minutes.startsAt)}
          </Link>
          {' — '}
          <Text value={data.minutes.text} locale={locale} />
        </p>
      )}
      {!undecided && <FormErrors ctx={ctx} form={props.decision} />}
      {may.award && undecided && (
        <form method="post" action={`/${locale}${base(ctx)}/applications/${application.id}/award`} class="ks-form" noValidate>
          <FormErrors ctx={ctx} form={props.decision} />
          <CsrfField ctx={ctx} />
          <Idem form={props.decision} />
          <Select ctx={ctx} id="decision" label={t('fund.field.decision')} form={props.decision} blank options={(['full', 'partial', 'none'] as const).map((d) => [d, t(`fund.decision.${d}`)])} />
          <Field ctx={ctx} id="partial_amount" label={t('fund.field.partialAmount')} form={props.decision} description={t('fund.field.amountHint')} />
          <Field ctx={ctx} id="partial_hours" label={t('fund.field.partialHours')} form={props.decision} />
          <Field ctx={ctx} id="decision_note" label={t('fund.field.note')} form={props.decision} />
          <SelectField
            id="decision_id"
            label={t('fund.field.minutesDecision')}
            description={t('fund.field.minutesDecisionHint')}
            value={props.decision.values.decision_id ?? ''}
            error={props.decision.errors.decision_id ? t(props.decision.errors.decision_id) : undefined}
            empty="—"
            options={props.decisionOptions.map((d) => ({ value: d.id, label: `${meetingDate(locale, d.startsAt)} — ${excerpt(name(d.text, locale), 80)}` }))}
          />
          <SubmitButton>{t('fund.decide')}</SubmitButton>
        </form>
      )}
      {(application.status === 'awarded' || application.status === 'partial') && (
        <>
          <Heading level={2}>{t('fund.movements')}</Heading>
          <p class="utrecht-paragraph" id="open">
            {t('fund.open', { amount: formatCents(locale, props.open.cents), hours: formatHours(locale, props.open.hours) })}
          </p>
          {data.entries.length > 0 && (
            <Table caption={t('fund.ledger')} head={[t('fund.col.date'), t('fund.col.kind'), t('fund.col.amount'), t('fund.col.hours'), t('fund.col.note')]}>
              {data.entries.map((entry) => (
                <tr class="utrecht-table__row">
                  {td(formatDateTime(locale, entry.createdAt))}
                  {td(t(`fund.entry.${entry.kind}`))}
                  {td(formatCents(locale, entry.amountCents), true)}
                  {td(entry.hours ? <Hours ctx={ctx} hours={entry.hours} perFte={perFte} /> : '', true)}
                  {td(entry.note ?? '')}
                </tr>
              ))}
            </Table>
          )}
          {may.manage && (props.open.cents > 0 || props.open.hours > 0) && (
            <form method="post" action={`/${locale}${base(ctx)}/applications/${application.id}/movements`} class="ks-form" noValidate>
              <FormErrors ctx={ctx} form={props.movement} />
              <CsrfField ctx={ctx} />
              <Idem form={props.movement} />
              <Select ctx={ctx} id="movement" label={t('fund.col.kind')} form={props.movement} options={[['payment', t('fund.pay')], ['release', t('fund.release')]]} />
              <Field ctx={ctx} id="m_amount" label={t('fund.field.amount')} form={props.movement} description={t('fund.field.amountHint')} />
              <Field ctx={ctx} id="m_hours" label={t('fund.field.hours')} form={props.movement} />
              <Field ctx={ctx} id="m_note" label={t('fund.field.note')} form={props.movement} />
              <SubmitButton>{t('fund.submit')}</SubmitButton>
            </form>
          )}
        </>
      )}
    </Layout>
  );
}

function Downloads({ ctx, report, label }: { ctx: PageContext; report: 'parties' | 'projects'; label: string }) {
  return (
    <ul class="utrecht-unordered-list">
      {(['csv', 'xlsx'] as const).map((format) => (
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={`/${ctx.locale}${base(ctx)}/reports/${report}.${format}`} download>
            {ctx.t(format === 'csv' ? 'fund.exportCsv' : 'fund.exportXlsx')} ({label})
          </a>
        </li>
      ))}
    </ul>
  );
}

export function ReportsPage(props: { ctx: PageContext; parties: Row<typeof partyReport>; perProject: { project: { code: string; title: LocalizedText }; balance: Balance }[]; perFte: number }) {
  const { ctx, perFte } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('fund.reports')} indexable={false} crumbs={crumbs(ctx, { label: t('fund.reports') })}>
      <Heading level={1}>{t('fund.reports')}</Heading>
      <Heading level={2}>{t('fund.reportParties')}</Heading>
      <Downloads ctx={ctx} report="parties" label={t('fund.reportParties')} />
      {props.parties.length === 0 ? (
        <p class="utrecht-paragraph">{t('fund.none')}</p>
      ) : (
        <Table caption={t('fund.reportParties')} head={[t('fund.col.party'), t('fund.col.contributed'), t('fund.col.hours'), t('fund.col.project')]}>
          {props.parties.map((p) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                <Text value={p.organisation.name} locale={locale} />
              </th>
              {td(formatCents(locale, p.contributed.cents), true)}
              {td(<Hours ctx={ctx} hours={p.contributed.hours} perFte={perFte} />, true)}
              {td(p.projects.length ? p.projects.map((pr) => `${pr.code}: ${formatCents(locale, pr.balance.committed.cents)}`).join('; ') : '—')}
            </tr>
          ))}
        </Table>
      )}
      <Heading level={2}>{t('fund.reportProjects')}</Heading>
      <Downloads ctx={ctx} report="projects" label={t('fund.reportProjects')} />
      {props.perProject.length === 0 ? (
        <p class="utrecht-paragraph">{t('fund.none')}</p>
      ) : (
        <Table caption={t('fund.reportProjects')} head={[t('fund.col.project'), t('fund.col.awarded'), t('fund.col.paid'), t('fund.col.hours')]}>
          {props.perProject.map(({ project, balance }) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                {project.code}. <Text value={project.title} locale={locale} />
              </th>
              {td(formatCents(locale, balance.committed.cents), true)}
              {td(formatCents(locale, balance.paid.cents), true)}
              {td(<Hours ctx={ctx} hours={balance.committed.hours} perFte={perFte} />, true)}
            </tr>
          ))}
        </Table>
      )}
    </Layout>
  );
}
