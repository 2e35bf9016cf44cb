// The fund's own pages: the overview of balances (with setting up a fund and the hours per FTE)
// and the coordinator's contributions page (contributions and corrections, with the ledger).
import { outstanding, withCarryOver, type Balance } from '../../domain/ledger.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { formatCents, formatHours } from '../../domain/money.ts';
import { Alert, Heading, Link, SelectField, SubmitButton, Text, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { BilingualField, ErrorSummary, errorOf, fieldProps, PostForm, RadioGroup } from '../../web/form-components.tsx';
import { typedValue, type FormState } from '../../web/forms.ts';
import { FUND_AWARD_DECISIONS, type FundAwardDecision } from '../../db/schema.ts';
import { formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { FundRow } from './queries.ts';
import { ContributionInput, CorrectionInput, FundInput, HoursPerFteInput } from './schema.ts';
import { AmountCell, BalanceCells, balanceHead, base, crumbs, fundName, Hours, IdempotencyKey, name, Table, td } from './view-parts.tsx';
import { today } from '../../clock.ts';

type Party = { id: string; name: LocalizedText };

export function FundOverviewPage(props: {
  ctx: PageContext;
  funds: FundRow[];
  perProject: { project: { code: string; title: LocalizedText }; balance: Balance }[];
  perYear: { year: number; balance: Balance }[];
  perFte: number;
  /** Whose confirmed decision an award rests on (a programme setting, not in the agreement). */
  awardRule: FundAwardDecision;
  /** partnerView: a partner organisation's contact, who sees their earmark and the joint funds only. */
  may: { manage: boolean; apply: boolean; contribute: boolean; viewReports: boolean; partnerView: boolean };
  notice?: string;
  state?: FormState;
  parties: Party[];
}) {
  const { ctx, perFte, may, state } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('fund.title')} indexable={false} crumbs={crumbs(ctx).slice(0, 2).map((c, i) => (i === 1 ? { label: c.label } : c))}>
      <Heading level={1}>{t('fund.title')}</Heading>
      {props.notice && <Alert kind="ok">{t(props.notice)}</Alert>}
      <p class="utrecht-paragraph">{t('fund.intro')}</p>
      {may.partnerView && (
        <p class="utrecht-paragraph" id="fund-partner-help">
          {t('fund.partnerHelp')}
        </p>
      )}
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <Link ctx={ctx} to={`${base(ctx)}/applications`}>{t('fund.applications')}</Link>
        </li>
        {may.apply && (
          <li class="utrecht-unordered-list__item">
            <Link ctx={ctx} to={`${base(ctx)}/applications/new`}>{t('fund.apply')}</Link>
          </li>
        )}
        {may.contribute && (
          <li class="utrecht-unordered-list__item">
            <Link ctx={ctx} to={`${base(ctx)}/contributions`}>{t('fund.contributions')}</Link>
          </li>
        )}
        {may.viewReports && (
          <li class="utrecht-unordered-list__item">
            <Link ctx={ctx} to={`${base(ctx)}/reports`}>{t('fund.reports')}</Link>
          </li>
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
        <>
          <p class="utrecht-paragraph" id="per-year-hint">
            {t('fund.perYearHint')}
          </p>
          <Table caption={t('fund.perYear')} head={[t('fund.col.year'), t('fund.col.broughtForward'), t('fund.col.contributed'), t('fund.col.committed'), t('fund.col.paid'), t('fund.col.carriedForward')]}>
            {withCarryOver(props.perYear).map(({ year, broughtForward, balance, carriedForward }) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  {year}
                </th>
                {[broughtForward, balance.contributed, balance.committed, balance.paid, carriedForward].map((amounts) => (
                  <AmountCell ctx={ctx} amounts={amounts} perFte={perFte} />
                ))}
              </tr>
            ))}
          </Table>
        </>
      )}
      <section aria-labelledby="award-rule">
        <Heading level={2} id="award-rule">
          {t('fund.awardRuleTitle')}
        </Heading>
        <p class="utrecht-paragraph">
          <span class="utrecht-data-badge ks-badge">{t('fund.notInAgreement')}</span> {t('fund.awardRuleIntro')}
        </p>
        <p class="utrecht-paragraph" id="award-rule-current">
          {t('fund.awardRuleCurrent', { rule: t(`fund.awardRule.${props.awardRule}`) })}
        </p>
        {may.manage && (
          <>
            <ErrorSummary ctx={ctx} state={state} form="award-rule" />
            <PostForm ctx={ctx} id="award-rule-form" action={`/${locale}${base(ctx)}/award-rule`} label={t('fund.awardRuleTitle')}>
              <RadioGroup
                id="award-rule-rule"
                name="rule"
                legend={t('fund.field.awardRule')}
                value={typedValue(state, 'award-rule', 'rule', props.awardRule)}
                options={FUND_AWARD_DECISIONS.map((r) => ({ value: r, label: t(`fund.awardRule.${r}`) }))}
                error={errorOf(ctx, state, 'award-rule', 'rule')}
              />
              <SubmitButton>{t('fund.awardRuleSave')}</SubmitButton>
            </PostForm>
          </>
        )}
      </section>
      {may.manage && (
        <section aria-labelledby="hours-per-fte">
          <Heading level={2} id="hours-per-fte">
            {t('fund.hoursPerFteTitle')}
          </Heading>
          <ErrorSummary ctx={ctx} state={state} form="fte" />
          <PostForm ctx={ctx} id="fte" action={`/${locale}${base(ctx)}/hours-per-fte`} label={t('fund.hoursPerFteTitle')}>
            <TextField {...fieldProps(ctx, HoursPerFteInput, state, 'fte', 'hoursPerFte', String(perFte))} label={t('fund.field.hoursPerFte')} description={t('fund.field.hoursPerFteHint')} inputMode="numeric" />
            <SubmitButton>{t('fund.hoursPerFteSave')}</SubmitButton>
          </PostForm>
        </section>
      )}
      {may.manage && (
        <section aria-labelledby="new-fund">
          <Heading level={2} id="new-fund">
            {t('fund.newFund')}
          </Heading>
          <ErrorSummary ctx={ctx} state={state} form="fund" />
          <PostForm ctx={ctx} id="fund" action={`/${locale}${base(ctx)}/funds`} label={t('fund.newFund')}>
            <SelectField
              {...fieldProps(ctx, FundInput, state, 'fund', 'kind')}
              label={t('fund.field.kind')}
              options={[
                { value: 'joint', label: t('fund.kind.joint') },
                { value: 'earmarked', label: t('fund.kind.earmarked', { party: '…' }) },
              ]}
            />
            <SelectField {...fieldProps(ctx, FundInput, state, 'fund', 'party')} label={t('fund.field.party')} empty="—" options={props.parties.map((p) => ({ value: p.id, label: name(p.name, locale) }))} />
            <BilingualField ctx={ctx} schema={FundInput} state={state} form="fund" name="name" label={t('fund.field.name')} required />
            <SubmitButton>{t('fund.newFund')}</SubmitButton>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}

type LedgerRow = { entry: { id: number; kind: string; amountCents: number; hours: number; year: number; note: string | null; createdAt: Date }; party: LocalizedText | null; fundLabel: string };

export function ContributionsPage(props: { ctx: PageContext; funds: FundRow[]; parties: Party[]; entries: LedgerRow[]; perFte: number; state?: FormState; idem: string; notice?: string }) {
  const { ctx, perFte, state } = props;
  const { t, locale } = ctx;
  const year = today().slice(0, 4);
  const fundOptions = props.funds.map((f) => ({ value: f.fund.id, label: fundName(ctx, f) }));
  const partyOptions = props.parties.map((p) => ({ value: p.id, label: name(p.name, locale) }));
  const amountHint = t('fund.field.amountHint');
  const hoursHint = t('fund.field.hoursHint', { hours: formatHours(locale, perFte) });
  return (
    <Layout ctx={ctx} title={t('fund.contributions')} indexable={false} crumbs={crumbs(ctx, { label: t('fund.contributions') })}>
      <Heading level={1}>{t('fund.contributions')}</Heading>
      {props.notice && <Alert kind="ok">{t(props.notice)}</Alert>}
      <section aria-labelledby="contribute">
        <Heading level={2} id="contribute">
          {t('fund.contribute')}
        </Heading>
        <ErrorSummary ctx={ctx} state={state} form="contribution" />
        <PostForm ctx={ctx} id="contribution" action={`/${locale}${base(ctx)}/contributions`} label={t('fund.contribute')}>
          <IdempotencyKey state={state} form="contribution" fresh={props.idem} />
          <SelectField {...fieldProps(ctx, ContributionInput, state, 'contribution', 'fund')} label={t('fund.field.fund')} options={fundOptions} />
          <SelectField {...fieldProps(ctx, ContributionInput, state, 'contribution', 'party')} label={t('fund.field.party')} empty="—" options={partyOptions} />
          <TextField {...fieldProps(ctx, ContributionInput, state, 'contribution', 'year', year)} label={t('fund.field.year')} inputMode="numeric" />
          <TextField {...fieldProps(ctx, ContributionInput, state, 'contribution', 'amount')} label={t('fund.field.amount')} description={amountHint} inputMode="decimal" />
          <TextField {...fieldProps(ctx, ContributionInput, state, 'contribution', 'hours')} label={t('fund.field.hours')} description={hoursHint} inputMode="numeric" />
          <TextField {...fieldProps(ctx, ContributionInput, state, 'contribution', 'note')} label={t('fund.field.note')} />
          <SubmitButton>{t('fund.contribute')}</SubmitButton>
        </PostForm>
      </section>
      <section aria-labelledby="correct">
        <Heading level={2} id="correct">
          {t('fund.correct')}
        </Heading>
        <ErrorSummary ctx={ctx} state={state} form="correction" />
        <PostForm ctx={ctx} id="correction" action={`/${locale}${base(ctx)}/corrections`} label={t('fund.correct')}>
          <IdempotencyKey state={state} form="correction" fresh={props.idem} />
          <SelectField {...fieldProps(ctx, CorrectionInput, state, 'correction', 'fund')} label={t('fund.field.fund')} options={fundOptions} />
          <SelectField {...fieldProps(ctx, CorrectionInput, state, 'correction', 'party')} label={t('fund.field.party')} empty="—" options={partyOptions} />
          <TextField {...fieldProps(ctx, CorrectionInput, state, 'correction', 'year', year)} label={t('fund.field.year')} inputMode="numeric" />
          <SelectField
            {...fieldProps(ctx, CorrectionInput, state, 'correction', 'direction')}
            label={t('fund.field.direction')}
            options={[
              { value: 'down', label: t('fund.direction.down') },
              { value: 'up', label: t('fund.direction.up') },
            ]}
          />
          <TextField {...fieldProps(ctx, CorrectionInput, state, 'correction', 'amount')} label={t('fund.field.amount')} description={amountHint} inputMode="decimal" />
          <TextField {...fieldProps(ctx, CorrectionInput, state, 'correction', 'hours')} label={t('fund.field.hours')} inputMode="numeric" />
          <TextField {...fieldProps(ctx, CorrectionInput, state, 'correction', 'reason')} label={t('fund.field.reason')} />
          <SubmitButton>{t('fund.correct')}</SubmitButton>
        </PostForm>
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
