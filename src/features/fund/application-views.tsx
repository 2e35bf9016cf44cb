// Applications for the fund: the list, the form a lead applies with, and one application's page
// with the support level's advice, the executive level's decision, and payments and releases.
import type { FundAwardDecision } from '../../db/schema.ts';
import type { Amounts } from '../../domain/ledger.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { formatCents, formatHours } from '../../domain/money.ts';
import type { CriterionResult } from '../../domain/criteria.ts';
import type { Lifecycle } from '../../db/schema.ts';
import { Alert, Heading, Link, Prose, SelectField, SubmitButton, Text, TextArea, TextField, DataItem, DataList } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { BilingualField, ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { formatDate, formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { FundRow, getApplication, listApplications } from './queries.ts';
import { ADVICE_KINDS } from './tables.ts';
import { AdviceInput, ApplicationInput, AWARD_DECISIONS, AwardInput, MOVEMENT_KINDS, MovementInput } from './schema.ts';
import { base, crumbs, excerpt, fundName, Hours, IdempotencyKey, meetingDate, name, Table, td, type Row } from './view-parts.tsx';

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

export function ApplicationFormPage(props: { ctx: PageContext; state?: FormState; idem: string; projects: { id: string; code: string; title: LocalizedText }[]; funds: FundRow[]; perFte: number }) {
  const { ctx, state } = props;
  const { t, locale } = ctx;
  const form = 'application';
  const field = (fieldName: string) => fieldProps(ctx, ApplicationInput, state, form, fieldName);
  return (
    <Layout ctx={ctx} title={t('fund.apply')} indexable={false} crumbs={crumbs(ctx, { label: t('fund.applications'), href: `/${locale}${base(ctx)}/applications` }, { label: t('fund.apply') })}>
      <Heading level={1}>{t('fund.apply')}</Heading>
      <p class="utrecht-paragraph">{t('fund.applyIntro')}</p>
      <ErrorSummary ctx={ctx} state={state} form={form} />
      <PostForm ctx={ctx} id={form} action={`/${locale}${base(ctx)}/applications`} label={t('fund.apply')}>
        <IdempotencyKey state={state} form={form} fresh={props.idem} />
        <SelectField {...field('project')} label={t('fund.field.project')} options={props.projects.map((p) => ({ value: p.id, label: `${p.code}. ${name(p.title, locale)}` }))} />
        <SelectField {...field('fund')} label={t('fund.field.fund')} options={props.funds.map((f) => ({ value: f.fund.id, label: fundName(ctx, f) }))} />
        <TextField {...field('amount')} label={t('fund.field.amount')} description={t('fund.field.amountHint')} inputMode="decimal" />
        <TextField {...field('hours')} label={t('fund.field.hours')} description={t('fund.field.hoursHint', { hours: formatHours(locale, props.perFte) })} inputMode="numeric" />
        <BilingualField ctx={ctx} schema={ApplicationInput} state={state} form={form} name="purpose" label={t('fund.field.purpose')} multiline required />
        <TextField {...field('periodStart')} type="date" label={t('fund.field.periodStart')} />
        <TextField {...field('periodEnd')} type="date" label={t('fund.field.periodEnd')} />
        <TextArea {...field('budgetLines')} label={t('fund.field.budgetLines')} description={t('fund.field.budgetLinesHint')} />
        <SubmitButton>{t('fund.apply')}</SubmitButton>
      </PostForm>
    </Layout>
  );
}

export function ApplicationPage(props: {
  ctx: PageContext;
  data: NonNullable<Row<typeof getApplication>>;
  criteria: CriterionResult[];
  open: Amounts;
  perFte: number;
  may: { advise: boolean; award: boolean; pay: boolean };
  /** The refused form (advice, award or movement), if any. */
  state?: FormState;
  /** A fresh idempotency key for the award and movement forms. */
  idem: string;
  /** The executive level's recorded decisions the award may refer to (only for those who award). */
  decisionOptions: { id: string; text: LocalizedText; startsAt: Date }[];
  /** Whose confirmed decision an award rests on: a programme setting, not in the agreement. */
  awardRule: FundAwardDecision;
  /** Whether the reader may open the linked decision's meeting page. */
  minutesMeetingVisible: boolean;
  notice?: string;
}) {
  const { ctx, data, perFte, may, state } = props;
  const { t, locale } = ctx;
  const { application, project } = data;
  const title = t('fund.application', { code: `${project.code}. ${name(project.title, locale)}` });
  const undecided = application.status === 'submitted' || application.status === 'advised';
  const action = (step: string) => `/${locale}${base(ctx)}/applications/${application.id}/${step}`;
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={crumbs(ctx, { label: t('fund.applications'), href: `/${locale}${base(ctx)}/applications` }, { label: title })}>
      <Heading level={1}>{title}</Heading>
      {props.notice && <Alert kind="ok">{t(props.notice)}</Alert>}
      <DataList>
        <DataItem label={t('fund.col.status')} id="application-status">{t(`fund.status.${application.status}`)}</DataItem>
        <DataItem label={t('fund.col.fund')}>
          <Text value={data.fund.name} locale={locale} />
        </DataItem>
        <DataItem label={t('fund.col.requested')}>
          {formatCents(locale, application.requestedCents)}
          {application.requestedHours > 0 && (
            <>
              {', '}
              <Hours ctx={ctx} hours={application.requestedHours} perFte={perFte} />
            </>
          )}
        </DataItem>
        <DataItem label={t('fund.period')}>
          {formatDate(locale, application.periodStart)} – {formatDate(locale, application.periodEnd)}
        </DataItem>
        <DataItem label={t('fund.applicant')}>{data.applicant ?? '—'}</DataItem>
      </DataList>
      <Heading level={2}>{t('fund.purpose')}</Heading>
      <Prose value={application.purpose} locale={locale} />
      {application.budgetLines.length > 0 && (
        <>
          <Table caption={t('fund.budgetLines')} head={[t('fund.col.note'), t('fund.col.amount')]}>
            {application.budgetLines.map((line) => (
              <tr class="utrecht-table__row">
                {td(line.description)}
                {td(formatCents(locale, line.cents), true)}
              </tr>
            ))}
          </Table>
          <BudgetCheck ctx={ctx} lines={application.budgetLines} requestedCents={application.requestedCents} />
        </>
      )}
      <Heading level={2}>{t('fund.projectStatus')}</Heading>
      <DataList>
        <DataItem label={t('fund.lifecycle')}>{t(`lifecycle.${project.lifecycle as Lifecycle}`)}</DataItem>
      </DataList>
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
        <>
          <ErrorSummary ctx={ctx} state={state} form="advice" />
          <PostForm ctx={ctx} id="advice" action={action('advice')} label={t('fund.advise')}>
            <SelectField {...fieldProps(ctx, AdviceInput, state, 'advice', 'advice')} label={t('fund.field.advice')} empty="—" options={ADVICE_KINDS.map((a) => ({ value: a, label: t(`fund.advice.${a}`) }))} />
            <TextField {...fieldProps(ctx, AdviceInput, state, 'advice', 'note')} label={t('fund.field.note')} />
            <SubmitButton>{t('fund.advise')}</SubmitButton>
          </PostForm>
        </>
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
      {/* Decided meanwhile ("already decided"): the form is gone, its refusal is shown. */}
      {!(may.award && undecided) && <ErrorSummary ctx={ctx} state={state} form="award" />}
      {may.award && undecided && (
        <>
          <ErrorSummary ctx={ctx} state={state} form="award" />
          <PostForm ctx={ctx} id="award" action={action('award')} label={t('fund.decide')}>
            <IdempotencyKey state={state} form="award" fresh={props.idem} />
            <SelectField {...fieldProps(ctx, AwardInput, state, 'award', 'decision')} label={t('fund.field.decision')} empty="—" options={AWARD_DECISIONS.map((d) => ({ value: d, label: t(`fund.decision.${d}`) }))} />
            <TextField {...fieldProps(ctx, AwardInput, state, 'award', 'amount')} label={t('fund.field.partialAmount')} description={t('fund.field.amountHint')} inputMode="decimal" />
            <TextField {...fieldProps(ctx, AwardInput, state, 'award', 'hours')} label={t('fund.field.partialHours')} inputMode="numeric" />
            <TextField {...fieldProps(ctx, AwardInput, state, 'award', 'note')} label={t('fund.field.note')} />
            {props.decisionOptions.length === 0 && (
              <p class="utrecht-paragraph" id="award-no-decision">
                {t(props.awardRule === 'either' ? 'fund.noAwardDecisionEither' : 'fund.noAwardDecision')}{' '}
                <Link ctx={ctx} to={`/${ctx.programme!.slug}/meetings`}>
                  {t('fund.toMeetings')}
                </Link>
              </p>
            )}
            <SelectField
              {...fieldProps(ctx, AwardInput, state, 'award', 'decisionId')}
              required
              label={t('fund.field.minutesDecision')}
              description={`${t('fund.notInAgreement')}: ${t('fund.awardRuleCurrent', { rule: t(`fund.awardRule.${props.awardRule}`) })} ${t('fund.field.minutesDecisionHint')}`}
              empty="—"
              options={props.decisionOptions.map((d) => ({ value: d.id, label: `${meetingDate(locale, d.startsAt)} — ${excerpt(name(d.text, locale), 80)}` }))}
            />
            <SubmitButton>{t('fund.decide')}</SubmitButton>
          </PostForm>
        </>
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
          {may.pay && (props.open.cents > 0 || props.open.hours > 0) && (
            <>
              <ErrorSummary ctx={ctx} state={state} form="movement" />
              <PostForm ctx={ctx} id="movement" action={action('movements')} label={t('fund.movements')}>
                <IdempotencyKey state={state} form="movement" fresh={props.idem} />
                <SelectField
                  {...fieldProps(ctx, MovementInput, state, 'movement', 'movement')}
                  label={t('fund.col.kind')}
                  options={MOVEMENT_KINDS.map((kind) => ({ value: kind, label: t(kind === 'payment' ? 'fund.pay' : 'fund.release') }))}
                />
                <TextField {...fieldProps(ctx, MovementInput, state, 'movement', 'amount')} label={t('fund.field.amount')} description={t('fund.field.amountHint')} inputMode="decimal" />
                <TextField {...fieldProps(ctx, MovementInput, state, 'movement', 'hours')} label={t('fund.field.hours')} inputMode="numeric" />
                <TextField {...fieldProps(ctx, MovementInput, state, 'movement', 'note')} label={t('fund.field.note')} />
                <SubmitButton>{t('fund.submit')}</SubmitButton>
              </PostForm>
            </>
          )}
        </>
      )}
    </Layout>
  );
}

/** A budget whose lines do not add up to the amount asked is shown, not refused: the body may still decide on it. */
function BudgetCheck({ ctx, lines, requestedCents }: { ctx: PageContext; lines: readonly { cents: number }[]; requestedCents: number }) {
  const total = lines.reduce((sum, line) => sum + line.cents, 0);
  if (total === requestedCents) return null;
  return (
    <Alert kind="warning">
      <p class="utrecht-paragraph" id="budget-mismatch">
        {ctx.t('fund.budgetMismatch', { total: formatCents(ctx.locale, total), requested: formatCents(ctx.locale, requestedCents) })}
      </p>
    </Alert>
  );
}
