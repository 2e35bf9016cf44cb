// Applications for the fund: the list, a lead's application form, one application's page, and
// the advice, award and payment forms on it.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { FORM_ERROR } from '../../domain/outcome.ts';
import { authorize, can } from '../../policies.ts';
import { formState, readForm, type FormBody, type FormState } from '../../web/forms.ts';
import { askToConfirm, isConfirmed, type Confirmation } from '../../web/confirm.tsx';
import { awardAmounts } from '../../domain/ledger.ts';
import { formatCents, formatHours } from '../../domain/money.ts';
import { meetingDate, name } from './view-parts.tsx';
import { notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { loadAdmission } from '../portfolio/admission.ts';
import '../portfolio/admission-messages.ts';
import { bodyRef } from '../meetings/queries.ts';
import { adviseApplication, AWARD_CONFLICTS, awardApplication, openForApplication, recordMovement, submitApplication } from './application-commands.ts';
import { ApplicationFormPage, ApplicationPage, ApplicationsPage } from './application-views.tsx';
import { ledProjects, seesWholeFund } from './policy.ts';
import * as q from './queries.ts';
import { doneNotice, fundHome } from './route-parts.ts';
import { AdviceInput, ApplicationInput, AwardInput, MovementInput } from './schema.ts';

type Params = { programme: string };
type Body = Record<string, unknown>;
type IdRoute = { Params: Params & { id: string }; Body: Body };

export function registerApplicationRoutes(app: FastifyInstance, db: Db, config: Config): void {
  const applications = (request: FastifyRequest) => `${fundHome(request)}/applications`;

  async function renderApplicationForm(request: FastifyRequest, reply: FastifyReply, state?: FormState) {
    const programmeId = request.programme!.id;
    const [projects, funds, perFte] = await Promise.all([q.projectsLedBy(db, programmeId, ledProjects(request.actor)), q.listFunds(db, programmeId), q.hoursPerFte(db, programmeId)]);
    const page = <ApplicationFormPage ctx={pageContext(request, config)} state={state} idem={randomUUID()} projects={projects} funds={funds} perFte={perFte} />;
    return sendHtml(reply, renderPage(page), state ? 400 : 200);
  }

  for (const { url } of localizedPaths('/:programme/fund/applications')) {
    app.get<{ Params: Params }>(url, { config: { action: 'fund.view' } }, async (request, reply) => {
      const programmeId = request.programme!.id;
      const only = seesWholeFund(request.actor) ? undefined : ledProjects(request.actor);
      const [list, perFte] = await Promise.all([q.listApplications(db, programmeId, only), q.hoursPerFte(db, programmeId)]);
      const page = <ApplicationsPage ctx={pageContext(request, config)} applications={list} canApply={can(request.actor, 'fund.apply')} perFte={perFte} notice={doneNotice(request)} />;
      return sendHtml(reply, renderPage(page));
    });

    app.post<{ Params: Params; Body: Body }>(url, { config: { action: 'fund.apply' } }, async (request, reply) => {
      const read = readForm(ApplicationInput, request.body, request.locale);
      const result = read.ok ? await submitApplication({ actor: request.actor, db, programmeId: request.programme!.id, application: read.value }) : read;
      if (!result.ok) return renderApplicationForm(request, reply, formState('application', result.errors, request.body));
      return redirectLocal(reply, `${applications(request)}/${result.value.applicationId}?done=fund.applied`, fundHome(request));
    });
  }

  for (const { url } of localizedPaths('/:programme/fund/applications/new')) {
    app.get<{ Params: Params }>(url, { config: { action: 'fund.apply' } }, async (request, reply) => renderApplicationForm(request, reply));
  }

  /** The application, if the actor may see it: 404 for one of another programme, a missing one and one they may not see. */
  async function loadApplication(request: FastifyRequest<{ Params: Params & { id: string } }>) {
    const data = await q.getApplication(db, request.programme!.id, request.params.id);
    if (!data || !can(request.actor, 'fund.viewApplication', { projectId: data.project.id })) throw notFound();
    return data;
  }

  async function renderApplication(request: FastifyRequest<{ Params: Params & { id: string } }>, reply: FastifyReply, state?: FormState) {
    const data = await loadApplication(request);
    const actor = request.actor;
    const ref = { projectId: data.project.id };
    const undecided = data.application.status === 'submitted' || data.application.status === 'advised';
    const may = { advise: can(actor, 'fund.advise', ref), award: can(actor, 'fund.award', ref), pay: can(actor, 'fund.pay') };
    const awardRule = await q.fundAwardDecision(db, request.programme!.id);
    const [admission, open, perFte, decisionOptions, seesMeeting] = await Promise.all([
      loadAdmission(db, data.project, request.locale),
      openForApplication(db, data.application.id),
      q.hoursPerFte(db, request.programme!.id),
      may.award && undecided ? q.awardDecisionOptions(db, request.programme!.id, awardRule) : Promise.resolve([]),
      // The linked decision's meeting page, for those who may open it; everyone else gets the decisions list.
      data.minutesBody ? bodyRef(db, data.minutesBody).then((body) => can(actor, 'body.viewInternal', body)) : Promise.resolve(false),
    ]);
    // A decision that lost a race ("not enough left", "already decided") is a conflict, not bad input.
    const conflict = state?.form === 'award' && AWARD_CONFLICTS.includes(state.errors[FORM_ERROR]?.key ?? '');
    const page = (
      <ApplicationPage
        ctx={pageContext(request, config)}
        data={data}
        criteria={admission.results}
        open={open}
        perFte={perFte}
        may={may}
        state={state}
        idem={randomUUID()}
        decisionOptions={decisionOptions}
        awardRule={awardRule}
        minutesMeetingVisible={seesMeeting}
        notice={doneNotice(request)}
      />
    );
    return sendHtml(reply, renderPage(page), conflict ? 409 : state ? 400 : 200);
  }

  const applicationUrl = (request: FastifyRequest<{ Params: Params & { id: string } }>) => `${applications(request)}/${request.params.id}`;

  for (const { url } of localizedPaths('/:programme/fund/applications/:id')) {
    app.get<IdRoute>(url, { config: { action: 'fund.viewApplication' } }, async (request, reply) => renderApplication(request, reply));
  }

  for (const { url } of localizedPaths('/:programme/fund/applications/:id/advice')) {
    app.post<IdRoute>(url, { config: { action: 'fund.advise' } }, async (request, reply) => {
      const data = await loadApplication(request);
      const application = { id: data.application.id, projectId: data.project.id };
      // Someone who sees the application but may not advise is told so before anything about the form.
      authorize(request.actor, 'fund.advise', application);
      const read = readForm(AdviceInput, request.body, request.locale);
      const result = read.ok ? await adviseApplication({ actor: request.actor, db, programmeId: request.programme!.id, application, advice: read.value }) : read;
      if (!result.ok) return renderApplication(request, reply, formState('advice', result.errors, request.body));
      return redirectLocal(reply, `${applicationUrl(request)}?done=fund.advised`, applicationUrl(request));
    });
  }

  /**
   * The check before an award is recorded (it commits money or capacity and decides the application
   * once): what is committed from which fund, for which project, on which decision. None when the
   * input cannot be awarded as typed: the command then names the problem on the form.
   */
  async function awardConfirmation(request: FastifyRequest<{ Params: Params & { id: string } }>, data: NonNullable<Awaited<ReturnType<typeof q.getApplication>>>, award: AwardInput): Promise<Confirmation | null> {
    const requested = { cents: data.application.requestedCents, hours: data.application.requestedHours };
    const amounts = awardAmounts(award.decision, requested, award.decision === 'partial' ? { cents: award.amount ?? 0, hours: award.hours ?? 0 } : undefined);
    if (amounts === 'invalid' || !award.decisionId) return null;
    const options = await q.awardDecisionOptions(db, request.programme!.id, await q.fundAwardDecision(db, request.programme!.id));
    const decision = options.find((o) => o.id === award.decisionId);
    if (!decision) return null;
    const ctx = pageContext(request, config);
    const { t, locale } = ctx;
    const project = `${data.project.code} ${name(data.project.title, locale)}`;
    const page = applicationUrl(request);
    return {
      title: t('fund.awardCheck.title', { project }),
      consequences: [
        award.decision === 'none'
          ? t('fund.awardCheck.declined', { project })
          : t('fund.awardCheck.committed', { amount: formatCents(locale, amounts.cents), hours: formatHours(locale, amounts.hours), fund: name(data.fund.name, locale), project }),
        t('fund.awardCheck.decision', { decision: name(decision.text, locale), date: meetingDate(locale, decision.startsAt) }),
        t('fund.awardCheck.once'),
      ],
      action: `${page}/award`,
      values: request.body as FormBody,
      confirmLabel: t('fund.decide'),
      cancelHref: page,
    };
  }

  for (const { url } of localizedPaths('/:programme/fund/applications/:id/award')) {
    app.post<IdRoute>(url, { config: { action: 'fund.award' } }, async (request, reply) => {
      const data = await loadApplication(request);
      const application = { id: data.application.id, projectId: data.project.id };
      authorize(request.actor, 'fund.award', application);
      const read = readForm(AwardInput, request.body, request.locale);
      if (read.ok && !isConfirmed(request.body)) {
        const confirmation = await awardConfirmation(request, data, read.value);
        if (confirmation) return askToConfirm(request, reply, config, confirmation);
      }
      const result = read.ok ? await awardApplication({ actor: request.actor, db, programmeId: request.programme!.id, application, award: read.value }) : read;
      if (!result.ok) return renderApplication(request, reply, formState('award', result.errors, request.body));
      return redirectLocal(reply, `${applicationUrl(request)}?done=fund.decided`, applicationUrl(request));
    });
  }

  for (const { url } of localizedPaths('/:programme/fund/applications/:id/movements')) {
    app.post<IdRoute>(url, { config: { action: 'fund.pay' } }, async (request, reply) => {
      const data = await loadApplication(request);
      const read = readForm(MovementInput, request.body, request.locale);
      const result = read.ok ? await recordMovement({ actor: request.actor, db, programmeId: request.programme!.id, application: data.application, movement: read.value }) : read;
      if (!result.ok) return renderApplication(request, reply, formState('movement', result.errors, request.body));
      const notice = read.ok && read.value.movement === 'release' ? 'fund.released' : 'fund.paid';
      return redirectLocal(reply, `${applicationUrl(request)}?done=${notice}`, applicationUrl(request));
    });
  }
}
