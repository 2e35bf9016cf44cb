// The annual agenda: the public reads published agendas; the steering group and coordinator see
// drafts too; the coordinator draws them up ('agenda.draft'), the support level proposes
// ('agenda.propose'), the executive level adopts ('agenda.adopt', both answered for the level's
// body once loaded) and the coordinator publishes ('agenda.publish'); see ./policy.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { compareAgendas, spanHasPassed } from '../../domain/annual-agenda.ts';
import { today } from '../../clock.ts';
import { resolveText } from '../../domain/localized.ts';
import { askToConfirm, isConfirmed } from '../../web/confirm.tsx';
import { formatDate } from '../../web/i18n.ts';
import { backingDecisions } from '../meetings/backing.ts';
import { can } from '../../policies.ts';
import { formState, readForm, type FormBody, type FormState } from '../../web/forms.ts';
import { notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import * as commands from './commands.ts';
import './messages.ts';
import { AdvanceInput, AgendaCreateInput } from './schema.ts';
import * as q from './queries.ts';
import { AgendaPage, AgendasPage, ComparePage, span, type AgendaSteps } from './views.tsx';
import { agendaDocument } from './document.ts';
import { documentContext, sendDocument } from '../../documents/http.ts';

type P = { programme: string };
type AgendaParams = P & { agenda: string };

export function registerAgendaRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'nav.annualAgendas', path: '/annual-agendas', order: 45 });
  /** What the actor may do with an agenda's steps; nothing (and no query) for visitors. */
  async function steps(request: FastifyRequest): Promise<AgendaSteps> {
    if (!request.actor) return { propose: false, adopt: false, publish: false };
    const programmeId = request.programme!.id;
    const [propose, adopt] = await Promise.all([commands.mayTakeStep(db, programmeId, request.actor, 'propose'), commands.mayTakeStep(db, programmeId, request.actor, 'adopt')]);
    return { propose, adopt, publish: can(request.actor, 'agenda.publish') };
  }
  // Drafts are internal: for the steering group, the coordinator, and whoever takes a step on them.
  const seesInternal = (request: FastifyRequest, may?: AgendaSteps) => can(request.actor, 'programme.viewInternal') || !!(may && (may.propose || may.adopt));
  const base = (request: FastifyRequest) => `/${request.locale}/${request.programme!.slug}/annual-agendas`;

  async function renderList(request: FastifyRequest<{ Params: P }>, reply: FastifyReply, state?: FormState) {
    const agendas = await q.listAgendas(db, request.programme!.id, seesInternal(request, await steps(request)));
    return sendHtml(reply, renderPage(<AgendasPage ctx={pageContext(request, config)} agendas={agendas} canPrepare={can(request.actor, 'agenda.draft')} state={state} />), state ? 400 : 200);
  }

  /** The agenda of the address, if the reader may see it (published, or internal readers). */
  async function visibleAgenda(request: FastifyRequest<{ Params: AgendaParams }>) {
    const [agenda, may] = await Promise.all([q.getAgenda(db, request.programme!.id, request.params.agenda), steps(request)]);
    if (!agenda || (agenda.state !== 'published' && !seesInternal(request, may))) throw notFound();
    return { agenda, may };
  }

  async function renderAgenda(request: FastifyRequest<{ Params: AgendaParams }>, reply: FastifyReply, state?: FormState) {
    const programmeId = request.programme!.id;
    const { agenda, may } = await visibleAgenda(request);
    const [entries, adoption, basedOn, decisions] = await Promise.all([
      q.listEntries(db, agenda.id),
      q.adoptionSource(db, agenda),
      agenda.basedOnId ? q.getAgenda(db, programmeId, agenda.basedOnId) : Promise.resolve(null),
      may.adopt && agenda.state === 'proposed' ? backingDecisions(db, programmeId) : Promise.resolve([]),
    ]);
    const visibleBase = basedOn && (basedOn.state === 'published' || seesInternal(request, may)) ? basedOn : null;
    const page = <AgendaPage ctx={pageContext(request, config)} agenda={agenda} entries={entries} adoption={adoption} basedOn={visibleBase} may={may} decisions={decisions} state={state} />;
    return sendHtml(reply, renderPage(page), state ? 400 : 200);
  }

  for (const { url } of localizedPaths('/:programme/annual-agendas')) {
    app.get<{ Params: P }>(url, { config: { action: 'public' } }, async (request, reply) => renderList(request, reply));

    app.post<{ Params: P; Body: FormBody }>(url, { config: { action: 'agenda.draft' } }, async (request, reply) => {
      const read = readForm(AgendaCreateInput, request.body);
      const result = read.ok ? await commands.createAgenda({ actor: request.actor, db, programmeId: request.programme!.id, agenda: read.value }) : read;
      if (!result.ok) return renderList(request, reply, formState('agenda', result.errors, request.body));
      return redirectLocal(reply, undefined, `${base(request)}/${result.value.id}`);
    });

    app.get<{ Params: P; Querystring: { left?: string; right?: string } }>(`${url}/compare`, { config: { action: 'public' } }, async (request, reply) => {
      const programmeId = request.programme!.id;
      const [left, right] = await Promise.all([q.getAgenda(db, programmeId, String(request.query.left ?? '')), q.getAgenda(db, programmeId, String(request.query.right ?? ''))]);
      const insider = seesInternal(request, await steps(request));
      const visible = (a: q.AnnualAgenda | null): a is q.AnnualAgenda => !!a && (a.state === 'published' || insider);
      if (!visible(left) || !visible(right)) throw notFound();
      const [leftEntries, rightEntries] = await Promise.all([q.listEntries(db, left.id), q.listEntries(db, right.id)]);
      const info = new Map([...leftEntries, ...rightEntries].map((row) => [row.entry.projectId, { code: row.code, title: row.title }]));
      const rows = compareAgendas(
        leftEntries.map((row) => row.entry),
        rightEntries.map((row) => row.entry),
      ).map((row) => ({ ...row, ...info.get(row.projectId)! }));
      return sendHtml(reply, renderPage(<ComparePage ctx={pageContext(request, config)} left={left} right={right} rows={rows} />));
    });

    app.get<{ Params: AgendaParams }>(`${url}/:agenda`, { config: { action: 'public' } }, async (request, reply) => renderAgenda(request, reply));

    // The agenda as PDF and DOCX: for whoever may see its page.
    for (const format of ['pdf', 'docx'] as const) {
      app.get<{ Params: AgendaParams }>(`${url}/:agenda/agenda.${format}`, { config: { action: 'public' } }, async (request, reply) => {
        const { agenda } = await visibleAgenda(request);
        const [entries, adoption] = await Promise.all([q.listEntries(db, agenda.id), q.adoptionSource(db, agenda)]);
        return sendDocument(request, reply, format, agendaDocument(documentContext(request), { agenda, entries, adoption }), `annual-agenda-${span(agenda)}-${request.locale}`);
      });
    }

    // Proposing and adopting are answered for the steering level's body (its members, and the
    // coordinator as secretary); publishing is the coordinator's, answered before the handler.
    const stepActions = { propose: 'agenda.propose', adopt: 'agenda.adopt', publish: 'agenda.publish' } as const;
    for (const step of ['propose', 'adopt', 'publish'] as const) {
      app.post<{ Params: AgendaParams; Body: FormBody }>(`${url}/:agenda/${step}`, { config: { action: stepActions[step] } }, async (request, reply) => {
        const programmeId = request.programme!.id;
        if (!(await commands.mayTakeStep(db, programmeId, request.actor, step))) throw notFound();
        const agenda = await q.getAgenda(db, programmeId, request.params.agenda);
        if (!agenda) throw notFound();
        const read = readForm(AdvanceInput, request.body);
        // Adopting names its decision, which is checked first; then the confirmation step, which
        // warns when the agenda's years have passed (it is adopted afterwards).
        if (read.ok && step === 'adopt' && agenda.state === 'proposed' && !isConfirmed(request.body)) {
          const decision = await commands.adoptionDecision(db, programmeId, read.value.decision);
          if (!decision.ok) return renderAgenda(request, reply, formState('advance', decision.errors, request.body));
          const ctx = pageContext(request, config);
          const years = span(agenda);
          return askToConfirm(request, reply, config, {
            title: ctx.t('agenda.confirmTitle', { span: years }),
            consequences: [
              ctx.t('agenda.confirmWhat', { span: years, date: formatDate(request.locale, decision.value.meetingDate), text: resolveText(decision.value.text, request.locale).text }),
              ctx.t('agenda.confirmNext'),
            ],
            warning: spanHasPassed(agenda, today()) ? ctx.t('agenda.confirmAfterwards', { span: years }) : undefined,
            action: `${base(request)}/${agenda.id}/adopt`,
            values: request.body ?? {},
            confirmLabel: ctx.t('agenda.confirm'),
            cancelHref: `${base(request)}/${agenda.id}`,
          });
        }
        const result = read.ok ? await commands.advanceAgenda({ actor: request.actor, db, programmeId, agendaId: agenda.id, step, advance: read.value }) : read;
        if (!result) throw notFound();
        if (!result.ok) return renderAgenda(request, reply, formState('advance', result.errors, request.body));
        return redirectLocal(reply, undefined, `${base(request)}/${agenda.id}`);
      });
    }
  }
}
