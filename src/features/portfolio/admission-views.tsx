// The proposal form and the admission page: criteria a-f with what is met, missing or still to be
// judged and why; the judgements on c and d; the recommendation and the decision with reasons.
import { today } from '../../clock.ts';
import type { CriterionResult } from '../../domain/criteria.ts';
import { resolveText, type LocalizedText } from '../../domain/localized.ts';
import { Heading, Link, Prose, SelectField, SubmitButton, Text, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { formatDate, formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { Choice } from './edit-views.tsx';
import { BilingualField, Checkbox, ErrorSummary, errorOf, fieldProps, PostForm, RadioGroup } from '../../web/form-components.tsx';
import { typedValue, type FormState } from '../../web/forms.ts';
import { AdmissionDecisionForm, JudgementForm, ProposalForm, RecommendationForm } from './inputs.ts';
import type { BackingDecision } from '../meetings/backing.ts';
import type { admissionDecisions, criterionJudgements } from './tables.ts';

type Decision = typeof admissionDecisions.$inferSelect;
type Judgement = typeof criterionJudgements.$inferSelect;

function crumbsFor(ctx: PageContext, label: string) {
  const base = `/${ctx.locale}/${ctx.programme!.slug}`;
  return [{ label: resolveText(ctx.programme!.name, ctx.locale).text, href: base }, { label: ctx.t('pf.proposals.title'), href: `${base}/proposals` }, { label }];
}

export const PROPOSAL_FORM = 'proposal';

export function ProposalFormPage(props: { ctx: PageContext; themes: Choice[]; organisations: Choice[]; state?: FormState }) {
  const { ctx, state } = props;
  const { t } = ctx;
  const title = t('pf.proposal.newTitle');
  const form = PROPOSAL_FORM;
  const f = (name: string) => fieldProps(ctx, ProposalForm, state, form, name);
  const bilingual = { ctx, schema: ProposalForm, state, form };
  const partners = state && state.form === form ? [state.values.partners ?? []].flat() : [];
  const partnersError = errorOf(ctx, state, form, 'partners');
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbsFor(ctx, title)} indexable={false}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('pf.proposal.intro')}</p>
      <ErrorSummary ctx={ctx} state={state} form={form} />
      <PostForm ctx={ctx} action={`/${ctx.locale}/${ctx.programme!.slug}/proposals/new`} label={title} id={form}>
        <BilingualField {...bilingual} name="title" label={t('pf.field.title')} required />
        <SelectField {...f('themeId')} label={t('project.theme')} options={props.themes.map((c) => ({ value: c.id, label: c.label }))} empty={t('pf.form.none')} />
        <BilingualField {...bilingual} name="goal" label={t('project.goal')} multiline required />
        <BilingualField {...bilingual} name="description" label={t('project.description')} multiline description={t('pf.proposal.descriptionHint')} />
        <BilingualField {...bilingual} name="safeguarding" label={t('pf.field.safeguarding')} multiline description={t('pf.field.safeguardingHint')} />
        <BilingualField {...bilingual} name="staffingArrangements" label={t('pf.field.staffingArrangements')} multiline description={t('pf.field.arrangementsHint')} />
        <BilingualField {...bilingual} name="financingArrangements" label={t('pf.field.financingArrangements')} multiline description={t('pf.field.arrangementsHint')} />
        <SelectField {...f('leadOrganisationId')} label={t('pf.proposal.lead')} options={props.organisations.map((c) => ({ value: c.id, label: c.label }))} empty={t('pf.form.choose')} />
        <fieldset class="utrecht-form-fieldset" id={`${form}-partners`} aria-describedby={partnersError ? `${form}-partners-error` : undefined}>
          <legend class="utrecht-form-fieldset__legend">{t('pf.proposal.partners')}</legend>
          {partnersError && <div class="utrecht-form-field-error-message ks-error" id={`${form}-partners-error`}>{partnersError}</div>}
          {props.organisations.map((o) => (
            <Checkbox id={`${form}-partners-${o.id}`} name="partners" value={o.id} label={o.label} checked={partners.includes(o.id)} />
          ))}
        </fieldset>
        <SubmitButton>{t('pf.proposal.submit')}</SubmitButton>
      </PostForm>
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
  const date = formatDate(locale, decision.decidedOn);
  // A decision names its source: the executive meeting (the meeting's date) or the agreement.
  const source =
    kind === 'decision' ? (
      decision.source === 'decision' && decision.meetingId ? (
        <a class="utrecht-link" href={`/${locale}/${ctx.programme!.slug}/meetings/${decision.meetingId}`}>
          {t('pf.decision.bySource.decision', { date })}
        </a>
      ) : (
        t(`pf.decision.bySource.${decision.source}`, { date })
      )
    ) : (
      date
    );
  return (
    <div class="ks-card">
      <p class="utrecht-paragraph">
        <strong>{t(`pf.${kind}.outcome.${decision.outcome}`)}</strong> — {source}
        {decision.source !== 'agreement' && <> ({decision.recordedByLabel})</>}
      </p>
      <Prose value={decision.reasons} locale={locale} />
    </div>
  );
}

