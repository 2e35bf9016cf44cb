// The lead lets an organisation join a project "in overleg met de stuurgroep": for a non-party the
// steering group's advice is recorded with it; an objection is recorded and shown, it does not block.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { redirectLocal, sendHtml } from '../../web/http.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { editableProject } from './edit-routes.tsx';
import { organisationChoices } from './edit-queries.ts';
import { JOIN_FORM, JoinPage } from './edit-views.tsx';
import { formState, readForm, type FormBody, type FormState } from '../../web/forms.ts';
import { JoinForm, joinInput, offered } from './inputs.ts';
import { joinProject } from './joining.ts';
import { getJoinRequestRow, mailOutcome } from './join-requests.ts';
import { loadPartyOf } from './admission.ts';

type Params = { programme: string; code: string };

export function registerJoinRoutes(app: FastifyInstance, db: Db, config: Config): void {
  for (const { url } of localizedPaths('/:programme/projects/:code/partners/new')) {
    app.get<{ Params: Params }>(url, { config: { action: 'partner.join' } }, async (request, reply) => {
      const { project, ref } = await editableProject(db, request, 'partner.join');
      const [choices, partyOf] = await Promise.all([organisationChoices(db, request.programme!.id, request.locale), loadPartyOf(db, request.programme!.id)]);
      const organisations = choices.filter((o) => !ref.partnerOrganisationIds!.includes(o.id)).map((o) => ({ ...o, isParty: partyOf(o.id) !== null }));
      return sendHtml(reply, renderPage(<JoinPage ctx={pageContext(request, config)} project={project} organisations={organisations} />));
    });

    app.post<{ Params: Params; Body: FormBody }>(url, { config: { action: 'partner.join' } }, async (request, reply) => {
      const { project, ref, actor } = await editableProject(db, request, 'partner.join');
      const ctx = pageContext(request, config);
      const [choices, partyOf] = await Promise.all([organisationChoices(db, request.programme!.id, request.locale), loadPartyOf(db, request.programme!.id)]);
      const organisations = choices.filter((o) => !ref.partnerOrganisationIds!.includes(o.id)).map((o) => ({ ...o, isParty: partyOf(o.id) !== null }));
      const body = request.body ?? {};
      const page = (status: number, state: FormState) => sendHtml(reply, renderPage(<JoinPage ctx={ctx} project={project} organisations={organisations} state={state} />), status);
      const read = readForm(JoinForm, body, request.locale);
      const checked = read.ok ? offered(read.value, { organisationId: new Set(organisations.map((o) => o.id)) }) : read;
      const values = checked.ok ? joinInput(checked.value, partyOf(checked.value.organisationId) !== null) : checked;
      if (!values.ok) return page(400, formState(JOIN_FORM, values.errors, body));
      const result = await joinProject(db, { actor, project: ref, values: values.value, partyOf });
      if (!result.ok) return page(400, formState(JOIN_FORM, result.errors, body));
      // The organisation had asked to join: tell who asked.
      if (result.value.answeredRequestId) {
        const row = await getJoinRequestRow(db, project.id, result.value.answeredRequestId);
        if (row) await mailOutcome(db, { request: row.request, baseUrl: config.baseUrl, programmeSlug: request.programme!.slug, projectCode: row.project.code, projectTitle: row.project.title, organisation: row.organisation.name });
      }
      return redirectLocal(reply, `/${request.locale}/${request.programme!.slug}/projects/${project.code}#partners`, '/');
    });
  }
}
