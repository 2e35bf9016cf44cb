import type { ComponentChildren } from 'preact';
import { LOCALES, resolveText, type Locale, type LocalizedText } from '../../domain/localized.ts';
import type { ConsentOutcome } from '../../domain/consent.ts';
import { Alert, CsrfField, Heading, Link, Prose, SelectField, SubmitButton, Text, TextArea, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { formatDate, formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import { changedSections, wordDiff, type SectionChange } from './diff.ts';
import type { Agreement, Amendment, Consent, PartyRow, Version } from './queries.ts';
import type { SectionSnapshot } from './tables.ts';

const plain = (value: LocalizedText | null | undefined, locale: Locale) => resolveText(value, locale).text;
const base = (ctx: PageContext) => `/${ctx.programme!.slug}/agreement`;
const isoDay = (at: Date | string) => new Date(at).toISOString().slice(0, 10);

function crumbs(ctx: PageContext, last?: string) {
  const home = { label: plain(ctx.programme!.name, ctx.locale), href: `/${ctx.locale}/${ctx.programme!.slug}` };
  const agreement = { label: ctx.t('agreement.title'), href: `/${ctx.locale}${base(ctx)}` };
  return last ? [home, agreement, { label: last }] : [home, { label: ctx.t('agreement.title') }];
}

function partyName(parties: PartyRow[], partyId: string, locale: Locale) {
  return plain(parties.find((p) => p.party.id === partyId)?.organisation.name, locale);
}

export function SectionsText({ ctx, sections, idPrefix }: { ctx: PageContext; sections: SectionSnapshot[]; idPrefix: string }) {
  return (
    <>
      <nav aria-labelledby={`${idPrefix}-contents`}>
        <Heading level={3} id={`${idPrefix}-contents`}>
          {ctx.t('agreement.contents')}
        </Heading>
        <ol class="utrecht-ordered-list">
          {sections.map((s) => (
            <li class="utrecht-ordered-list__item">
              <a class="utrecht-link" href={`#${idPrefix}-${s.key}`}>
                <Text value={s.heading} locale={ctx.locale} />
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {sections.map((s) => (
        <section aria-labelledby={`${idPrefix}-${s.key}`}>
          <Heading level={3} id={`${idPrefix}-${s.key}`}>
            <Text value={s.heading} locale={ctx.locale} />
          </Heading>
          <Prose value={s.body} locale={ctx.locale} />
        </section>
      ))}
    </>
  );
}

/** A word-level diff; line breaks kept, removals struck through and added text underlined (del/ins). */
export function Diff({ before, after }: { before: string; after: string }) {
  const withBreaks = (text: string) => text.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br />, line]));
  return (
    <p class="utrecht-paragraph ks-diff">
      {wordDiff(before, after).map((part) =>
        part.kind === 'same' ? (
          withBreaks(part.text)
        ) : part.kind === 'added' ? (
          <ins>{withBreaks(part.text)}</ins>
        ) : (
          <del>{withBreaks(part.text)}</del>
        ),
      )}
    </p>
  );
}

function Downloads({ ctx, path }: { ctx: PageContext; path: string }) {
  return (
    <p class="utrecht-paragraph ks-tools">
      <Link ctx={ctx} to={`${path}/pdf`}>
        {ctx.t('agreement.download', { format: 'PDF' })}
      </Link>{' '}
      ·{' '}
      <Link ctx={ctx} to={`${path}/docx`}>
        {ctx.t('agreement.download', { format: 'DOCX' })}
      </Link>
    </p>
  );
}

function ChangeList({ ctx, changes }: { ctx: PageContext; changes: SectionChange[] }) {
  if (changes.length === 0) return <p class="utrecht-paragraph">{ctx.t('agreement.noDifferences')}</p>;
  return (
    <>
      <p class="utrecht-paragraph ks-muted">{ctx.t('amendment.diffLegend')}</p>
      {changes.map((change) => (
        <section aria-labelledby={`change-${change.key}`}>
          <Heading level={3} id={`change-${change.key}`}>
            <Text value={change.heading} locale={ctx.locale} />
          </Heading>
          <Diff before={plain(change.before, ctx.locale)} after={plain(change.after, ctx.locale)} />
        </section>
      ))}
    </>
  );
}

function Table({ head, children }: { head: string[]; children: ComponentChildren }) {
  return (
    <div class="ks-table-wrap">
      <table class="utrecht-table ks-table">
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

function AmendmentLinks({ ctx, amendments, empty }: { ctx: PageContext; amendments: Amendment[]; empty: string }) {
  if (amendments.length === 0) return <p class="utrecht-paragraph">{empty}</p>;
  return (
    <ul class="utrecht-unordered-list">
      {amendments.map((a) => (
        <li class="utrecht-unordered-list__item">
          <Link ctx={ctx} to={`${base(ctx)}/amendments/${a.number}`}>
            {ctx.t('amendment.number', { number: a.number })}: <Text value={a.title} locale={ctx.locale} />
          </Link>
          {a.adoptedAt && <> — {ctx.t('amendment.adoptedOn', { date: formatDate(ctx.locale, isoDay(a.adoptedAt)) })}</>}
        </li>
      ))}
    </ul>
  );
}

export function AgreementPage(props: {
  ctx: PageContext;
  agreement: Agreement;
  endOn: string;
  parties: PartyRow[];
  current: Pick<Version, 'number' | 'sections' | 'effectiveOn'>;
  versions: { number: number; effectiveOn: string; amendmentNumber: number | null }[];
  adopted: Amendment[];
  pending: Amendment[] | null;
  canPropose: boolean;
}) {
  const { ctx, agreement, parties, current, versions } = props;
  const { t, locale } = ctx;
  const title = plain(agreement.title, locale) || t('agreement.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx)}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('agreement.signed', { date: formatDate(locale, agreement.signedOn), place: agreement.signedPlace })}</p>
      <p class="utrecht-paragraph">
        {t('agreement.term', { years: agreement.termYears, renewal: agreement.renewalYears, end: formatDate(locale, props.endOn) })} {t('agreement.renewals', { count: agreement.renewals })}
      </p>
      {props.canPropose && (
        <p class="utrecht-paragraph ks-tools">
          <Link ctx={ctx} to={`${base(ctx)}/amendments/new`}>
            {t('agreement.propose')}
          </Link>{' '}
          ·{' '}
          <Link ctx={ctx} to={`${base(ctx)}/amendments/new?kind=renewal`}>
            {t('agreement.proposeRenewal')}
          </Link>
        </p>
      )}
      {ctx.canManage && (
        <p class="utrecht-paragraph">
          <Link ctx={ctx} to={`${base(ctx)}/representatives`}>
            {t('agreement.representatives')}
          </Link>
        </p>
      )}
      <Heading level={2}>{t('agreement.parties')}</Heading>
      <Table head={[t('agreement.party'), t('agreement.signingBody'), t('agreement.signatory')]}>
        {parties.map(({ party, organisation }) => (
          <tr class="utrecht-table__row">
            <td class="utrecht-table__cell">
              <Link ctx={ctx} to={`/${ctx.programme!.slug}/organisations/${organisation.slug}`}>
                <Text value={organisation.name} locale={locale} />
              </Link>
            </td>
            <td class="utrecht-table__cell">
              <Text value={party.signingBody} locale={locale} />
            </td>
            <td class="utrecht-table__cell">
              {party.signatoryName}, <Text value={party.signatoryTitle} locale={locale} />
            </td>
          </tr>
        ))}
      </Table>
      {props.pending && (
        <>
          <Heading level={2}>{t('agreement.pending')}</Heading>
          <AmendmentLinks ctx={ctx} amendments={props.pending} empty={t('agreement.nonePending')} />
        </>
      )}
      <Heading level={2}>{t('agreement.adopted')}</Heading>
      <AmendmentLinks ctx={ctx} amendments={props.adopted} empty={t('agreement.noneAdopted')} />
      <Heading level={2}>{t('agreement.versions')}</Heading>
      <VersionList ctx={ctx} versions={versions} />
      {versions.length > 1 && <CompareForm ctx={ctx} versions={versions.map((v) => v.number)} from={versions[1]!.number} to={versions[0]!.number} />}
      <Heading level={2}>{t('agreement.currentText', { number: current.number, date: formatDate(locale, current.effectiveOn) })}</Heading>
      <SectionsText ctx={ctx} sections={current.sections} idPrefix="section" />
    </Layout>
  );
}

function VersionList({ ctx, versions }: { ctx: PageContext; versions: { number: number; effectiveOn: string; amendmentNumber: number | null }[] }) {
  return (
    <ul class="utrecht-unordered-list">
      {versions.map((v) => (
        <li class="utrecht-unordered-list__item">
          <Link ctx={ctx} to={`${base(ctx)}/versions/${v.number}`}>
            {ctx.t('agreement.version', { number: v.number })}
          </Link>{' '}
          ({ctx.t('agreement.versionEffective', { date: formatDate(ctx.locale, v.effectiveOn) })},{' '}
          {v.amendmentNumber === null ? ctx.t('agreement.versionSigned') : ctx.t('agreement.versionFrom', { number: v.amendmentNumber })})
        </li>
      ))}
    </ul>
  );
}

function CompareForm({ ctx, versions, from, to }: { ctx: PageContext; versions: number[]; from: number; to: number }) {
  const options = versions.map((n) => ({ value: String(n), label: ctx.t('agreement.version', { number: n }) }));
  const select = (name: string, label: string, selected: number) => <SelectField id={`compare-${name}`} name={name} label={label} value={String(selected)} options={options} />;
  return (
    <form method="get" action={`/${ctx.locale}${base(ctx)}/compare`} class="ks-form" aria-label={ctx.t('agreement.compare')}>
      {select('from', ctx.t('agreement.compareFrom'), from)}
      {select('to', ctx.t('agreement.compareTo'), to)}
      <SubmitButton secondary>{ctx.t('agreement.compareSubmit')}</SubmitButton>
    </form>
  );
}

export function VersionPage({ ctx, version, versions }: { ctx: PageContext; version: Version; versions: number[] }) {
  const title = ctx.t('agreement.versionTitle', { number: version.number });
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, title)}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{ctx.t('agreement.versionEffective', { date: formatDate(ctx.locale, version.effectiveOn) })}</p>
      <Downloads ctx={ctx} path={`${base(ctx)}/versions/${version.number}`} />
      {versions.length > 1 && <CompareForm ctx={ctx} versions={versions} from={version.number > 1 ? version.number - 1 : version.number} to={version.number === 1 ? versions[0]! : version.number} />}
      <SectionsText ctx={ctx} sections={version.sections} idPrefix="section" />
    </Layout>
  );
}

export function ComparePage({ ctx, from, to, versions }: { ctx: PageContext; from: Version; to: Version; versions: number[] }) {
  const title = ctx.t('agreement.compareTitle', { from: from.number, to: to.number });
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, title)}>
      <Heading level={1}>{title}</Heading>
      <CompareForm ctx={ctx} versions={versions} from={from.number} to={to.number} />
      <ChangeList ctx={ctx} changes={changedSections(from.sections, to.sections)} />
    </Layout>
  );
}