function OutcomeChoice({ ctx, kind, state, suggestion }: { ctx: PageContext; kind: 'recommendation' | 'decision'; state?: FormState; suggestion: 'admit' | 'reject' | null }) {
  const { t } = ctx;
  return (
    <RadioGroup
      id={`${kind}-outcome`}
      name="outcome"
      legend={t(`pf.${kind}.legend`)}
      value={typedValue(state, kind, 'outcome', suggestion ?? '')}
      options={(['admit', 'reject'] as const).map((o) => ({ value: o, label: t(`pf.${kind}.outcome.${o}`) }))}
      error={errorOf(ctx, state, kind, 'outcome')}
    />
  );
}

/** The support steering group's recommendation (ids `recommendation-<field>`). */
function RecommendationFormFields({ ctx, action, state, suggestion }: { ctx: PageContext; action: string; state?: FormState; suggestion: 'admit' | 'reject' | null }) {
  const { t } = ctx;
  const form = 'recommendation';
  return (
    <PostForm ctx={ctx} action={action} label={t('pf.recommendation.title')} id={form}>
      <OutcomeChoice ctx={ctx} kind={form} state={state} suggestion={suggestion} />
      <BilingualField ctx={ctx} schema={RecommendationForm} state={state} form={form} name="reasons" label={t('pf.decision.reasons')} multiline required />
      <TextField {...fieldProps(ctx, RecommendationForm, state, form, 'decidedOn', today())} type="date" label={t('pf.decision.date')} />
      <SubmitButton>{t('pf.recommendation.submit')}</SubmitButton>
    </PostForm>
  );
}

/**
 * The executive decision (ids `decision-<field>`): it names the confirmed executive decision of a
 * held meeting it rests on, newest first, nothing chosen beforehand; its date is the meeting's.
 */
