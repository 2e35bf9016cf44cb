// The proposal form and the admission page: criteria a-f with what is met, missing or still to be
// judged and why; the judgements on c and d; the recommendation and the decision with reasons.
import { today } from '../../clock.ts';
import type { CriterionResult } from '../../domain/criteria.ts';
import { resolveText, type LocalizedText } from '../../domain/localized.ts';
import { CsrfField, Heading, Link, Prose, SelectField, SubmitButton, Text, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { formatDate, formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { ProposalInput } from './admission.ts';
import type { Choice } from './edit-views.tsx';
import { Checkbox, ErrorSummary, Form, LocalizedInput, RadioGroup } from './form-components.tsx';
import type { Problems } from './forms.ts';
import type { admissionDecisions, criterionJudgements } from './tables.ts';

type Decision = typeof admissionDecisions.$inferSelect;
type Judgement = typeof criterionJudgements.$inferSelect;

function crumbsFor(ctx: PageContext, label: string) {
  const base = `/${ctx.locale}/${ctx.programme!.slug}`;
  return [{ label: resolveText(ctx.programme!.name, ctx.locale).text, href: base }, { label: ctx.t('pf.proposals.title'), href: `${base}/proposals` }, { label }];
}

export function ProposalFormPage(props: { ctx: PageContext; values: ProposalInput; themes: Choice[]; organisations: Choice[]; problems: Problems }) {
  const { ctx, values, problems } = props;
  const { t } = ctx;
  const title = t('pf.proposal.newTitle');
  const err = (name: string) => (problems[name] ? t(problems[name]!) : undefined);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbsFor(ctx, title)} indexable={false}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('pf.proposal.intro')}</p>
      <ErrorSummary ctx={ctx} problems={problems} />
      <Form action={`/${ctx.locale}/${ctx.programme!.slug}/proposals/new`}>
        <CsrfField ctx={ctx} />
        <LocalizedInput ctx={ctx} name="title" label={t('pf.field.title')} value={values.title} problems={problems} required />
        <SelectField id="themeId" label={t('project.theme')} value={values.themeId} options={props.themes.map((c) => ({ value: c.id, label: c.label }))} empty={t('pf.form.none')} error={err('themeId')} />
        <LocalizedInput ctx={ctx} name="goal" label={t('project.goal')} value={values.goal} problems={problems} multiline required />
        <LocalizedInput ctx={ctx} name="description" label={t('project.description')} value={values.description} problems={problems} multiline description={t('pf.proposal.descriptionHint')} />
        <LocalizedInput ctx={ctx} name="safeguarding" label={t('pf.field.safeguarding')} value={values.safeguarding} problems={problems} multiline description={t('pf.field.safeguardingHint')} />
        <SelectField id="leadOrganisationId" label={t('pf.proposal.lead')} value={values.leadOrganisationId || null} options={props.organisations.map((c) => ({ value: c.id, label: c.label }))} empty={t('pf.form.choose')} error={err('leadOrganisationId')} />
        <fieldset class="utrecht-form-fieldset" aria-describedby={problems.partners ? 'partners-error' : undefined}>
          <legend class="utrecht-form-fieldset__legend">{t('pf.proposal.partners')}</legend>
          {problems.partners && <div class="utrecht-form-field-error-message ks-error" id="partners-error">{t(problems.partners)}</div>}
          {props.organisations.map((o) => (
            <Checkbox id="partners" value={o.id} label={o.label} checked={values.partnerOrganisationIds.includes(o.id)} />
          ))}
        </fieldset>
        <SubmitButton>{t('pf.proposal.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function ProposalsPage({ ctx, proposals, canPropose }: { ctx: PageContext; proposals: { code: string; title: LocalizedText; lifecycle: string }[]; canPropose: boolean }) {
  const { t, locale } = ctx;
  const title = t('pf.proposals.title');
  const base = `/${locale}/${ctx.programme!.slug}`;
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: resolveText(ctx.programme!.name, locale).text, href: base }, { label: title }]} indexable={false}>
      <Heading level={1}>{title}</Heading>
      {canPropose && (
        <p class="utrecht-paragraph">
          <Link ctx={ctx} to={`/${ctx.programme!.slug}/proposals/new`}>{t('pf.proposal.newTitle')}</Link>
        </p>
      )}
      {proposals.length === 0 ? (
        <p class="utrecht-paragraph">{t('pf.proposals.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {proposals.map((p) => (
            <li class="utrecht-unordered-list__item">
              <Link ctx={ctx} to={`/${ctx.programme!.slug}/projects/${p.code}/admission`}>
                {p.code}. <Text value={p.title} locale={locale} />
              </Link>{' '}
              ({t(`lifecycle.${p.lifecycle}`)})
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

function DecisionBlock({ ctx, decision, kind }: { ctx: PageContext; decision: Decision; kind: 'recommendation' | 'decision' }) {
  const { t, locale } = ctx;
  return (
    <div class="ks-card">
      <p class="utrecht-paragraph">
        <strong>{t(`pf.${kind}.outcome.${decision.outcome}`)}</strong> — {formatDate(locale, decision.decidedOn)} ({decision.recordedByLabel})
      </p>
      <Prose value={decision.reasons} locale={locale} />
    </div>
  );
}

function DecisionForm({ ctx, action, kind, problems, suggestion }: { ctx: PageContext; action: string; kind: 'recommendation' | 'decision'; problems: Problems; suggestion: 'admit' | 'reject' | null }) {
  const { t } = ctx;
  return (
    <Form action={action}>
      <CsrfField ctx={ctx} />
      <RadioGroup name="outcome" legend={t(`pf.${kind}.legend`)} value={suggestion ?? ''} options={(['admit', 'reject'] as const).map((o) => ({ value: o, label: t(`pf.${kind}.outcome.${o}`) }))} error={problems.outcome ? t(problems.outcome) : undefined} />
      <LocalizedInput ctx={ctx} name="reasons" label={t('pf.decision.reasons')} value={{}} problems={problems} multiline required />
      <TextField id="decidedOn" type="date" label={t('pf.decision.date')} value={today()} error={problems.decidedOn ? t(problems.decidedOn) : undefined} />
      <SubmitButton>{t(`pf.${kind}.submit`)}</SubmitButton>
    </Form>
  );
}

export interface AdmissionPageProps {
  ctx: PageContext;
  project: { code: string; title: LocalizedText; goal: LocalizedText; lifecycle: string };
  criteriaText: Record<string, LocalizedText>;
  results: CriterionResult[];
  judgements: Judgement[];
  recommendation: Decision | null;
  decision: Decision | null;
  suggestion: 'admit' | 'reject' | null;
  mayJudge: boolean;
  mayRecommend: boolean;
  mayDecide: boolean;
  problems: Problems;
  refusal?: string;
}

export function AdmissionPage(props: AdmissionPageProps) {
  const { ctx, project, results, problems } = props;
  const { t, locale } = ctx;
  const title = t('pf.admission.title', { code: project.code, title: resolveText(project.title, locale).text });
  const base = `/${locale}/${ctx.programme!.slug}/projects/${project.code}/admission`;
  const open = project.lifecycle === 'proposed';
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbsFor(ctx, title)} indexable={false}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">
        {t('project.lifecycle')}: <strong>{t(`lifecycle.${project.lifecycle}`)}</strong> ·{' '}
        <Link ctx={ctx} to={`/${ctx.programme!.slug}/projects/${project.code}`}>{t('pf.admission.toProject')}</Link>
      </p>
      {props.refusal && (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <div class="utrecht-alert__content">{t(props.refusal)}</div>
        </div>
      )}
      <ErrorSummary ctx={ctx} problems={problems} />
      <Heading level={2}>{t('pf.criteria.title')}</Heading>
      <p class="utrecht-paragraph">{t('pf.criteria.summary', { met: results.filter((r) => r.state === 'met').length, missing: results.filter((r) => r.state === 'missing').length, pending: results.filter((r) => r.state === 'pending').length })}</p>
      <ul class="ks-criteria">
        {results.map((r) => (
          <li class={`ks-criterion ks-criterion--${r.state}`} id={`result-${r.letter}`}>
            <strong>
              {r.letter}. {t(`pf.criterion.state.${r.state}`)}
            </strong>
            {': '}
            <Text value={props.criteriaText[r.letter]} locale={locale} />
            <div>{t(`pf.criterion.${r.reason}`, r.values)}</div>
          </li>
        ))}
      </ul>
      {props.mayJudge && open && (
        <section aria-labelledby="judge">
          <Heading level={2} id="judge">{t('pf.judge.title')}</Heading>
          <Form action={`${base}/judgement`}>
            <CsrfField ctx={ctx} />
            <RadioGroup name="criterion" legend={t('pf.judge.criterion')} value="c" options={(['c', 'd'] as const).map((c) => ({ value: c, label: `${c}. ${resolveText(props.criteriaText[c], locale).text}` }))} error={problems.criterion ? t(problems.criterion) : undefined} />
            <RadioGroup name="met" legend={t('pf.judge.met')} value="" options={(['yes', 'no'] as const).map((o) => ({ value: o, label: t(`pf.${o}`) }))} error={problems.met ? t(problems.met) : undefined} />
            <LocalizedInput ctx={ctx} name="reasoning" label={t('pf.judge.reasoning')} value={{}} problems={problems} multiline required />
            <SubmitButton>{t('pf.judge.submit')}</SubmitButton>
          </Form>
        </section>
      )}
      {props.judgements.length > 0 && (
        <section aria-labelledby="judgements">
          <Heading level={2} id="judgements">{t('pf.judgements.title')}</Heading>
          <ul class="utrecht-unordered-list">
            {props.judgements.map((j) => (
              <li class="utrecht-unordered-list__item">
                {j.criterion}. {j.met ? t('pf.criterion.state.met') : t('pf.criterion.state.missing')} — <Text value={j.reasoning} locale={locale} /> ({j.judgedByLabel}, {formatDateTime(locale, j.createdAt)})
              </li>
            ))}
          </ul>
        </section>
      )}
      <Heading level={2}>{t('pf.recommendation.title')}</Heading>
      {props.recommendation ? <DecisionBlock ctx={ctx} decision={props.recommendation} kind="recommendation" /> : <p class="utrecht-paragraph">{t('pf.recommendation.none')}</p>}
      {props.mayRecommend && open && !props.recommendation && (
        <>
          {props.suggestion && <p class="utrecht-paragraph">{t(`pf.recommendation.suggestion.${props.suggestion}`)}</p>}
          <DecisionForm ctx={ctx} action={`${base}/recommendation`} kind="recommendation" problems={problems} suggestion={props.suggestion} />
        </>
      )}
      <Heading level={2}>{t('pf.decision.title')}</Heading>
      {props.decision ? <DecisionBlock ctx={ctx} decision={props.decision} kind="decision" /> : <p class="utrecht-paragraph">{t('pf.decision.none')}</p>}
      {props.mayDecide && open && props.recommendation && <DecisionForm ctx={ctx} action={`${base}/decision`} kind="decision" problems={problems} suggestion={null} />}
    </Layout>
  );
}
