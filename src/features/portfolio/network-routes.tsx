// The cross-overs and partner network page (public, showing what the reader may see) and linking
// two projects (the coordinator, or a lead for their own project).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { suggestCrossOvers } from '../../domain/crossovers.ts';
import { can } from '../../policies.ts';
import { resolveText } from '../../domain/localized.ts';
import { notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { loadProjectRecord } from './edit-queries.ts';
import { field, localized, type FormBody, type Problems } from './forms.ts';
import { linkProjects } from './joining.ts';
import { loadNetwork } from './network-queries.ts';
import { CrossOversPage, type LinkFormValues } from './network-views.tsx';
import './network-messages.ts';

type Params = { programme: string };

export function registerNetworkRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'pf.nav.network', path: '/cross-overs', order: 25 });

  async function render(request: FastifyRequest<{ Params: Params }>, form: LinkFormValues | null, problems: Problems, notice?: string) {
    const internal = can(request.actor, 'programme.viewInternal');
    const network = await loadNetwork(db, request.programme!.id, internal);
    // Suggestions and the link form are for those who may link: the coordinator and leads.
    const linker = can(request.actor, 'crossOver.link');
    const organisationNames = new Map(network.partnerships.map((p) => [p.organisationId, resolveText(p.name, request.locale).text]));
    const suggestions = linker
      ? suggestCrossOvers(
          network.projects.map((p) => ({
            id: p.id,
            code: p.code,
            text: [p.title, p.goal, p.description].map((v) => `${v.nl ?? ''} ${v.en ?? ''}`).join(' '),
            organisationIds: network.partnerships.filter((x) => x.projectId === p.id && x.role !== 'intended_partner').map((x) => x.organisationId),
          })),
          network.links,
        )
      : null;
    const ctx = pageContext(request, config);
    return renderPage(<CrossOversPage ctx={ctx} network={network} suggestions={suggestions} organisationNames={organisationNames} form={linker ? form : null} problems={problems} notice={notice} />);
  }

  for (const { url } of localizedPaths('/:programme/cross-overs')) {
    app.get<{ Params: Params; Querystring: { a?: string; b?: string } }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const a = typeof request.query.a === 'string' ? request.query.a.slice(0, 20) : '';
      const b = typeof request.query.b === 'string' ? request.query.b.slice(0, 20) : '';
      return sendHtml(reply, await render(request, { a, b, reason: {} }, {}));
    });

    app.post<{ Params: Params; Body: FormBody }>(url, { config: { action: 'crossOver.link' } }, async (request, reply) => {
      const body = request.body ?? {};
      const problems: Problems = {};
      const form: LinkFormValues = { a: field(body, 'a'), b: field(body, 'b'), reason: localized(body, 'reason', problems, true) };
      const [first, second] = await Promise.all([loadProjectRecord(db, request.programme!.id, form.a), loadProjectRecord(db, request.programme!.id, form.b)]);
      if (!first) problems.a = 'pf.error.choice';
      if (!second) problems.b = 'pf.error.choice';
      if (first && second && first.project.id === second.project.id) problems.b = 'pf.error.sameProject';
      if (Object.keys(problems).length > 0) return sendHtml(reply, await render(request, form, problems), 400);
      if (!can(request.actor, 'crossOver.manage', [first!.ref, second!.ref])) throw notFound();
      const result = await linkProjects(db, { actor: request.actor!, a: first!.ref, b: second!.ref, reason: form.reason });
      if (result === 'exists') return sendHtml(reply, await render(request, form, {}, pageContext(request, config).t('pf.crossovers.exists')), 409);
      return redirectLocal(reply, `/${request.locale}/${request.programme!.slug}/cross-overs#cross-overs`, '/');
    });
  }
}
