import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { today } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { registerOrganisationEditRoutes } from './organisation-edit.tsx';
import { programmeTerm } from '../agreement/term-queries.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/localized.ts';
import { can } from '../../policies.ts';
import { notFound, sendHtml } from '../../web/http.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { homePanels, panelShowsIn } from '../../web/dashboard.ts';
import { pageContext, writableHere } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import './messages.ts';
import { registerEditRoutes } from './edit-routes.tsx';
import { ProjectLineageNote, projectLineage } from '../programmes/successor-lineage.tsx';
import { registerAdmissionRoutes } from './admission-routes.tsx';
import { registerNetworkRoutes } from './network-routes.tsx';
import { registerListRoutes } from './list-routes.tsx';
import { listConsultations, projectHistory, renamedProjectCode } from './edit-queries.ts';
import { adviceByOrganisation, Consultations, History, PartnerCommitments, ProjectTools } from './project-extras.tsx';
import { PROJECT } from '../files/owners.ts';
import { listProjectJoinRequests } from './join-requests.ts';
import { organisationLabels } from './join-request-routes.tsx';
import { JoinRequestsSection } from './join-request-views.tsx';
import { organisationsThatMayAsk } from './policy.ts';
import { attachmentsOf } from '../files/queries.ts';
import { Attachments } from '../files/views.tsx';
import * as q from './queries.ts';
import { AccessibilityPage } from './accessibility-views.tsx';
import { HomePage, OrganisationPage, OrganisationsPage, ProgrammesPage, ProjectPage, ProjectsPage, ThemePage } from './views.tsx';

/** Picks Dutch or English from Accept-Language, honouring q-values; Dutch when neither is asked. */
export function preferredLocale(header: string | undefined): Locale {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const qParam = params.find((p) => p.trim().startsWith('q='));
      return { lang: (tag ?? '').split('-')[0], q: qParam ? Number(qParam.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.lang === 'nl' || entry.lang === 'en')
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.lang as Locale | undefined) ?? DEFAULT_LOCALE;
}

type ProgrammeParams = { programme: string };

/** Coordinators, steering group members, leads and partners may see internal records. */
function seesInternal(request: FastifyRequest): boolean {
  return can(request.actor, 'programme.viewInternal');
}

