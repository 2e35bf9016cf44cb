// An amendment's page (its changes, each party's answer, the answer and adoption forms) and the
// form to propose one: a text change or a renewal.
import { LOCALES, type LocalizedText } from '../../domain/localized.ts';
import type { ConsentOutcome } from '../../domain/consent.ts';
import { Alert, DataItem, DataList, Heading, Link, Prose, SelectField, SubmitButton, Text, TextArea, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { Checkbox, ErrorSummary, errorOf, errorText, fieldProps, PostForm } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { hiddenFields } from '../../web/confirm.tsx';
import { formatDate, formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { StaleTranslations } from '../../domain/translation.ts';
import { StaleTranslationNote } from '../../web/translation-note.tsx';
import { changedSections, staleSections, type SectionChange } from './diff.ts';
import type { Amendment, Consent, PartyRow, RepresentativeChange } from './queries.ts';
import { AnswerInput, PROPOSAL_STEPS, proposalForm, sectionField, type ProposalStep } from './schema.ts';
import type { AmendmentKind, SectionSnapshot } from './tables.ts';
import { base, ChangeList, crumbs, Downloads, isoDay, partyName, plain, sectionLabel, Table } from './views.tsx';

export function AmendmentPage(props: {
  ctx: PageContext;
  amendment: Amendment;
  parties: PartyRow[];
  consents: Consent[];
  outcome: ConsentOutcome;
  baseSections: SectionSnapshot[];
  renewalEnd: string | null;
  represented: string[];
  /** Appointments and removals of representatives while the amendment was open. */
  representativeChanges: RepresentativeChange[];
  canAdopt: boolean;
  /** A refused answer, withdrawal or adoption, shown again. */
  form?: FormState;
}) {
  const { ctx, amendment, parties, consents, outcome, form } = props;
  const { t, locale } = ctx;
  const title = `${t('amendment.number', { number: amendment.number })}: ${plain(amendment.title, locale)}`;
  const action = (what: string) => `/${locale}${base(ctx)}/amendments/${amendment.number}/${what}`;
  const standing = new Map(consents.filter((c) => !c.withdrawnAt).map((c) => [c.partyId, c]));
  const status = amendment.adoptedAt ? t('amendment.state.adopted') : outcome.state === 'pending' ? t('amendment.state.pending', { count: outcome.waiting.length }) : outcome.state === 'blocked' ? t('amendment.state.blocked', { count: outcome.objecting.length }) : t('amendment.state.unanimous');
  const proposer = partyName(parties, amendment.proposedByPartyId, locale);
  const changes = changedSections(props.baseSections, props.baseSections.map((s) => ({ ...s, body: amendment.edits.find((e) => e.key === s.key)?.body ?? s.body })));
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, t('amendment.number', { number: amendment.number }))} indexable={!!amendment.adoptedAt}>
      <Heading level={1}>{title}</Heading>
      {form?.errors.amendment && <Alert kind="error">{errorText(ctx, form.errors.amendment)}</Alert>}
      <p class="utrecht-paragraph">
        <span class="utrecht-data-badge ks-badge">{amendment.kind === 'renewal' ? t('amendment.kind.renewal', { years: 5 }) : t('amendment.kind.text')}</span> <strong id="amendment-state">{status}</strong>
      </p>
      {/* A section changed in one language only: its text in the other stays as it was, and behind. */}
      <StaleTranslationNote ctx={ctx} stale={staleSections(props.baseSections, amendment.edits)} label={sectionLabel(ctx, props.baseSections)} />
      <p class="utrecht-paragraph">{t('amendment.proposedBy', { person: amendment.proposedByName, party: proposer, date: formatDate(locale, isoDay(amendment.proposedAt)) })}</p>
      {amendment.adoptedAt && (
        <p class="utrecht-paragraph">
          {t('amendment.adoptedOn', { date: formatDate(locale, isoDay(amendment.adoptedAt)) })}
          {amendment.resultVersion !== null && (
            <>
              {' '}
              —{' '}
              <Link ctx={ctx} to={`${base(ctx)}/versions/${amendment.resultVersion}`}>
                {t('amendment.resultVersion', { number: amendment.resultVersion })}
              </Link>
            </>
          )}
        </p>
      )}
      {amendment.adoptedAt && <Downloads ctx={ctx} path={`${base(ctx)}/amendments/${amendment.number}`} />}
      <Heading level={2}>{t('amendment.reason')}</Heading>
      <Prose value={amendment.reason} locale={locale} />
      <Heading level={2}>{amendment.adoptedAt ? t('amendment.changesAdopted') : t('amendment.changes')}</Heading>
      {amendment.kind === 'renewal' ? <p class="utrecht-paragraph">{t('amendment.renewalEffect', { end: formatDate(locale, props.renewalEnd) })}</p> : <ChangeList ctx={ctx} changes={changes} />}
      <Heading level={2}>{t('amendment.consents')}</Heading>
      <Table label={t('amendment.consents')} head={[t('agreement.party'), t('amendment.answer'), t('amendment.person'), t('amendment.date'), t('amendment.note')]}>
        {parties.map(({ party, organisation }) => {
          const answer = standing.get(party.id);
          return (
            <tr class="utrecht-table__row" data-party={organisation.slug}>
              <th class="utrecht-table__header-cell" scope="row">
                <Text value={organisation.name} locale={locale} />
              </th>
              <td class="utrecht-table__cell">{answer ? t(`amendment.answer.${answer.answer}`) : t('amendment.answer.none')}</td>
              <td class="utrecht-table__cell">{answer?.personName ?? ''}</td>
              <td class="utrecht-table__cell">{answer ? formatDateTime(locale, answer.answeredAt) : ''}</td>
              <td class="utrecht-table__cell">{answer?.note ?? ''}</td>
            </tr>
          );
        })}
      </Table>
      {!amendment.adoptedAt &&
        props.represented.map((partyId) => {
          const name = partyName(parties, partyId, locale);
          const answered = standing.get(partyId);
          return (
            <section aria-labelledby={`answer-${partyId}`}>
              <Heading level={3} id={`answer-${partyId}`}>
                {t('amendment.giveAnswer', { party: name })}
              </Heading>
              {answered ? (
                <PostForm ctx={ctx} action={action('withdraw')} label={t('amendment.withdraw', { party: name })} id={`withdraw-${partyId}`}>
                  <input type="hidden" name="party" value={partyId} />
                  <SubmitButton secondary>{t('amendment.withdraw', { party: name })}</SubmitButton>
                </PostForm>
              ) : (
                <PostForm ctx={ctx} action={action('answers')} label={t('amendment.giveAnswer', { party: name })} id={`answer-${partyId}`}>
                  <ErrorSummary ctx={ctx} state={form} form={`answer-${partyId}`} />
                  <input type="hidden" name="party" value={partyId} />
                  <TextField {...fieldProps(ctx, AnswerInput, form, `answer-${partyId}`, 'note')} label={t('amendment.note')} />
                  <p class="utrecht-button-group">
                    <button type="submit" name="answer" value="consent" class="utrecht-button utrecht-button--html-button utrecht-button--primary-action">
                      {t('amendment.consent')}
                    </button>{' '}
                    <button type="submit" name="answer" value="objection" class="utrecht-button utrecht-button--html-button utrecht-button--secondary-action">
                      {t('amendment.object')}
                    </button>
                  </p>
                </PostForm>
              )}
            </section>
          );
        })}
      {props.canAdopt && (
        <PostForm ctx={ctx} action={action('adopt')} label={t('amendment.adopt')} id="adopt">
          <SubmitButton>{t('amendment.adopt')}</SubmitButton>
        </PostForm>
      )}
      <Heading level={2}>{t('amendment.representativeChanges')}</Heading>
      {props.representativeChanges.length === 0 ? (
        <p class="utrecht-paragraph">{t('amendment.representativeChanges.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list" id="representative-changes">
          {props.representativeChanges.map((c) => (
            <li class="utrecht-unordered-list__item">
              {t(`amendment.representativeChanges.${c.kind}`, { name: c.name, party: partyName(parties, c.partyId, locale), by: c.by, at: formatDateTime(locale, c.at) })}
            </li>
          ))}
        </ul>
      )}
      {consents.some((c) => c.withdrawnAt) && (
        <>
          <Heading level={2}>{t('amendment.history')}</Heading>
          <ul class="utrecht-unordered-list">
            {consents.map((c) => (
              <li class="utrecht-unordered-list__item">
                {partyName(parties, c.partyId, locale)}: {t(`amendment.answer.${c.answer}`)} ({c.personName}, {formatDateTime(locale, c.answeredAt)})
                {c.withdrawnAt && <>, {t('amendment.withdrawn', { date: formatDateTime(locale, c.withdrawnAt) })}</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}

/** The steps of a text proposal as a list above the form, the current one marked. */
function ProposalSteps({ ctx, current }: { ctx: PageContext; current: ProposalStep }) {
  return (
    <ol class="utrecht-ordered-list ks-steps" aria-label={ctx.t('amendment.steps')}>
      {PROPOSAL_STEPS.map((step) => (
        <li class="utrecht-ordered-list__item" aria-current={step === current ? 'step' : undefined}>
          {step === current ? <strong>{ctx.t(`amendment.step.${step}`)}</strong> : ctx.t(`amendment.step.${step}`)}
        </li>
      ))}
    </ol>
  );
}

/** The first step's fields, carried through the later steps. */
export const PROPOSAL_START_FIELDS = ['kind', 'party', 'title_nl', 'title_en', 'reason_nl', 'reason_en', 'articles'];

/**
 * The proposal form, in steps (issue: one task at a time): first on behalf of which party, a
 * subject and reason and the articles to change; then the chosen articles' new text; the check
 * step is the shared confirmation page (routes.tsx). A renewal has only the first step.
 */
export function ProposePage(props: {
  ctx: PageContext;
  kind: AmendmentKind;
  step: 'choose' | 'edit';
  /** The keys of the articles chosen in the first step. */
  chosen: string[];
  parties: PartyRow[];
  represented: string[];
  sections: SectionSnapshot[];
  /** Per section, the language the current text has left behind (src/domain/translation.ts). */
  stale?: StaleTranslations;
  endOn: string;
  nextEndOn: string;
  /** The term has ended: no renewal form, but where to go instead. */
  ended: boolean;
  form?: FormState;
}) {
  const { ctx, kind, form, step } = props;
  const { t, locale } = ctx;
  const renewal = kind === 'renewal';
  const title = renewal ? t('amendment.newRenewal') : t('amendment.new');
  const schema = proposalForm(props.sections.map((s) => s.key));
  const field = (name: string, stored = '') => fieldProps(ctx, schema, form, 'proposal', name, stored);
  // A proposal posted whole (not through the first step) has chosen nothing: all articles are open.
  const chosenSections = props.chosen.length > 0 ? props.sections.filter((s) => props.chosen.includes(s.key)) : props.sections;
  const action = `/${locale}${base(ctx)}/amendments`;
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, title)} indexable={false}>
      <Heading level={1}>{title}</Heading>
      {!renewal && <ProposalSteps ctx={ctx} current={step} />}
      {renewal && props.ended ? (
        <Alert kind="warning">{t('amendment.renewalEnded', { end: formatDate(locale, props.endOn) })}</Alert>
      ) : (
        <p class="utrecht-paragraph">
          {renewal ? t('amendment.newRenewalIntro', { years: 5, end: formatDate(locale, props.endOn), next: formatDate(locale, props.nextEndOn) }) : step === 'choose' ? t('amendment.newIntro') : t('amendment.editIntro')}
        </p>
      )}
      <ErrorSummary ctx={ctx} state={form} form="proposal" />
      {!(renewal && props.ended) && step === 'choose' && (
        <PostForm ctx={ctx} action={action} label={title} id="proposal">
          <input type="hidden" name="kind" value={kind} />
          <SelectField {...field('party', props.represented[0])} label={t('amendment.onBehalfOf')} options={props.represented.map((id) => ({ value: id, label: partyName(props.parties, id, locale) }))} />
          <TextField {...field('title_nl')} label={t('amendment.title_nl')} lang="nl" />
          <TextField {...field('title_en')} label={t('amendment.title_en')} lang="en" />
          <TextArea {...field('reason_nl')} label={t('amendment.reason_nl')} lang="nl" />
          <TextArea {...field('reason_en')} label={t('amendment.reason_en')} lang="en" />
          {!renewal && (
            <fieldset class="utrecht-form-fieldset" id="proposal-articles" aria-describedby={errorOf(ctx, form, 'proposal', 'articles') ? 'proposal-articles-error' : undefined}>
              <legend class="utrecht-form-fieldset__legend">{t('amendment.articles')}</legend>
              {errorOf(ctx, form, 'proposal', 'articles') && (
                <div class="utrecht-form-field-error-message ks-error" id="proposal-articles-error">
                  {errorOf(ctx, form, 'proposal', 'articles')}
                </div>
              )}
              {props.sections.map((s) => (
                <Checkbox id={`proposal-article-${s.key}`} name="articles" value={s.key} label={plain(s.heading, locale)} checked={props.chosen.includes(s.key)} />
              ))}
            </fieldset>
          )}
          <SubmitButton name="step" value={renewal ? 'check' : 'edit'}>
            {renewal ? t('amendment.next.check') : t('amendment.next.edit')}
          </SubmitButton>
        </PostForm>
      )}
      {!renewal && step === 'edit' && (
        <PostForm ctx={ctx} action={action} label={title} id="proposal">
          {hiddenFields(form?.values ?? {}, PROPOSAL_START_FIELDS)}
          <p class="utrecht-paragraph">
            {t('amendment.onBehalfOfParty', { party: partyName(props.parties, String(form?.values.party ?? ''), locale) })}
          </p>
          {chosenSections.map((s) => (
            <fieldset class="utrecht-form-fieldset">
              <legend class="utrecht-form-fieldset__legend">
                <Text value={s.heading} locale={locale} />
              </legend>
              {LOCALES.map((l) => (
                <TextArea
                  {...field(`${sectionField(s.key)}_${l}`, s.body[l] ?? '')}
                  label={t('amendment.sectionText', { heading: plain(s.heading, locale), language: t(`agreement.language.${l}`) })}
                  lang={l}
                  rows={8}
                  {...(props.stale?.[s.key] === l ? { description: t('form.translationStale') } : {})}
                />
              ))}
            </fieldset>
          ))}
          <div class="ks-button-group">
            <SubmitButton name="step" value="check">
              {t('amendment.next.check')}
            </SubmitButton>
            <SubmitButton secondary name="step" value="choose">
              {t('amendment.back.choose')}
            </SubmitButton>
          </div>
        </PostForm>
      )}
    </Layout>
  );
}

/** The check step's summary: what the proposal says and, per article, its changes word by word. */
export function ProposalSummary({ ctx, parties, party, title, reason, changes }: { ctx: PageContext; parties: PartyRow[]; party: string; title: LocalizedText; reason: LocalizedText; changes: SectionChange[] }) {
  const { t, locale } = ctx;
  return (
    <>
      <ProposalSteps ctx={ctx} current="check" />
      <DataList>
        <DataItem label={t('amendment.onBehalfOf')}>{partyName(parties, party, locale)}</DataItem>
        <DataItem label={t('amendment.subject')}>
          <Text value={title} locale={locale} />
        </DataItem>
        <DataItem label={t('amendment.reason')}>
          <Prose value={reason} locale={locale} />
        </DataItem>
      </DataList>
      {changes.length > 0 && <ChangeList ctx={ctx} changes={changes} />}
    </>
  );
}
