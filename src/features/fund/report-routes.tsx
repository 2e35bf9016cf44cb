// The fund's reports, for who sees the whole fund: the page, and each report as CSV and XLSX.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { outstanding } from '../../domain/ledger.ts';
import { resolveText, type Locale } from '../../domain/localized.ts';
import { sendHtml } from '../../web/http.ts';
import { translator } from '../../web/i18n.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { sendTable, type Table } from '../../web/spreadsheet.ts';
import * as q from './queries.ts';
import { ReportsPage } from './report-views.tsx';

type Params = { programme: string };

export function registerReportRoutes(app: FastifyInstance, db: Db, config: Config): void {
  for (const { url } of localizedPaths('/:programme/fund/reports')) {
    app.get<{ Params: Params }>(url, { config: { action: 'fund.viewReports' } }, async (request, reply) => {
      const programmeId = request.programme!.id;
      const [parties, perProject, perFte] = await Promise.all([q.partyReport(db, programmeId), q.balancesPerProject(db, programmeId), q.hoursPerFte(db, programmeId)]);
      return sendHtml(reply, renderPage(<ReportsPage ctx={pageContext(request, config)} parties={parties} perProject={perProject} perFte={perFte} />));
    });
  }
  // The two reports as CSV and XLSX: the same table, money in integer cents shown as euros.
  const partiesTable = async (programmeId: string, locale: Locale): Promise<Table> => {
    const rows = await q.partyReport(db, programmeId);
    const t = translator(locale);
    return {
      title: t('fund.reportParties'),
      columns: [
        { header: t('fund.export.party') },
        { header: t('fund.export.contributedEuro'), kind: 'euro' },
        { header: t('fund.export.contributedHours'), kind: 'number' },
        { header: t('fund.export.project') },
        { header: t('fund.export.awardedEuro'), kind: 'euro' },
        { header: t('fund.export.paidEuro'), kind: 'euro' },
      ],
      rows: rows.flatMap((r) => {
        const head = [resolveText(r.organisation.name, locale).text, r.contributed.cents, r.contributed.hours];
        if (r.projects.length === 0) return [[...head, '', null, null]];
        return r.projects.map((p) => [...head, `${p.code}. ${resolveText(p.title, locale).text}`, p.balance.committed.cents, p.balance.paid.cents]);
      }),
    };
  };
  const projectsTable = async (programmeId: string, locale: Locale): Promise<Table> => {
    const rows = await q.balancesPerProject(db, programmeId);
    const t = translator(locale);
    return {
      title: t('fund.reportProjects'),
      columns: [
        { header: t('fund.export.code') },
        { header: t('fund.export.title') },
        { header: t('fund.export.awardedEuro'), kind: 'euro' },
        { header: t('fund.export.paidEuro'), kind: 'euro' },
        { header: t('fund.export.openEuro'), kind: 'euro' },
        { header: t('fund.export.awardedHours'), kind: 'number' },
        { header: t('fund.export.deliveredHours'), kind: 'number' },
      ],
      rows: rows.map(({ project, balance }) => [
        project.code,
        resolveText(project.title, locale).text,
        balance.committed.cents,
        balance.paid.cents,
        outstanding(balance).cents,
        balance.committed.hours,
        balance.paid.hours,
      ]),
    };
  };
  const reports = { parties: partiesTable, projects: projectsTable };
  for (const [report, build] of Object.entries(reports)) {
    for (const format of ['csv', 'xlsx'] as const) {
      for (const { url, locale } of localizedPaths(`/:programme/fund/reports/${report}.${format}`)) {
        app.get<{ Params: Params }>(url, { config: { action: 'fund.viewReports' } }, async (request, reply) => {
          return sendTable(reply, await build(request.programme!.id, locale), format, `fund-${report}`);
        });
      }
    }
  }
}
