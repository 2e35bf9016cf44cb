// The filterable project list and its CSV and XLSX export. Both show exactly what the reader may
// see; every text cell of an export is neutralised so a spreadsheet never runs it as a formula.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { today } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { resolveText } from '../../domain/localized.ts';
import { can } from '../../policies.ts';
import { sendHtml } from '../../web/http.ts';
import { translator } from '../../web/i18n.ts';
import { pageContext, stageOf } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { sendTable } from '../../web/spreadsheet.ts';
import { eq } from 'drizzle-orm';
import { organisations } from '../../db/schema.ts';
import './network-messages.ts';
import { applyFilters, loadProjectFacts, readFilters } from './list.ts';
import { ProjectFilters } from './list-views.tsx';
import * as q from './queries.ts';
import { ProjectsPage } from './views.tsx';

type Params = { programme: string };

async function filteredProjects(db: Db, request: FastifyRequest<{ Params: Params }>) {
  const programmeId = request.programme!.id;
  const includeInternal = can(request.actor, 'programme.viewInternal');
  const [themes, projects] = await Promise.all([q.listThemes(db, programmeId), q.listProjects(db, programmeId, includeInternal)]);
  const facts = await loadProjectFacts(db, programmeId, projects.map((p) => p.id), today());
  // An archive has no overdue work: its list neither filters nor counts by it.
  const archive = stageOf(request) === 'finished';
  const filters = { ...readFilters(request.query as Record<string, unknown>), ...(archive ? { overdue: false } : {}) };
  const rows = applyFilters(projects, facts, filters, new Map(themes.map((t) => [t.code, t.id])));
  return { themes, rows, facts, filters, archive };
}

export function registerListRoutes(app: FastifyInstance, db: Db, config: Config): void {
  for (const { url } of localizedPaths('/:programme/projects')) {
    app.get<{ Params: Params }>(url, { config: { action: 'public', pageCache: true } }, async (request, reply) => {
      const { themes, rows, filters } = await filteredProjects(db, request);
      const ctx = pageContext(request, config);
      const filterOrganisations = (await db.select({ slug: organisations.slug, name: organisations.name }).from(organisations).where(eq(organisations.programmeId, request.programme!.id)))
        .map((o) => ({ slug: o.slug, label: resolveText(o.name, request.locale).text }))
        .sort((a, b) => a.label.localeCompare(b.label, request.locale));
      const themeOptions = themes.map((th) => ({ code: th.code, label: `${th.code}. ${resolveText(th.title, request.locale).text}` }));
      return sendHtml(reply, renderPage(<ProjectsPage ctx={ctx} projects={rows} themes={themes} filters={<ProjectFilters ctx={ctx} filters={filters} themes={themeOptions} organisations={filterOrganisations} />} />));
    });
  }

  async function exportRows(request: FastifyRequest<{ Params: Params }>) {
    const { themes, rows, facts, archive } = await filteredProjects(db, request);
    const locale = request.locale;
    const t = translator(locale);
    const themeById = new Map(themes.map((th) => [th.id, `${th.code}. ${resolveText(th.title, locale).text}`]));
    const header = [t('projects.code'), t('project.theme'), t('projects.project'), t('project.lead'), t('project.status'), t('project.lifecycle'), t('project.partners'), t('project.intendedPartners'), t('pf.list.openActions'), ...(archive ? [] : [t('pf.list.overdueActions')])];
    const names = (id: string, role: string[]) =>
      facts.get(id)!.partners.filter((p) => role.includes(p.role)).map((p) => resolveText(p.name, locale).text).join('; ');
    const body = rows.map((p) => [
      p.code,
      p.themeId ? (themeById.get(p.themeId) ?? '') : '',
      resolveText(p.title, locale).text,
      p.leadName ? resolveText(p.leadName, locale).text : '',
      resolveText(p.status, locale).text,
      t(`lifecycle.${p.lifecycle}`),
      names(p.id, ['lead', 'partner']),
      names(p.id, ['intended_partner']),
      facts.get(p.id)!.openActions,
      ...(archive ? [] : [facts.get(p.id)!.overdueActions]),
    ]);
    return { header, body };
  }

  for (const format of ['csv', 'xlsx'] as const) {
    for (const { url } of localizedPaths(`/:programme/export/projects.${format}`)) {
      app.get<{ Params: Params }>(url, { config: { action: 'public' } }, async (request, reply) => {
        const { header, body } = await exportRows(request);
        const table = { title: translator(request.locale)('projects.title'), columns: header.map((h) => ({ header: h })), rows: body };
        return sendTable(reply, table, format, `projects-${request.programme!.slug}`);
      });
    }
  }
}