export function AmendmentPage(props: {
  ctx: PageContext;
  amendment: Amendment;
  parties: PartyRow[];
  consents: Consent[];
  outcome: ConsentOutcome;
  baseSections: SectionSnapshot[];
  renewalEnd: string | null;
  represented: string[];
  canAdopt: boolean;
  problem?: string;
}) {
  const { ctx, amendment, parties, consents, outcome } = props;
  const { t, locale } = ctx;
  const title = `${t('amendment.number', { number: amendment.number })}: ${plain(amendment.title, locale)}`;
  const action = (what: string) => `/${locale}${base(ctx)}/amendments/${amendment.number}/${what}`;
  const standing = new Map(consents.filter((c) => !c.withdrawnAt).map((c) => [c.partyId, c]));
  const state = amendment.adoptedAt ? t('amendment.state.adopted') : outcome.state === 'pending' ? t('amendment.state.pending', { count: outcome.waiting.length }) : outcome.state === 'blocked' ? t('amendment.state.blocked', { count: outcome.objecting.length }) : t('amendment.state.unanimous');
  const proposer = partyName(parties, amendment.proposedByPartyId, locale);
  const changes = changedSections(props.baseSections, props.baseSections.map((s) => ({ ...s, body: amendment.edits.find((e) => e.key === s.key)?.body ?? s.body })));
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, t('amendment.number', { number: amendment.number }))} indexable={!!amendment.adoptedAt}>
      <Heading level={1}>{title}</Heading>
      {props.problem && <Alert kind="error">{t(`amendment.conflict.${props.problem}`)}</Alert>}
      <p class="utrecht-paragraph">
        <span class="ks-badge">{amendment.kind === 'renewal' ? t('amendment.kind.renewal', { years: 5 }) : t('amendment.kind.text')}</span> <strong id="amendment-state">{state}</strong>
      </p>
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
      <Table head={[t('agreement.party'), t('amendment.answer'), t('amendment.person'), t('amendment.date'), t('amendment.note')]}>
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
                <form method="post" action={action('withdraw')}>
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="party" value={partyId} />
                  <SubmitButton secondary>{t('amendment.withdraw', { party: name })}</SubmitButton>
                </form>
              ) : (
                <form method="post" action={action('answers')} class="ks-form">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="party" value={partyId} />
                  <TextField id={`note-${partyId}`} name="note" label={t('amendment.note')} />
                  <p class="utrecht-button-group">
                    <button type="submit" name="answer" value="consent" class="utrecht-button utrecht-button--html-button utrecht-button--primary-action">
                      {t('amendment.consent')}
                    </button>{' '}
                    <button type="submit" name="answer" value="objection" class="utrecht-button utrecht-button--html-button utrecht-button--secondary-action">
                      {t('amendment.object')}
                    </button>
                  </p>
                </form>
              )}
            </section>
          );
        })}
      {props.canAdopt && (
        <form method="post" action={action('adopt')}>
          <CsrfField ctx={ctx} />
          <SubmitButton>{t('amendment.adopt')}</SubmitButton>
        </form>
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

export interface ProposalForm {
  kind: 'text' | 'renewal';
  party: string;
  title_nl: string;
  title_en: string;
  reason_nl: string;
  reason_en: string;
  /** Section texts, keyed `body_<key>_<locale>`. */
  bodies: Record<string, string>;
  errors: string[];
}

export function ProposePage(props: { ctx: PageContext; form: ProposalForm; parties: PartyRow[]; represented: string[]; sections: SectionSnapshot[]; endOn: string; nextEndOn: string }) {
  const { ctx, form } = props;
  const { t, locale } = ctx;
  const renewal = form.kind === 'renewal';
  const title = renewal ? t('amendment.newRenewal') : t('amendment.new');
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, title)} indexable={false}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{renewal ? t('amendment.newRenewalIntro', { years: 5, end: formatDate(locale, props.endOn), next: formatDate(locale, props.nextEndOn) }) : t('amendment.newIntro')}</p>
      {form.errors.length > 0 && (
        <Alert kind="error">
          <p class="utrecht-paragraph">{t('amendment.errors')}</p>
          <ul class="utrecht-unordered-list">
            {form.errors.map((e) => (
              <li class="utrecht-unordered-list__item">{t(e)}</li>
            ))}
          </ul>
        </Alert>
      )}
      <form method="post" action={`/${locale}${base(ctx)}/amendments`} class="ks-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="kind" value={form.kind} />
        <SelectField id="party" label={t('amendment.onBehalfOf')} value={form.party} options={props.represented.map((id) => ({ value: id, label: partyName(props.parties, id, locale) }))} />
        <TextField id="title_nl" name="title_nl" label={t('amendment.title_nl')} value={form.title_nl} />
        <TextField id="title_en" name="title_en" label={t('amendment.title_en')} value={form.title_en} />
        <TextArea id="reason_nl" name="reason_nl" label={t('amendment.reason_nl')} value={form.reason_nl} />
        <TextArea id="reason_en" name="reason_en" label={t('amendment.reason_en')} value={form.reason_en} />
        {!renewal &&
          props.sections.map((s) => (
            <fieldset class="utrecht-form-fieldset">
              <legend class="utrecht-form-fieldset__legend">
                <Text value={s.heading} locale={locale} />
              </legend>
              {LOCALES.map((l) => (
                <TextArea
                  id={`body_${s.key}_${l}`}
                  name={`body_${s.key}_${l}`}
                  label={t('amendment.sectionText', { heading: plain(s.heading, locale), language: t(`agreement.language.${l}`) })}
                  value={form.bodies[`body_${s.key}_${l}`] ?? ''}
                  rows={8}
                />
              ))}
            </fieldset>
          ))}
        <SubmitButton>{t('amendment.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}

export function RepresentativesPage(props: {
  ctx: PageContext;
  parties: PartyRow[];
  representatives: { id: string; partyId: string; name: string; email: string }[];
  form?: { party: string; email: string; error?: string };
}) {
  const { ctx, parties, representatives, form } = props;
  const { t, locale } = ctx;
  const title = t('agreement.representatives');
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, title)} indexable={false}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('agreement.representativesIntro')}</p>
      {form?.error && <Alert kind="error">{t(form.error)}</Alert>}
      {parties.map(({ party, organisation }) => {
        const reps = representatives.filter((r) => r.partyId === party.id);
        return (
          <section aria-labelledby={`party-${organisation.slug}`}>
            <Heading level={2} id={`party-${organisation.slug}`}>
              <Text value={organisation.name} locale={locale} />
            </Heading>
            {reps.length === 0 ? (
              <p class="utrecht-paragraph">{t('agreement.noRepresentatives')}</p>
            ) : (
              <ul class="utrecht-unordered-list">
                {reps.map((r) => (
                  <li class="utrecht-unordered-list__item">
                    {r.name} ({r.email}){' '}
                    <form method="post" action={`/${locale}${base(ctx)}/representatives/${r.id}/remove`} class="ks-inline-form">
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="utrecht-button utrecht-button--html-button utrecht-button--subtle" aria-label={`${t('agreement.representativeRemove')}: ${r.name}`}>
                        {t('agreement.representativeRemove')}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            )}
            <form method="post" action={`/${locale}${base(ctx)}/representatives`} class="ks-form">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="party" value={party.id} />
              <TextField
                id={`email-${organisation.slug}`}
                name="email"
                type="email"
                label={t('agreement.representativeEmail')}
                value={form?.party === party.id ? form.email : ''}
                error={form?.party === party.id && form.error ? t(form.error) : undefined}
              />
              <SubmitButton secondary>{t('agreement.representativeAdd')}</SubmitButton>
            </form>
          </section>
        );
      })}
    </Layout>
  );
}
