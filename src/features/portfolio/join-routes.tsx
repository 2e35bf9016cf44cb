// Adding an organisation to a project after consulting the steering group. The consultation is
// recorded whatever its outcome; only an agreeing steering group lets the organisation join.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import { today } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { redirectLocal, sendHtml } from '../../web/http.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { editableProject } from './edit-routes.tsx';
import { organisationChoices } from './edit-queries.ts';
import type { JoinFormValues } from './edit-types.ts';
import { JoinPage } from './edit-views.tsx';
import { field, isoDate, localized, type FormBody, type Problems } from './forms.ts';
import { joinProject } from './joining.ts';

type Params = { programme: string; code: string };

export function registerJoinRoutes(app: FastifyInstance, db: Db, config: Config): void {
  for (const { url } of localizedPaths('/:programme/projects/:code/partners/new')) {
    app.get<{ Params: Params }>(url, { config: { action: 'partner.join' } }, async (request, reply) => {
      const { project, ref } = await editableProject(db, request, 'partner.join');
      const organisations = (await organisationChoices(db, request.programme!.id, request.locale)).filter((o) => !ref.partnerOrganisationIds!.includes(o.id));
      const values: JoinFormValues = { organisationId: '', role: 'partner', consultedOn: today(), outcome: 'agreed', note: {} };
      return sendHtml(reply, renderPage(<JoinPage ctx={pageContext(request, config)} project={project} organisations={organisations} values={values} problems={{}} />));
    });

    app.post<{ Params: Params; Body: FormBody }>(url, { config: { action: 'partner.join' } }, async (request, reply) => {
      const { project, ref, actor } = await editableProject(db, request, 'partner.join');
      const ctx = pageContext(request, config);
      const organisations = (await organisationChoices(db, request.programme!.id, request.locale)).filter((o) => !ref.partnerOrganisationIds!.includes(o.id));
      const body = request.body ?? {};
      const problems: Problems = {};
      const organisationId = field(body, 'organisationId');
      if (!organisations.some((o) => o.id === organisationId)) problems.organisationId = 'pf.error.choice';
      const role = field(body, 'role');
      if (role !== 'partner' && role !== 'intended_partner') problems.role = 'pf.error.choice';
      const outcome = field(body, 'outcome');
      if (outcome !== 'agreed' && outcome !== 'objection') problems.outcome = 'pf.error.choice';
      const consultedOn = isoDate(body, 'consultedOn', problems, true);
      if (consultedOn && consultedOn > today()) problems.consultedOn = 'pf.error.future';
      const values: JoinFormValues = {
        organisationId,
        role: role === 'intended_partner' ? 'intended_partner' : 'partner',
        consultedOn: consultedOn ?? field(body, 'consultedOn'),
        outcome: outcome === 'objection' ? 'objection' : 'agreed',
        note: localized(body, 'note', problems),
      };
      const page = (status: number, notice?: string) =>
        sendHtml(reply, renderPage(<JoinPage ctx={ctx} project={project} organisations={organisations} values={values} problems={problems} notice={notice} />), status);
      if (Object.keys(problems).length > 0) return page(400);
      const result = await joinProject(db, { actor, project: ref, values: { ...values, consultedOn: consultedOn! } });
      if (result === 'objection') return page(200, ctx.t('pf.join.objectionRecorded'));
      return redirectLocal(reply, `/${request.locale}/${request.programme!.slug}/projects/${project.code}#partners`, '/');
    });
  }
}
