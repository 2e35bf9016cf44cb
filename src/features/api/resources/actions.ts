// A project's actions: list, get, POST (create) and PATCH (If-Match), with the project's rules:
// whoever may see the project sees its actions; its lead and the coordinator may change them.
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { ACTION_STATES } from '../../../db/schema.ts';
import { authorize } from '../../../policies.ts';
import { readJson } from '../../../web/forms.ts';
import { HttpError, notFound } from '../../../web/http.ts';
import { etagOf, requireIfMatch } from '../access.ts';
import { registerApiResource } from '../registry.ts';
import { API_PREFIX, ETagHeader, IfMatchHeaders, PagingQuery, StringEnum, pageEnvelope, pageOf, pagingOf, problems } from '../schemas.ts';
import { createAction, updateAction } from '../../portfolio/commands.ts';
import { getOrganisation } from '../../portfolio/queries.ts';
import { refuseInvalid } from './meeting-input.ts';
import { findAction, projectActionsOf } from './project-data.ts';
import { ActionCreate, ActionPatch, actionChange } from './project-input.ts';
import { ProjectParams, loadVisibleProject } from './projects.ts';
import { ActionSchema, toAction } from './shapes.ts';

const ActionParams = Type.Object({ ...ProjectParams.properties, actionId: Type.String({ format: 'uuid' }) });

/** The owner a request names by slug: undefined when it names none, null to clear it; an unknown slug is refused. */
async function ownerOf(db: Db, request: FastifyRequest, slug: string | null | undefined): Promise<string | null | undefined> {
  if (slug === undefined || slug === null) return slug;
  const found = await getOrganisation(db, request.programme!.id, slug);
  if (!found) refuseInvalid({ ownerOrganisation: { key: 'api.invalid.unknownOrganisation' } });
  return found.organisation.id;
}

const writeProblems = problems(400, 401, 403, 404, 415);

registerApiResource({
  name: 'actions',
  order: 40,
  tag: { name: 'Actions', description: 'What a project will do, by whom and when.' },
  register(api, { db }) {
    const base = '/programmes/:programme/projects/:projectCode/actions';

    api.get(
      base,
      {
        config: { action: 'public' },
        schema: {
          tags: ['Actions'],
          operationId: 'listActions',
          summary: 'List a project\'s actions',
          description: 'The project\'s actions in their order; filter by state.',
          params: ProjectParams,
          querystring: Type.Object({ ...PagingQuery, state: Type.Optional(StringEnum(ACTION_STATES)) }, { additionalProperties: false }),
          response: { 200: pageOf(ActionSchema, 'A page of actions.'), ...problems(400, 404) },
        },
      },
      async (request) => {
        const { found } = await loadVisibleProject(db, request, request.params.projectCode);
        const paging = pagingOf(request.query);
        const { rows, total } = await projectActionsOf(db, found.project.id, { state: request.query.state, limit: paging.pageSize, offset: paging.offset });
        const path = `/programmes/${request.programme!.slug}/projects/${encodeURIComponent(found.project.code)}/actions`;
        return pageEnvelope(rows.map((r) => toAction(r.action, r.owner)), paging, total, path, request.query);
      },
    );

    api.post(
      base,
      {
        config: { action: 'projectAction.add' },
        schema: {
          tags: ['Actions'],
          operationId: 'createAction',
          summary: 'Add an action to a project',
          description: 'For the project\'s lead and the coordinator, with a read-write token for this programme.',
          security: [{ bearerAuth: [] }],
          params: ProjectParams,
          body: ActionCreate,
          response: {
            201: {
              ...ActionSchema,
              description: 'The new action.',
              headers: { ...ETagHeader, Location: { type: 'string', description: 'The URL of the new action.' } },
            },
            ...writeProblems,
          },
        },
      },
      async (request, reply) => {
        const { ref } = await loadVisibleProject(db, request, request.params.projectCode);
        authorize(request.actor, 'projectAction.add', ref);
        const read = readJson(ActionCreate, request.body);
        if (!read.ok) refuseInvalid(read.errors);
        const values = actionChange(read.value, null, await ownerOf(db, request, read.value.ownerOrganisation));
        if (!values.ok) refuseInvalid(values.errors);
        const { id } = await createAction(db, { actor: request.actor!, project: ref, values: values.value, origin: 'api' });
        const created = (await findAction(db, ref.id, id))!;
        const path = `${API_PREFIX}/programmes/${request.programme!.slug}/projects/${encodeURIComponent(request.params.projectCode)}/actions/${id}`;
        return reply
          .code(201)
          .header('Location', path)
          .header('ETag', etagOf(id, created.action.version))
          .send(toAction(created.action, created.owner));
      },
    );

    api.get(
      `${base}/:actionId`,
      {
        config: { action: 'public' },
        schema: {
          tags: ['Actions'],
          operationId: 'getAction',
          summary: 'Get an action',
          description: 'One action; the ETag header names the version to send back in If-Match.',
          params: ActionParams,
          response: { 200: { ...ActionSchema, description: 'The action.', headers: ETagHeader }, ...problems(400, 404) },
        },
      },
      async (request, reply) => {
        const { ref } = await loadVisibleProject(db, request, request.params.projectCode);
        const found = await findAction(db, ref.id, request.params.actionId);
        if (!found) throw notFound();
        reply.header('ETag', etagOf(found.action.id, found.action.version));
        return toAction(found.action, found.owner);
      },
    );

    api.patch(
      `${base}/:actionId`,
      {
        config: { action: 'projectAction.edit' },
        schema: {
          tags: ['Actions'],
          operationId: 'updateAction',
          summary: 'Change an action',
          description: 'Send the ETag from GET in If-Match. Setting state to done records today as completedOn.',
          security: [{ bearerAuth: [] }],
          params: ActionParams,
          headers: IfMatchHeaders,
          body: ActionPatch,
          response: { 200: { ...ActionSchema, description: 'The changed action.', headers: ETagHeader }, ...problems(400, 401, 403, 404, 412, 415, 428) },
        },
      },
      async (request, reply) => {
        const { ref } = await loadVisibleProject(db, request, request.params.projectCode);
        const found = await findAction(db, ref.id, request.params.actionId);
        if (!found) throw notFound();
        authorize(request.actor, 'projectAction.edit', ref);
        const expectedVersion = requireIfMatch(request, found.action.id, found.action.version);
        const read = readJson(ActionPatch, request.body);
        if (!read.ok) refuseInvalid(read.errors);
        const values = actionChange(read.value, found.action, await ownerOf(db, request, read.value.ownerOrganisation));
        if (!values.ok) refuseInvalid(values.errors);
        const saved = await updateAction(db, { actor: request.actor!, project: ref, actionId: found.action.id, expectedVersion, values: values.value, origin: 'api' });
        // Someone saved between our read and this write: their change stands, this one is refused.
        if (!saved.ok) throw new HttpError(412, 'api.error.preconditionFailed');
        const changed = (await findAction(db, ref.id, found.action.id))!;
        reply.header('ETag', etagOf(changed.action.id, changed.action.version));
        return toAction(changed.action, changed.owner);
      },
    );
  },
});
