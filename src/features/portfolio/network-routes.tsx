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
import { FORM_ERROR, type FieldErrors } from '../../domain/outcome.ts';
import { formState, readForm, type FormBody, type FormState } from '../../web/forms.ts';
import { LinkForm } from './inputs.ts';
import { linkProjects } from './joining.ts';
import { loadNetwork } from './network-queries.ts';
import { CrossOversPage, LINK_FORM, type LinkPrefill } from './network-views.tsx';
import './network-messages.ts';

type Params = { programme: string };

export function registerNetworkRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'pf.nav.network', path: '/cross-overs', order: 25 });

  async function render(request: FastifyRequest<{ Params: Params }>, form: LinkPrefill, state?: FormState, notice?: string) {
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
    return renderPage(<CrossOversPage ctx={ctx} network={network} suggestions={suggestions} organisationNames={organisationNames} form={linker ? form : null} state={state} notice={notice} />);
  }

  for (const { url } of localizedPaths('/:programme/cross-overs')) {
    app.get<{ Params: Params; Querystring: { a?: string; b?: string } }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const a = typeof request.query.a === 'string' ? request.query.a.slice(0, 20) : '';
      const b = typeof request.query.b === 'string' ? request.query.b.slice(0, 20) : '';
      return sendHtml(reply, await render(request, { a, b }));
    });

    app.post<{ Params: Params; Body: FormBody }>(url, { config: { action: 'crossOver.link' } }, async (request, reply) => {
      const body = request.body ?? {};
      const refuse = async (errors: FieldErrors) => sendHtml(reply, await render(request, { a: '', b: '' }, formState(LINK_FORM, errors, body)), 400);
      const read = readForm(LinkForm, body, request.locale);
      if (!read.ok) return refuse(read.errors);
      const [first, second] = await Promise.all([loadProjectRecord(db, request.programme!.id, read.value.a), loadProjectRecord(db, request.programme!.id, read.value.b)]);
      if (!first || !second) return refuse({ ...(first ? {} : { a: { key: 'form.error.choice' } }), ...(second ? {} : { b: { key: 'form.error.choice' } }) });
      if (first.project.id === second.project.id) return refuse({ b: { key: 'pf.error.sameProject' } });
      if (!can(request.actor, 'crossOver.manage', [first.ref, second.ref])) throw notFound();
      const result = await linkProjects(db, { actor: request.actor!, a: first.ref, b: second.ref, reason: read.value.reason });
      if (!result.ok) {
        const reason = pageContext(request, config).t(result.errors[FORM_ERROR]?.key ?? 'pf.crossovers.exists');
        return sendHtml(reply, await render(request, { a: '', b: '' }, formState(LINK_FORM, {}, body), reason), 409);
      }
      return redirectLocal(reply, `/${request.locale}/${request.programme!.slug}/cross-overs#cross-overs`, '/');
    });
  }
}