function AdmissionDecisionFormFields({ ctx, action, state, decisions }: { ctx: PageContext; action: string; state?: FormState; decisions: BackingDecision[] }) {
  const { t, locale } = ctx;
  const form = 'decision';
  if (decisions.length === 0) return <p class="utrecht-paragraph">{t('pf.admission.noEligibleDecision')}</p>;
  return (
    <PostForm ctx={ctx} action={action} label={t('pf.decision.title')} id={form}>
      <SelectField
        {...fieldProps(ctx, AdmissionDecisionForm, state, form, 'decision')}
        label={t('pf.decision.meeting')}
        empty={t('pf.form.choose')}
        options={decisions.map((d) => ({ value: d.id, label: `${formatDate(locale, d.meetingDate)}: ${resolveText(d.text, locale).text.slice(0, 120)}` }))}
      />
      <OutcomeChoice ctx={ctx} kind={form} state={state} suggestion={null} />
      <BilingualField ctx={ctx} schema={AdmissionDecisionForm} state={state} form={form} name="reasons" label={t('pf.decision.reasons')} multiline required />
      <SubmitButton>{t('pf.decision.submit')}</SubmitButton>
    </PostForm>
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
  /** The executive decisions an admission may rest on (shown with the decision form). */
  eligibleDecisions: BackingDecision[];
  /** A refused form of the page: what was typed and its problems. */
  state?: FormState;
  /** Why a step was refused (the admission's state does not allow it). */
  refusal?: string;
}

export function AdmissionPage(props: AdmissionPageProps) {
  const { ctx, project, results, state } = props;
  const { t, locale } = ctx;
  const title = t('pf.admission.title', { code: project.code, title: resolveText(project.title, locale).text });
  const base = `/${locale}/${ctx.programme!.slug}/projects/${project.code}/admission`;
  const open = project.lifecycle === 'proposed';
  const byAgreement = results.some((r) => r.state === 'byAgreement');
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
      {(['judgement', 'recommendation', 'decision'] as const).map((form) => (
        <ErrorSummary ctx={ctx} state={state} form={form} />
      ))}
      <Heading level={2}>{t('pf.criteria.title')}</Heading>
      {byAgreement ? (
        <p class="utrecht-paragraph">{t('pf.criterion.byAgreement')}</p>
      ) : (
      <p class="utrecht-paragraph">{t('pf.criteria.summary', { met: results.filter((r) => r.state === 'met').length, missing: results.filter((r) => r.state === 'missing').length, pending: results.filter((r) => r.state === 'pending').length })}</p>
      )}
      <ul class="ks-criteria">
        {results.map((r) => (
          <li class={`ks-criterion ks-criterion--${r.state}`} id={`result-${r.letter}`}>
            <strong>
              {r.letter}. {t(`pf.criterion.state.${r.state}`)}
            </strong>
            {': '}
            <Text value={props.criteriaText[r.letter]} locale={locale} />
            {r.state !== 'byAgreement' && <div>{t(`pf.criterion.${r.reason}`, r.values)}</div>}
          </li>
        ))}
      </ul>
      {props.mayJudge && open && (
        <section aria-labelledby="judge">
          <Heading level={2} id="judge">{t('pf.judge.title')}</Heading>
          <PostForm ctx={ctx} action={`${base}/judgement`} label={t('pf.judge.title')} id="judgement">
            <RadioGroup
              id="judgement-criterion"
              name="criterion"
              legend={t('pf.judge.criterion')}
              value={typedValue(state, 'judgement', 'criterion', 'c')}
              options={(['c', 'd'] as const).map((c) => ({ value: c, label: `${c}. ${resolveText(props.criteriaText[c], locale).text}` }))}
              error={errorOf(ctx, state, 'judgement', 'criterion')}
            />
            <RadioGroup
              id="judgement-met"
              name="met"
              legend={t('pf.judge.met')}
              value={typedValue(state, 'judgement', 'met')}
              options={(['yes', 'no'] as const).map((o) => ({ value: o, label: t(`pf.${o}`) }))}
              error={errorOf(ctx, state, 'judgement', 'met')}
            />
            <BilingualField ctx={ctx} schema={JudgementForm} state={state} form="judgement" name="reasoning" label={t('pf.judge.reasoning')} multiline required />
            <SubmitButton>{t('pf.judge.submit')}</SubmitButton>
          </PostForm>
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
          <RecommendationFormFields ctx={ctx} action={`${base}/recommendation`} state={state} suggestion={props.suggestion} />
        </>
      )}
      <Heading level={2}>{t(props.decision?.source === 'agreement' ? 'pf.decision.titleAgreement' : 'pf.decision.title')}</Heading>
      {props.decision ? <DecisionBlock ctx={ctx} decision={props.decision} kind="decision" /> : <p class="utrecht-paragraph">{t('pf.decision.none')}</p>}
      {props.mayDecide && open && props.recommendation && <AdmissionDecisionFormFields ctx={ctx} action={`${base}/decision`} state={state} decisions={props.eligibleDecisions} />}
    </Layout>
  );
}
