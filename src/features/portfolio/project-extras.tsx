// Sections the project page gains for people involved: editing tools, partners' commitments,
// consultations on joining partners, and the history of every recorded change.
import type { ComponentChildren } from 'preact';
import { resolveText, type Locale, type LocalizedText } from '../../domain/localized.ts';
import { Heading, Link, TableScroll } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { formatDate, formatDateTime } from '../../web/i18n.ts';
import type { projectHistory } from './edit-queries.ts';

export interface CommitmentRow {
  slug: string;
  name: LocalizedText;
  role: string;
  declaredInterest: boolean;
  capacityHours: number | null;
  moneyCents: number | null;
  commitmentAgreed: boolean;
}

export function ProjectTools({ ctx, code, canEdit, showAdmission }: { ctx: PageContext; code: string; canEdit: boolean; showAdmission: boolean }) {
  const { t } = ctx;
  const base = `/${ctx.programme!.slug}/projects/${code}`;
  if (!canEdit && !showAdmission) return null;
  return (
    <nav aria-label={t('pf.tools.label')} class="ks-tools-bar">
      <ul class="utrecht-unordered-list">
        {canEdit && (
          <>
            <li class="utrecht-unordered-list__item"><Link ctx={ctx} to={`${base}/edit`}>{t('pf.edit.link')}</Link></li>
            <li class="utrecht-unordered-list__item"><Link ctx={ctx} to={`${base}/actions/new`}>{t('pf.edit.addAction')}</Link></li>
            <li class="utrecht-unordered-list__item"><Link ctx={ctx} to={`${base}/partners/new`}>{t('pf.join.link')}</Link></li>
          </>
        )}
        {showAdmission && <li class="utrecht-unordered-list__item"><Link ctx={ctx} to={`${base}/admission`}>{t('pf.admission.link')}</Link></li>}
      </ul>
    </nav>
  );
}

const money = (locale: Locale, cents: number) => new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

export function PartnerCommitments({ ctx, rows, code, canEdit }: { ctx: PageContext; rows: CommitmentRow[]; code: string; canEdit: boolean }) {
  const { t, locale } = ctx;
  return (
    <section aria-labelledby="commitments">
      <Heading level={2} id="commitments">{t('pf.commitments.title')}</Heading>
      <TableScroll label={t('pf.commitments.title')}>
        <table class="utrecht-table ks-table">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('pf.join.organisation')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('organisation.role')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('pf.field.declaredInterest')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('pf.field.capacityHours')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('pf.field.money')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('pf.field.commitmentAgreed')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {rows.map((row) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  {canEdit ? (
                    <Link ctx={ctx} to={`/${ctx.programme!.slug}/projects/${code}/partners/${row.slug}/edit`}>
                      {t('pf.edit.editPartner', { name: resolveText(row.name, locale).text })}
                    </Link>
                  ) : (
                    resolveText(row.name, locale).text
                  )}
                </th>
                <td class="utrecht-table__cell">{t(`partnerRole.${row.role}`)}</td>
                <td class="utrecht-table__cell">{row.declaredInterest ? t('pf.yes') : t('pf.no')}</td>
                <td class="utrecht-table__cell">{row.capacityHours ?? '—'}</td>
                <td class="utrecht-table__cell">{row.moneyCents === null ? '—' : money(locale, row.moneyCents)}</td>
                <td class="utrecht-table__cell">{row.commitmentAgreed ? t('pf.yes') : t('pf.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

export interface ConsultationRow {
  organisationId: string;
  organisation: LocalizedText;
  consultedOn: string;
  level: 'support' | 'executive';
  outcome: 'agreed' | 'objection';
  note: LocalizedText;
  recordedByLabel: string;
}

/** The steering group's advice as shown with the partner and in the list ("Advies ambtelijke stuurgroep (…): bezwaar"). */
export function AdviceText({ ctx, row }: { ctx: PageContext; row: Pick<ConsultationRow, 'level' | 'consultedOn' | 'outcome'> }) {
  const text = ctx.t('pf.consultation.withPartner', { level: ctx.t(`pf.consultation.level.${row.level}`).toLowerCase(), date: formatDate(ctx.locale, row.consultedOn), outcome: ctx.t(`pf.consultation.${row.outcome}`) });
  return row.outcome === 'objection' ? <strong class="ks-advice ks-advice--objection">{text}</strong> : <span class="ks-advice">{text}</span>;
}

/** The newest advice per organisation (rows come newest first), rendered for the partner list. */
export function adviceByOrganisation(ctx: PageContext, rows: ConsultationRow[]) {
  const advice = new Map<string, ComponentChildren>();
  for (const row of rows) if (!advice.has(row.organisationId)) advice.set(row.organisationId, <AdviceText ctx={ctx} row={row} />);
  return advice;
}

export function Consultations({ ctx, rows }: { ctx: PageContext; rows: ConsultationRow[] }) {
  const { t, locale } = ctx;
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="consultations">
      <Heading level={2} id="consultations">{t('pf.consultations.title')}</Heading>
      <ul class="utrecht-unordered-list">
        {rows.map((row) => (
          <li class="utrecht-unordered-list__item">
            {formatDate(locale, row.consultedOn)}: {resolveText(row.organisation, locale).text} — <AdviceText ctx={ctx} row={row} /> ({row.recordedByLabel})
            {resolveText(row.note, locale).text ? `. ${resolveText(row.note, locale).text}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('nl' in record || 'en' in record) return [record.nl, record.en].filter(Boolean).join(' / ') || '—';
    return JSON.stringify(value);
  }
  return String(value);
}

/** Before → after per changed field; ids that only link records are left out. */
function changes(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !/Id$/.test(k) && k !== 'id' && k !== 'programmeId' && k !== 'projectId');
  return keys.map((key) => (key in b ? `${key}: ${describe(b[key])} → ${describe(a[key])}` : `${key}: ${describe(a[key])}`));
}

export function History({ ctx, rows }: { ctx: PageContext; rows: Awaited<ReturnType<typeof projectHistory>> }) {
  const { t, locale } = ctx;
  return (
    <section aria-labelledby="history">
      <Heading level={2} id="history">{t('pf.history.title')}</Heading>
      {rows.length === 0 ? (
        <p class="utrecht-paragraph">{t('pf.history.none')}</p>
      ) : (
        <TableScroll label={t('pf.history.title')}>
          <table class="utrecht-table ks-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('pf.history.when')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('pf.history.who')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('pf.history.what')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('pf.history.change')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {rows.map((row) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">{formatDateTime(locale, row.at)}</td>
                  <td class="utrecht-table__cell">{row.actorLabel}</td>
                  <td class="utrecht-table__cell">{t(`pf.history.${row.action}`)}</td>
                  <td class="utrecht-table__cell">
                    {changes(row.before, row.after).map((line) => (
                      <div>{line}</div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
