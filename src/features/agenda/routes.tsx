// The annual agenda: the public reads published agendas; the steering group and coordinator see
// drafts too; the coordinator draws them up and records each step.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { compareAgendas } from '../../domain/annual-agenda.ts';
import { can } from '../../domain/policy.ts';
import { notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import type { FieldErrors, FormBody } from '../meetings/forms.ts';
import { canMeetings } from '../meetings/policy.ts';
import * as commands from './commands.ts';
import './messages.ts';
import * as q from './queries.ts';
import { AgendaPage, AgendasPage, ComparePage } from './views.tsx';

type P = { programme: string };
type AgendaParams = P & { agenda: string };
type State = { form: string; errors: FieldErrors; values: FormBody };

export function registerAgendaRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'nav.annualAgendas', path: '/annual-agendas', order: 45 });
  const seesInternal = (request: FastifyRequest) => can(request.actor, { do: 'programme.viewInternal' });
  const prepares = (request: FastifyRequest) => canMeetings(request.actor, { do: 'meetings.prepare' });
  const base = (request: FastifyRequest) => `/${request.locale}/${request.programme!.slug}/annual-agendas`;

  async function renderList(request: FastifyRequest<{ Params: P }>, reply: FastifyReply, state?: State) {
    const agendas = await q.listAgendas(db, request.programme!.id, seesInternal(request));
    return sendHtml(reply, renderPage(<AgendasPage ctx={pageContext(request, config)} agendas={agendas} canPrepare={prepares(request)} state={state} />), state ? 400 : 200);
  }

  async function loadAgenda(request: FastifyRequest<{ Params: AgendaParams }>) {
    const agenda = await q.getAgenda(db, request.programme!.id, request.params.agenda);
    if (!agenda || (agenda.state !== 'published' && !seesInternal(request))) throw notFound();
    return agenda;
  }

  async function renderAgenda(request: FastifyRequest<{ Params: AgendaParams }>, reply: FastifyReply, state?: State) {
    const agenda = await loadAgenda(request);
    const programmeId = request.programme!.id;
    const [entries, adoption, basedOn, decisions] = await Promise.all([
      q.listEntries(db, agenda.id),
      q.getAdoption(db, agenda.adoptedByDecisionId),
      agenda.basedOnId ? q.getAgenda(db, programmeId, agenda.basedOnId) : Promise.resolve(null),
      prepares(request) && agenda.state === 'proposed' ? q.adoptedExecutiveDecisions(db, programmeId) : Promise.resolve([]),
    ]);
    const visibleBase = basedOn && (basedOn.state === 'published' || seesInternal(request)) ? basedOn : null;
    const page = <AgendaPage ctx={pageContext(request, config)} agenda={agenda} entries={entries} adoption={adoption} basedOn={visibleBase} canPrepare={prepares(request)} decisions={decisions} state={state} />;
    return sendHtml(reply, renderPage(page), state ? 400 : 200);
  }

  for (const { url } of localizedPaths('/:programme/annual-agendas')) {
    app.get<{ Params: P }>(url, { config: { access: 'public' } }, async (request, reply) => renderList(request, reply));

    app.post<{ Params: P; Body: FormBody }>(url, { config: { access: 'manage' } }, async (request, reply) => {
      const form = request.body ?? {};
      const result = await commands.createAgenda({ actor: request.actor, db, programmeId: request.programme!.id, form });
      if (!result.ok) return renderList(request, reply, { form: 'create', errors: result.errors, values: form });
      return redirectLocal(reply, undefined, `${base(request)}/${result.id}`);
    });

    app.get<{ Params: P; Querystring: { left?: string; right?: string } }>(`${url}/compare`, { config: { access: 'public' } }, async (request, reply) => {
      const programmeId = request.programme!.id;
      const [left, right] = await Promise.all([q.getAgenda(db, programmeId, String(request.query.left ?? '')), q.getAgenda(db, programmeId, String(request.query.right ?? ''))]);
      const visible = (a: q.AnnualAgenda | null): a is q.AnnualAgenda => !!a && (a.state === 'published' || seesInternal(request));
      if (!visible(left) || !visible(right)) throw notFound();
      const [leftEntries, rightEntries] = await Promise.all([q.listEntries(db, left.id), q.listEntries(db, right.id)]);
      const info = new Map([...leftEntries, ...rightEntries].map((row) => [row.entry.projectId, { code: row.code, title: row.title }]));
      const rows = compareAgendas(
        leftEntries.map((row) => row.entry),
        rightEntries.map((row) => row.entry),
      ).map((row) => ({ ...row, ...info.get(row.projectId)! }));
      return sendHtml(reply, renderPage(<ComparePage ctx={pageContext(request, config)} left={left} right={right} rows={rows} />));
    });

    app.get<{ Params: AgendaParams }>(`${url}/:agenda`, { config: { access: 'public' } }, async (request, reply) => renderAgenda(request, reply));

    for (const step of ['propose', 'adopt', 'publish'] as const) {
      app.post<{ Params: AgendaParams; Body: FormBody }>(`${url}/:agenda/${step}`, { config: { access: 'manage' } }, async (request, reply) => {
        const form = request.body ?? {};
        const agenda = await q.getAgenda(db, request.programme!.id, request.params.agenda);
        if (!agenda) throw notFound();
        const result = await commands.advanceAgenda({ actor: request.actor, db, programmeId: request.programme!.id, agendaId: agenda.id, step, form });
        if (!result) throw notFound();
        if (!result.ok) return renderAgenda(request, reply, { form: 'advance', errors: result.errors, values: form });
        return redirectLocal(reply, undefined, `${base(request)}/${agenda.id}`);
      });
    }
  }
}
