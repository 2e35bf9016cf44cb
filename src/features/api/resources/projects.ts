// Projects with their partners and actions: list, get, and PATCH (If-Match) for the lead and the
// coordinator. Visibility follows the pages: proposals and unpublished projects are internal.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { LIFECYCLES } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { authorize, can } from '../../../policies.ts';
import { readJson } from '../../../web/forms.ts';
import { HttpError, notFound } from '../../../web/http.ts';
import { updateProject } from '../../portfolio/commands.ts';
import { etagOf, isPublicProject, requireIfMatch, seesInternal } from '../access.ts';
import { registerApiResource } from '../registry.ts';
import { ETagHeader, IfMatchHeaders, PagingQuery, StringEnum, isoInstant, localized, pageEnvelope, pageOf, pagingOf, problems } from '../schemas.ts';
import { ProgrammeParams } from './programmes.ts';
import { refuseInvalid } from './meeting-input.ts';
import { PROJECT_SORTS, findProject, listProjectsPage, projectActionsOf, projectPartnersOf } from './project-data.ts';
import { ProjectPatch, projectChange } from './project-input.ts';
import { ProjectSchema, ProjectSummarySchema, toAction, toOrganisationRef, toPartner } from './shapes.ts';

export const ProjectParams = Type.Object({ ...ProgrammeParams.properties, projectCode: Type.String({ maxLength: 40, description: 'The project\'s code, e.g. 1a.' }) });

type Found = NonNullable<Awaited<ReturnType<typeof findProject>>>;

function toSummary(found: Pick<Found, 'project' | 'theme' | 'lead'>) {
  const { project, theme, lead } = found;
  return {
    code: project.code,
    title: localized(project.title),
    goal: localized(project.goal),
    status: localized(project.status),
    lifecycle: project.lifecycle,
    published: project.published,
    theme: theme ? { code: theme.code, title: localized(theme.title) } : null,
    leadOrganisation: toOrganisationRef(lead),
    leadNote: localized(project.leadNote),
    version: project.version,
    updatedAt: isoInstant(project.updatedAt)!,
  };
}

/**
 * The project as this caller may see it, or 404: internal projects only for steering-group
 * members, the coordinator, its lead and people of its partner organisations.
 */
export async function loadVisibleProject(db: Db, request: FastifyRequest, code: string) {
  const programmeId = request.programme!.id;
  const found = await findProject(db, programmeId, code);
  if (!found) throw notFound();
  const partners = await projectPartnersOf(db, found.project.id);
  const ref = { id: found.project.id, programmeId, partnerOrganisationIds: partners.map((p) => p.organisation.id) };
  const internal = can(request.actor, 'project.viewInternal', ref);
  if (!isPublicProject(found.project) && !internal) throw notFound();
  return { found, partners, ref, internal };
}

async function projectBody(db: Db, request: FastifyRequest, code: string, reply: FastifyReply) {
  const { found, partners, internal } = await loadVisibleProject(db, request, code);
  const { rows } = await projectActionsOf(db, found.project.id);
  reply.header('ETag', etagOf(found.project.id, found.project.version));
  return {
    ...toSummary(found),
    description: localized(found.project.description),
    partners: partners.map((p) => toPartner(p.partner, p.organisation, internal)),
    actions: rows.map((r) => toAction(r.action, r.owner)),
  };
}

registerApiResource({
  name: 'projects',
  order: 30,
  tag: { name: 'Projects', description: 'Projects with their partners and actions.' },
  register(api, { db }) {
    api.get(
      '/programmes/:programme/projects',
      {
        config: { action: 'public' },
        schema: {
          tags: ['Projects'],
          operationId: 'listProjects',
          summary: 'List the programme\'s projects',
          description: 'Anonymous callers get the projects the public website shows; coordinators and steering-group members also internal ones.',
          params: ProgrammeParams,
          querystring: Type.Object(
            {
              ...PagingQuery,
              theme: Type.Optional(Type.String({ maxLength: 40, description: 'Only projects of this theme (its code).' })),
              lifecycle: Type.Optional(StringEnum(LIFECYCLES, { description: 'Only projects in this stage.' })),
              sort: Type.Optional(StringEnum(PROJECT_SORTS, { description: 'Sort field; a leading minus sorts descending.', default: 'code' })),
            },
            { additionalProperties: false },
          ),
          response: { 200: pageOf(ProjectSummarySchema, 'A page of projects.'), ...problems(400, 404) },
        },
      },
      async (request) => {
        const paging = pagingOf(request.query);
        const { rows, total } = await listProjectsPage(
          db,
          request.programme!.id,
          { theme: request.query.theme, lifecycle: request.query.lifecycle, includeInternal: seesInternal(request) },
          request.query.sort ?? 'code',
          paging.pageSize,
          paging.offset,
        );
        const items = rows.map((r) => toSummary({ project: r.project, theme: r.theme?.code ? r.theme : null, lead: r.lead?.slug ? r.lead : null }));
        return pageEnvelope(items, paging, total, `/programmes/${request.programme!.slug}/projects`, request.query);
      },
    );

    api.get(
      '/programmes/:programme/projects/:projectCode',
      {
        config: { action: 'public' },
        schema: {
          tags: ['Projects'],
          operationId: 'getProject',
          summary: 'Get a project with its partners and actions',
          description: 'The project with its partners (capacity and money only for callers who may see the project\'s internals) and its actions. The ETag header names the version to send back in If-Match.',
          params: ProjectParams,
          response: { 200: { ...ProjectSchema, description: 'The project.', headers: ETagHeader }, ...problems(400, 404) },
        },
      },
      async (request, reply) => projectBody(db, request, request.params.projectCode, reply),
    );

    api.patch(
      '/programmes/:programme/projects/:projectCode',
      {
        config: { action: 'project.edit' },
        schema: {
          tags: ['Projects'],
          operationId: 'updateProject',
          summary: 'Change a project\'s texts',
          description: 'For the project\'s lead and the coordinator, with a read-write token. Send the ETag from GET in If-Match.',
          security: [{ bearerAuth: [] }],
          params: ProjectParams,
          headers: IfMatchHeaders,
          body: ProjectPatch,
          response: { 200: { ...ProjectSchema, description: 'The changed project.', headers: ETagHeader }, ...problems(400, 401, 403, 404, 412, 415, 428) },
        },
      },
      async (request, reply) => {
        const { found, ref } = await loadVisibleProject(db, request, request.params.projectCode);
        // Permission before precondition: who may not edit learns nothing about versions.
        authorize(request.actor, 'project.edit', ref);
        const expectedVersion = requireIfMatch(request, found.project.id, found.project.version);
        const read = readJson(ProjectPatch, request.body);
        if (!read.ok) refuseInvalid(read.errors);
        const change = projectChange(read.value, found.project);
        if (!change.ok) refuseInvalid(change.errors);
        const saved = await updateProject(db, { actor: request.actor!, project: ref, expectedVersion, values: change.value, origin: 'api' });
        // Someone saved between our read and this write: their change stands, this one is refused.
        if (!saved.ok) throw new HttpError(412, 'api.error.preconditionFailed');
        return projectBody(db, request, request.params.projectCode, reply);
      },
    );
  },
});