export function registerPortfolioRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'nav.projects', path: '/projects', order: 10 });
  registerNavItem({ label: 'nav.organisations', path: '/organisations', order: 20 });
  registerNavItem({ label: 'pf.nav.proposals', path: '/proposals', order: 15, group: 'programme' });

  app.get('/', { config: { action: 'public' } }, async (request, reply) => {
    reply.header('vary', 'Accept-Language');
    return reply.redirect(`/${preferredLocale(request.headers['accept-language'])}`, 302);
  });

  // The installation's home: its programmes, running first. With a single programme there is
  // nothing to choose, so the visitor goes straight to it (its pages say when it is an archive).
  for (const { locale, url } of localizedPaths('')) {
    app.get(url, { config: { action: 'public' } }, async (request, reply) => {
      const programmes = await q.listProgrammes(db, today(), locale);
      if (programmes.length === 1) return reply.redirect(`${url}/${programmes[0]!.slug}`, 302);
      return sendHtml(reply, renderPage(<ProgrammesPage ctx={pageContext(request, config)} programmes={programmes} />));
    });
  }

  for (const { url } of localizedPaths('/:programme')) {
    app.get<{ Params: ProgrammeParams }>(url, { config: { action: 'public', pageCache: true } }, async (request, reply) => {
      const programmeId = request.programme!.id;
      const ctx = pageContext(request, config);
      const [programme, term, themes, projects, panels] = await Promise.all([
        q.getProgramme(db, programmeId),
        programmeTerm(db, programmeId),
        q.listThemes(db, programmeId),
        q.listProjects(db, programmeId, seesInternal(request)),
        Promise.all(homePanels().filter((panel) => panelShowsIn(panel, ctx.programmeStage)).map((panel) => panel.render({ db, ctx, request, programmeId }))),
      ]);
      return sendHtml(reply, renderPage(<HomePage ctx={ctx} programme={programme} term={term} themes={themes} projects={projects} panels={panels.filter((node) => node !== null)} />));
    });
  }

  for (const { url } of localizedPaths('/:programme/themes/:theme')) {
    app.get<{ Params: ProgrammeParams & { theme: string } }>(url, { config: { action: 'public', pageCache: true } }, async (request, reply) => {
      const programmeId = request.programme!.id;
      const theme = await q.getTheme(db, programmeId, request.params.theme);
      if (!theme) throw notFound();
      const projects = await q.listThemeProjects(db, programmeId, theme.id, seesInternal(request));
      return sendHtml(reply, renderPage(<ThemePage ctx={pageContext(request, config)} theme={theme} projects={projects} />));
    });
  }

  registerListRoutes(app, db, config);

  for (const { url } of localizedPaths('/:programme/projects/:code')) {
    app.get<{ Params: ProgrammeParams & { code: string } }>(url, { config: { action: 'public', pageCache: true } }, async (request, reply) => {
      const programmeId = request.programme!.id;
      const found = await q.getProject(db, programmeId, request.params.code);
      if (!found) {
        // A renamed project: the old address leads to the new one (302, as the old code may be reused).
        const renamed = await renamedProjectCode(db, programmeId, request.params.code);
        if (renamed) return reply.redirect(`/${request.locale}/${request.programme!.slug}/projects/${encodeURIComponent(renamed)}`, 302);
        throw notFound();
      }
      const { project } = found;
      const isPublic = project.published && !q.INTERNAL_LIFECYCLES.includes(project.lifecycle);
      const [partners, actions, targets, lineage] = await Promise.all([
        q.listProjectPartners(db, project.id),
        q.listProjectActions(db, project.id),
        q.listProjectTargets(db, project.id),
        projectLineage(db, project),
      ]);
      const ref = { id: project.id, programmeId, partnerOrganisationIds: partners.map((p) => p.organisation.id) };
      const internal = can(request.actor, 'project.viewInternal', ref);
      if (!isPublic && !internal) throw notFound();
      // In an archive only the coordinator's corrections remain: no edit links for anyone else.
      const writable = writableHere(request);
      const canEdit = writable && can(request.actor, 'project.edit', ref);
      const ctx = pageContext(request, config);
      const [history, consultations] = internal ? await Promise.all([projectHistory(db, project.id), listConsultations(db, project.id)]) : [[], []];
      const attachments = await attachmentsOf(db, config, request, PROJECT, project.id);
      // Requests to join: the lead and coordinator see all, a partner contact their organisations' own.
      const canDecide = writable && can(request.actor, 'partner.join', ref);
      const ownOrganisations = (request.actor?.assignments ?? []).flatMap((a) => (a.role === 'partner' && a.organisationId ? [a.organisationId] : []));
      const joinRows = canDecide || ownOrganisations.length > 0 ? (await listProjectJoinRequests(db, project.id)).filter((row) => canDecide || ownOrganisations.includes(row.request.organisationId)) : [];
      const openFor = new Set(joinRows.filter((row) => row.request.status === 'requested').map((row) => row.request.organisationId));
      const mayAsk = request.actor && writable ? await organisationLabels(db, organisationsThatMayAsk(request.actor, ref).filter((id) => !openFor.has(id)), request.locale) : [];
      const commitments = partners.map(({ partner, organisation }) => ({ ...partner, slug: organisation.slug, name: organisation.name }));
      return sendHtml(
        reply,
        renderPage(
          <ProjectPage ctx={ctx} project={found} partners={partners} actions={actions} targets={targets} editBase={canEdit ? `/${request.programme!.slug}/projects/${project.code}` : undefined} advice={adviceByOrganisation(ctx, consultations)}>
            <ProjectLineageNote ctx={ctx} lineage={lineage} />
            <ProjectTools ctx={ctx} code={project.code} canEdit={canEdit} showAdmission={internal} />
            <JoinRequestsSection ctx={ctx} code={project.code} rows={joinRows} mayAsk={mayAsk} canDecide={canDecide} userId={request.actor?.userId ?? null} />
            {internal && <PartnerCommitments ctx={ctx} rows={commitments} code={project.code} canEdit={canEdit} />}
            {internal && <Consultations ctx={ctx} rows={consultations} />}
            <Attachments ctx={ctx} data={attachments} title={ctx.t('files.attachments')} />
            {internal && <History ctx={ctx} rows={history} />}
          </ProjectPage>,
        ),
      );
    });
  }

  for (const { url } of localizedPaths('/:programme/organisations')) {
    app.get<{ Params: ProgrammeParams }>(url, { config: { action: 'public', pageCache: true } }, async (request, reply) => {
      const organisations = await q.listOrganisations(db, request.programme!.id, seesInternal(request));
      return sendHtml(reply, renderPage(<OrganisationsPage ctx={pageContext(request, config)} organisations={organisations} />));
    });
  }

  for (const { url } of localizedPaths('/:programme/organisations/:slug')) {
    app.get<{ Params: ProgrammeParams & { slug: string } }>(url, { config: { action: 'public', pageCache: true } }, async (request, reply) => {
      const programmeId = request.programme!.id;
      const organisation = await q.getOrganisation(db, programmeId, request.params.slug);
      if (!organisation) throw notFound();
      const [roles, units] = await Promise.all([
        q.listOrganisationRoles(db, programmeId, organisation.organisation.id, seesInternal(request)),
        q.listChildOrganisations(db, programmeId, organisation.organisation.id),
      ]);
      return sendHtml(reply, renderPage(<OrganisationPage ctx={pageContext(request, config)} organisation={organisation} roles={roles} units={units} />));
    });
  }

  registerEditRoutes(app, db, config);
  registerOrganisationEditRoutes(app, db, config);
  registerAdmissionRoutes(app, db, config);
  registerNetworkRoutes(app, db, config);

  for (const { url } of localizedPaths('/:programme/accessibility')) {
    app.get<{ Params: ProgrammeParams }>(url, { config: { action: 'public', pageCache: true } }, async (request, reply) => {
      const programme = await q.getProgramme(db, request.programme!.id);
      return sendHtml(reply, renderPage(<AccessibilityPage ctx={pageContext(request, config)} email={programme.contactEmail ?? ''} />));
    });
  }
}
