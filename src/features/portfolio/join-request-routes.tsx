// Asking to join a project and answering the request. The partner contact asks from the project
// page (only for an organisation of theirs that is not a partner yet); the lead or the coordinator
// reviews it, records the steering group's advice where the rules ask for it and accepts — through
// joinProject, the one way an organisation joins — or declines with a reason; both after a
// confirmation step. Who asked may withdraw an open request. Anything the reader may not do is 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inArray } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { organisations } from '../../db/schema.ts';
import { resolveText } from '../../domain/localized.ts';
import type { Actor } from '../../domain/policy.ts';
import { can } from '../../policies.ts';
import { askToConfirm, isConfirmed } from '../../web/confirm.tsx';
import { formState, isUuid, readForm, type FormBody, type FormState } from '../../web/forms.ts';
import { formatDate } from '../../web/i18n.ts';
import { HttpError, notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { loadPartyOf } from './admission.ts';
import { editableProject } from './edit-routes.tsx';
import { loadProjectRecord } from './edit-queries.ts';
import type { Choice } from './edit-views.tsx';
import { AcceptRequestForm, DeclineRequestForm, joinInput, JoinRequestForm, joinRequestInput, WithdrawRequestForm } from './inputs.ts';
import { askToJoin, declineJoinRequest, getJoinRequestRow, mailOutcome, withdrawJoinRequest, type JoinRequestRow } from './join-requests.ts';
import { ACCEPT_FORM, ASK_FORM, AskToJoinPage, DECLINE_FORM, ReviewJoinRequestPage } from './join-request-views.tsx';
import { joinProject } from './joining.ts';
import { organisationsThatMayAsk, type ProjectRef } from './policy.ts';
import { INTERNAL_LIFECYCLES } from './queries.ts';

type Params = { programme: string; code: string };
type RequestParams = Params & { requestId: string };

/** Names of organisations, in the reader's language, sorted. */
export async function organisationLabels(db: Db, ids: string[], locale: 'nl' | 'en'): Promise<Choice[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids));
  return rows.map((r) => ({ id: r.id, label: resolveText(r.name, locale).text })).sort((a, b) => a.label.localeCompare(b.label, locale));
}

