// The fund's reports for those who see the whole fund: per party (contributed, and where an
// earmark went) and per project (awarded and paid), with CSV and XLSX downloads.
import type { Balance } from '../../domain/ledger.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { formatCents } from '../../domain/money.ts';
import { Heading, Text } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import type { partyReport } from './queries.ts';
import { base, crumbs, Hours, Table, td, type Row } from './view-parts.tsx';

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
