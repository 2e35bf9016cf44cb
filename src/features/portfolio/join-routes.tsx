// Adding an organisation to a project after consulting the steering group. The consultation is
// recorded whatever its outcome; only an agreeing steering group lets the organisation join.
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

type Params = { programme: string; code: string };

export function registerJoinRoutes(app: FastifyInstance, db: Db, config: Config): void {
  for (const { url } of localizedPaths('/:programme/projects/:code/partners/new')) {
    app.get<{ Params: Params }>(url, { config: { action: 'partner.join' } }, async (request, reply) => {
      const { project, ref } = await editableProject(db, request, 'partner.join');
      const organisations = (await organisationChoices(db, request.programme!.id, request.locale)).filter((o) => !ref.partnerOrganisationIds!.includes(o.id));
      return sendHtml(reply, renderPage(<JoinPage ctx={pageContext(request, config)} project={project} organisations={organisations} />));
    });

    app.post<{ Params: Params; Body: FormBody }>(url, { config: { action: 'partner.join' } }, async (request, reply) => {
      const { project, ref, actor } = await editableProject(db, request, 'partner.join');
      const ctx = pageContext(request, config);
      const organisations = (await organisationChoices(db, request.programme!.id, request.locale)).filter((o) => !ref.partnerOrganisationIds!.includes(o.id));
      const body = request.body ?? {};
      const page = (status: number, state: FormState, notice?: string) =>
        sendHtml(reply, renderPage(<JoinPage ctx={ctx} project={project} organisations={organisations} state={state} notice={notice} />), status);
      const read = readForm(JoinForm, body, request.locale);
      const checked = read.ok ? offered(read.value, { organisationId: new Set(organisations.map((o) => o.id)) }) : read;
      const values = checked.ok ? joinInput(checked.value) : checked;
      if (!values.ok) return page(400, formState(JOIN_FORM, values.errors, body));
      const result = await joinProject(db, { actor, project: ref, values: values.value });
      if (!result.ok) return page(400, formState(JOIN_FORM, result.errors, body));
      if (!result.value.added) return page(200, formState(JOIN_FORM, {}, body), ctx.t('pf.join.objectionRecorded'));
      return redirectLocal(reply, `/${request.locale}/${request.programme!.slug}/projects/${project.code}#partners`, '/');
    });
  }
}
