// The agreement's public pages: the text, its parties, versions and their comparison; and the
// pieces the amendment and representative pages share.
import type { ComponentChildren } from 'preact';
import { resolveText, type Locale, type LocalizedText } from '../../domain/localized.ts';
import { Heading, Link, Prose, SelectField, SubmitButton, TableScroll, Text } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { formatDate } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import { StaleTranslationNote } from '../../web/translation-note.tsx';
import { changedSections, wordDiff, type SectionChange } from './diff.ts';
import type { Agreement, Amendment, PartyRow, Version } from './queries.ts';
import type { SectionSnapshot } from './tables.ts';

export const plain = (value: LocalizedText | null | undefined, locale: Locale) => resolveText(value, locale).text;
export const base = (ctx: PageContext) => `/${ctx.programme!.slug}/agreement`;
export const isoDay = (at: Date | string) => new Date(at).toISOString().slice(0, 10);

export function crumbs(ctx: PageContext, last?: string) {
  const home = { label: plain(ctx.programme!.name, ctx.locale), href: `/${ctx.locale}/${ctx.programme!.slug}` };
  const agreement = { label: ctx.t('agreement.title'), href: `/${ctx.locale}${base(ctx)}` };
  return last ? [home, agreement, { label: last }] : [home, { label: ctx.t('agreement.title') }];
}

/** A section named by its heading in the reader's language, for a "translation out of date" note. */
export const sectionLabel = (ctx: PageContext, sections: Pick<SectionSnapshot, 'key' | 'heading'>[]) => (key: string) => plain(sections.find((section) => section.key === key)?.heading, ctx.locale) || key;

export function partyName(parties: PartyRow[], partyId: string, locale: Locale) {
  return plain(parties.find((p) => p.party.id === partyId)?.organisation.name, locale);
}

/** The agreement's text with its table of contents; `level` is the level of their headings (one below the heading above them). */
export function SectionsText({ ctx, sections, idPrefix, level = 3 }: { ctx: PageContext; sections: SectionSnapshot[]; idPrefix: string; level?: 2 | 3 }) {
  return (
    <>
      <nav aria-labelledby={`${idPrefix}-contents`}>
        <Heading level={level} id={`${idPrefix}-contents`}>
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
          <Heading level={level} id={`${idPrefix}-${s.key}`}>
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

export function Downloads({ ctx, path }: { ctx: PageContext; path: string }) {
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

export function ChangeList({ ctx, changes }: { ctx: PageContext; changes: SectionChange[] }) {
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

/** A table in its own labelled scroll region (named like the heading above it), so a phone scrolls the table, not the page. */
export function Table({ label, head, children }: { label: string; head: string[]; children: ComponentChildren }) {
  return (
    <TableScroll label={label}>
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
    </TableScroll>
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
  current: Pick<Version, 'number' | 'sections' | 'effectiveOn' | 'staleTranslations'>;
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
      <Table label={t('agreement.parties')} head={[t('agreement.party'), t('agreement.signingBody'), t('agreement.signatory')]}>
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
      <Downloads ctx={ctx} path={`${base(ctx)}/versions/${current.number}`} />
      <StaleTranslationNote ctx={ctx} stale={current.staleTranslations} label={sectionLabel(ctx, current.sections)} />
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
      <SectionsText ctx={ctx} sections={version.sections} idPrefix="section" level={2} />
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