export function registerJoinRequestRoutes(app: FastifyInstance, db: Db, config: Config): void {
  const projectPath = (request: FastifyRequest<{ Params: Params }>, code: string) => `/${request.locale}/${request.programme!.slug}/projects/${encodeURIComponent(code)}`;

  /** The project a partner contact may ask to join: one they can see, with an organisation of theirs not yet in it. */
  async function askable(request: FastifyRequest<{ Params: Params }>) {
    if (!request.actor) throw new HttpError(401, 'error.signInRequired');
    const record = await loadProjectRecord(db, request.programme!.id, request.params.code);
    if (!record) throw notFound();
    const visible = (record.project.published && !INTERNAL_LIFECYCLES.includes(record.project.lifecycle)) || can(request.actor, 'project.viewInternal', record.ref);
    if (!visible || !can(request.actor, 'joinRequest.ask', record.ref)) throw notFound();
    const choices = await organisationLabels(db, organisationsThatMayAsk(request.actor, record.ref), request.locale);
    return { ...record, actor: request.actor as Actor, choices };
  }

  /** A request of a project the actor may decide on; anything else is 404. */
  async function reviewable(request: FastifyRequest<{ Params: RequestParams }>) {
    const record = await editableProject(db, request, 'partner.join');
    if (!isUuid(request.params.requestId)) throw notFound();
    const row = await getJoinRequestRow(db, record.project.id, request.params.requestId);
    if (!row) throw notFound();
    const partyOf = await loadPartyOf(db, request.programme!.id);
    return { ...record, row, partyOf, isParty: partyOf(row.request.organisationId) !== null };
  }

  function reviewPage(request: FastifyRequest<{ Params: RequestParams }>, reply: FastifyReply, found: Awaited<ReturnType<typeof reviewable>>, status: number, state?: FormState, stale = false) {
    const page = <ReviewJoinRequestPage ctx={pageContext(request, config)} project={found.project} row={found.row} isParty={found.isParty} state={state} stale={stale} />;
    return sendHtml(reply, renderPage(page), status);
  }

  async function tellRequester(request: FastifyRequest<{ Params: RequestParams }>, row: JoinRequestRow, projectId: string) {
    const fresh = await getJoinRequestRow(db, projectId, row.request.id);
    if (!fresh) return;
    await mailOutcome(db, { request: fresh.request, baseUrl: config.baseUrl, programmeSlug: request.programme!.slug, projectCode: fresh.project.code, projectTitle: fresh.project.title, organisation: fresh.organisation.name });
  }

  for (const { url } of localizedPaths('/:programme/projects/:code/join-requests/new')) {
    app.get<{ Params: Params }>(url, { config: { action: 'joinRequest.ask' } }, async (request, reply) => {
      const { project, choices } = await askable(request);
      // The project page links one organisation at a time (?organisation=<id>) when the contact speaks for several.
      const asked = (request.query as { organisation?: unknown } | undefined)?.organisation;
      const preselected = choices.find((c) => c.id === asked)?.id;
      return sendHtml(reply, renderPage(<AskToJoinPage ctx={pageContext(request, config)} project={project} organisations={choices} preselected={preselected} />));
    });

    app.post<{ Params: Params; Body: FormBody }>(url, { config: { action: 'joinRequest.ask' } }, async (request, reply) => {
      const { project, ref, actor, choices } = await askable(request);
      const body = request.body ?? {};
      const read = readForm(JoinRequestForm, body, request.locale);
      const checked = read.ok ? joinRequestInput(read.value, request.locale) : read;
      const result = checked.ok ? await askToJoin(db, { actor, project: ref, organisationId: checked.value.organisationId, motivation: checked.value.motivation }) : checked;
      if (!result.ok) {
        return sendHtml(reply, renderPage(<AskToJoinPage ctx={pageContext(request, config)} project={project} organisations={choices} state={formState(ASK_FORM, result.errors, body)} />), 400);
      }
      return redirectLocal(reply, undefined, `${projectPath(request, project.code)}#join-requests`);
    });
  }

  for (const { url } of localizedPaths('/:programme/projects/:code/join-requests/:requestId')) {
    app.get<{ Params: RequestParams }>(url, { config: { action: 'partner.join' } }, async (request, reply) => reviewPage(request, reply, await reviewable(request), 200));

    app.post<{ Params: RequestParams; Body: FormBody }>(`${url}/accept`, { config: { action: 'partner.join' } }, async (request, reply) => {
      const found = await reviewable(request);
      const { project, ref, actor, row, partyOf, isParty } = found;
      const body = request.body ?? {};
      const refuse = (errors: Parameters<typeof formState>[1]) => reviewPage(request, reply, found, 400, formState(ACCEPT_FORM, errors, body));
      const read = readForm(AcceptRequestForm, body, request.locale);
      if (!read.ok) return refuse(read.errors);
      const values = joinInput({ ...read.value, organisationId: row.request.organisationId }, isParty);
      if (!values.ok) return refuse(values.errors);
      const path = projectPath(request, project.code);
      if (!isConfirmed(body)) {
        const ctx = pageContext(request, config);
        const organisation = resolveText(row.organisation.name, request.locale).text;
        const advice = values.value.advice;
        return askToConfirm(request, reply, config, {
          title: ctx.t('pf.joinRequest.confirmAccept', { organisation, project: `${project.code}. ${resolveText(project.title, request.locale).text}` }),
          consequences: [
            ctx.t('pf.joinRequest.confirmAcceptWhat', { organisation, role: ctx.t(`partnerRole.${values.value.role}`).toLowerCase() }),
            ...(advice
              ? [ctx.t('pf.joinRequest.confirmAdvice', { advice: ctx.t('pf.consultation.withPartner', { level: ctx.t(`pf.consultation.level.${advice.level}`).toLowerCase(), date: formatDate(request.locale, advice.consultedOn), outcome: ctx.t(`pf.consultation.${advice.outcome}`) }) })]
              : []),
            ctx.t('pf.joinRequest.confirmMail'),
          ],
          action: `${path}/join-requests/${row.request.id}/accept`,
          values: body,
          confirmLabel: ctx.t('pf.joinRequest.accept'),
          cancelHref: `${path}/join-requests/${row.request.id}`,
        });
      }
      const result = await joinProject(db, { actor, project: ref as ProjectRef, values: values.value, partyOf, fromRequest: { id: row.request.id, expectedVersion: read.value.version, note: {} } });
      if (!result.ok) {
        if (result.errors[Object.keys(result.errors)[0]!]?.key === 'pf.joinRequest.stale') return reviewPage(request, reply, await reviewable(request), 409, undefined, true);
        return refuse(result.errors);
      }
      await tellRequester(request, row, project.id);
      return redirectLocal(reply, undefined, `${path}#join-requests`);
    });

    app.post<{ Params: RequestParams; Body: FormBody }>(`${url}/decline`, { config: { action: 'partner.join' } }, async (request, reply) => {
      const found = await reviewable(request);
      const { project, ref, actor, row } = found;
      const body = request.body ?? {};
      const read = readForm(DeclineRequestForm, body, request.locale);
      if (!read.ok) return reviewPage(request, reply, found, 400, formState(DECLINE_FORM, read.errors, body));
      const path = projectPath(request, project.code);
      if (!isConfirmed(body)) {
        const ctx = pageContext(request, config);
        const organisation = resolveText(row.organisation.name, request.locale).text;
        return askToConfirm(request, reply, config, {
          title: ctx.t('pf.joinRequest.confirmDecline', { organisation }),
          consequences: [ctx.t('pf.joinRequest.confirmDeclineWhat', { reason: resolveText(read.value.reason, request.locale).text }), ctx.t('pf.joinRequest.confirmMail')],
          action: `${path}/join-requests/${row.request.id}/decline`,
          values: body,
          confirmLabel: ctx.t('pf.joinRequest.decline'),
          cancelHref: `${path}/join-requests/${row.request.id}`,
        });
      }
      const result = await declineJoinRequest(db, { actor, project: ref, request: row.request, expectedVersion: read.value.version, reason: read.value.reason });
      if (!result.ok) {
        if (result.errors[Object.keys(result.errors)[0]!]?.key === 'pf.joinRequest.stale') return reviewPage(request, reply, await reviewable(request), 409, undefined, true);
        return reviewPage(request, reply, found, 400, formState(DECLINE_FORM, result.errors, body));
      }
      await tellRequester(request, row, project.id);
      return redirectLocal(reply, undefined, `${path}#join-requests`);
    });

    app.post<{ Params: RequestParams; Body: FormBody }>(`${url}/withdraw`, { config: { action: 'joinRequest.withdraw' } }, async (request, reply) => {
      if (!request.actor) throw new HttpError(401, 'error.signInRequired');
      const record = await loadProjectRecord(db, request.programme!.id, request.params.code);
      if (!record || !isUuid(request.params.requestId)) throw notFound();
      const row = await getJoinRequestRow(db, record.project.id, request.params.requestId);
      if (!row || !can(request.actor, 'joinRequest.withdraw', row.request)) throw notFound();
      const body = request.body ?? {};
      const read = readForm(WithdrawRequestForm, body, request.locale);
      const path = projectPath(request, record.project.code);
      if (!read.ok) return redirectLocal(reply, undefined, `${path}#join-requests`);
      if (!isConfirmed(body) && row.request.status === 'requested') {
        const ctx = pageContext(request, config);
        return askToConfirm(request, reply, config, {
          title: ctx.t('pf.joinRequest.confirmWithdraw', { project: `${record.project.code}. ${resolveText(record.project.title, request.locale).text}` }),
          consequences: [ctx.t('pf.joinRequest.confirmWithdrawWhat')],
          action: `${path}/join-requests/${row.request.id}/withdraw`,
          values: body,
          confirmLabel: ctx.t('pf.joinRequest.withdraw'),
          cancelHref: `${path}#join-requests`,
        });
      }
      // Decided or withdrawn meanwhile: the project page shows where it stands.
      await withdrawJoinRequest(db, { actor: request.actor as Actor, request: row.request, expectedVersion: read.value.version });
      return redirectLocal(reply, undefined, `${path}#join-requests`);
    });
  }
}
