// Proposals and admission: anyone with a role in the programme proposes; the support steering group
// judges c and d and recommends; the executive steering group admits or rejects with reasons.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { criteria, projects } from '../../db/schema.ts';
import { suggestedRecommendation } from '../../domain/criteria.ts';
import type { Actor } from '../../domain/policy.ts';
import { can } from '../../policies.ts';
import { HttpError, notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { checkAdmissionDecision, decideAdmission, judgeCriterion, loadAdmission, recordRecommendation, submitProposal } from './admission.ts';
import { AdmissionPage, PROPOSAL_FORM, ProposalFormPage, ProposalsPage } from './admission-views.tsx';
import { done, FORM_ERROR, type Outcome } from '../../domain/outcome.ts';
import { formState, readForm, type FormBody, type FormState, type Static } from '../../web/forms.ts';
import type { TSchema } from 'typebox';
import { AdmissionDecisionForm, JudgementForm, offered, ProposalForm, proposalInput, RecommendationForm } from './inputs.ts';
import { backingDecisions } from '../meetings/backing.ts';
import { askToConfirm, isConfirmed } from '../../web/confirm.tsx';
import { resolveText } from '../../domain/localized.ts';
import { formatDate } from '../../web/i18n.ts';

import { loadProjectRecord, organisationChoices, themeChoices } from './edit-queries.ts';
import './admission-messages.ts';

type Params = { programme: string; code: string };

export function registerAdmissionRoutes(app: FastifyInstance, db: Db, config: Config): void {
  const choices = async (request: FastifyRequest) => {
    const [themes, organisations] = await Promise.all([themeChoices(db, request.programme!.id, request.locale), organisationChoices(db, request.programme!.id, request.locale)]);
    return { themes, organisations };
  };

  for (const { url } of localizedPaths('/:programme/proposals')) {
    app.get<{ Params: { programme: string } }>(url, { config: { action: 'account.use' } }, async (request, reply) => {
      const actor = request.actor!;
      const internal = can(actor, 'programme.viewInternal');
      const led = actor.assignments.filter((a) => a.role === 'lead' && a.projectId).map((a) => a.projectId!);
      const scope = and(eq(projects.programmeId, request.programme!.id), inArray(projects.lifecycle, ['proposed', 'rejected', 'admitted']));
      const rows = await db
        .select({ id: projects.id, code: projects.code, title: projects.title, lifecycle: projects.lifecycle })
        .from(projects)
        .where(internal ? and(scope, eq(projects.lifecycle, 'proposed')) : and(scope, inArray(projects.id, led.length ? led : ['00000000-0000-0000-0000-000000000000'])))
        .orderBy(asc(projects.code));
      return sendHtml(reply, renderPage(<ProposalsPage ctx={pageContext(request, config)} proposals={rows} canPropose={can(actor, 'project.propose')} />));
    });
  }

  for (const { url } of localizedPaths('/:programme/proposals/new')) {
    app.get<{ Params: { programme: string } }>(url, { config: { action: 'project.propose' } }, async (request, reply) => {
      return sendHtml(reply, renderPage(<ProposalFormPage ctx={pageContext(request, config)} {...await choices(request)} />));
    });
    app.post<{ Params: { programme: string }; Body: FormBody }>(url, { config: { action: 'project.propose' } }, async (request, reply) => {
      const lists = await choices(request);
      const body = request.body ?? {};
      const organisationIds = new Set(lists.organisations.map((o) => o.id));
      const read = readForm(ProposalForm, body, request.locale);
      const checked = read.ok ? offered(read.value, { themeId: new Set(lists.themes.map((c) => c.id)), leadOrganisationId: organisationIds, partners: organisationIds }) : read;
      const values = checked.ok ? proposalInput(checked.value) : checked;
      if (!values.ok) {
        // Say that a lead is missing together with the form's other problems.
        const noLead = !read.ok && !read.errors.leadOrganisationId && !String([body.leadOrganisationId].flat()[0] ?? '').trim();
        const errors = noLead ? { ...values.errors, leadOrganisationId: { key: 'pf.error.leadRequired' } } : values.errors;
        return sendHtml(reply, renderPage(<ProposalFormPage ctx={pageContext(request, config)} {...lists} state={formState(PROPOSAL_FORM, errors, body)} />), 400);
      }
      const created = await submitProposal(db, { actor: request.actor!, programmeId: request.programme!.id, values: values.value });
      return redirectLocal(reply, `/${request.locale}/${request.programme!.slug}/projects/${created.code}/admission`, '/');
    });
  }

  /** The admission page is for those who may see the project's internal record. */
  async function loadForAdmission(request: FastifyRequest<{ Params: Params }>) {
    if (!request.actor) throw new HttpError(401, 'error.signInRequired');
    const record = await loadProjectRecord(db, request.programme!.id, request.params.code);
    if (!record || !can(request.actor, 'project.viewInternal', record.ref)) throw notFound();
    return { ...record, actor: request.actor as Actor };
  }

  async function renderAdmission(request: FastifyRequest<{ Params: Params }>, record: Awaited<ReturnType<typeof loadForAdmission>>, state?: FormState, refusal?: string) {
    const { project, ref, actor } = record;
    const [admission, texts] = await Promise.all([loadAdmission(db, project, request.locale), db.select().from(criteria).where(eq(criteria.programmeId, request.programme!.id))]);
    const mayDecide = can(actor, 'proposal.decide', ref);
    // The decisions the form offers: only when the form is shown.
    const eligible = mayDecide && project.lifecycle === 'proposed' && admission.recommendation ? await backingDecisions(db, project.programmeId) : [];
    return renderPage(
      <AdmissionPage
        ctx={pageContext(request, config)}
        project={project}
        criteriaText={Object.fromEntries(texts.map((c) => [c.letter, c.text]))}
        results={admission.results}
        judgements={admission.judgements}
        recommendation={admission.recommendation}
        decision={admission.decision}
        suggestion={suggestedRecommendation(admission.results)}
        mayJudge={can(actor, 'proposal.judge', ref)}
        mayRecommend={can(actor, 'proposal.recommend', ref)}
        mayDecide={mayDecide}
        eligibleDecisions={eligible}
        state={state}
        refusal={refusal}
      />,
    );
  }

  for (const { url } of localizedPaths('/:programme/projects/:code/admission')) {
    app.get<{ Params: Params }>(url, { config: { action: 'project.viewInternal' } }, async (request, reply) => {
      const record = await loadForAdmission(request);
      return sendHtml(reply, await renderAdmission(request, record));
    });
  }

  /**
   * Runs a write from the admission page: the form `form` read with `schema`, then the command. A
   * refused form re-renders the page with its problems (400); a step the admission's state does not
   * allow, with its reason (409).
   */
  function admissionPost<T extends TSchema>(
    path: 'judgement' | 'recommendation' | 'decision',
    action: 'proposal.judge' | 'proposal.recommend' | 'proposal.decide',
    schema: T,
    run: (record: Awaited<ReturnType<typeof loadForAdmission>>, input: Static<T>, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => Promise<Outcome<unknown> | 'answered'>,
  ) {
    for (const { url } of localizedPaths(`/:programme/projects/:code/admission/${path}`)) {
      app.post<{ Params: Params; Body: FormBody }>(url, { config: { action } }, async (request, reply) => {
        const record = await loadForAdmission(request);
        // Permission is checked before the input so a refused user learns nothing from validation.
        if (!can(record.actor, action, record.ref)) throw notFound();
        const body = request.body ?? {};
        const read = readForm(schema, body, request.locale);
        if (!read.ok) return sendHtml(reply, await renderAdmission(request, record, formState(path, read.errors, body)), 400);
        const result = await run(record, read.value, request, reply);
        if (result === 'answered') return reply;
        if (!result.ok) {
          const reason = result.errors[FORM_ERROR];
          if (reason) return sendHtml(reply, await renderAdmission(request, record, undefined, reason.key), 409);
          return sendHtml(reply, await renderAdmission(request, record, formState(path, result.errors, body)), 400);
        }
        return redirectLocal(reply, `/${request.locale}/${request.programme!.slug}/projects/${record.project.code}/admission`, '/');
      });
    }
  }

  admissionPost('judgement', 'proposal.judge', JudgementForm, async ({ actor, ref }, input) => {
    await judgeCriterion(db, { actor, project: ref, criterion: input.criterion, met: input.met === 'yes', reasoning: input.reasoning });
    return done(null);
  });

  admissionPost('recommendation', 'proposal.recommend', RecommendationForm, ({ actor, ref, project }, input) => recordRecommendation(db, { actor, project: ref, lifecycle: project.lifecycle, ...input }));

  // The executive decision: checked (its meeting decision included), then confirmed, then recorded.
  admissionPost('decision', 'proposal.decide', AdmissionDecisionForm, async ({ actor, project }, input, request, reply) => {
    const checked = await checkAdmissionDecision(db, { project, locale: request.locale, ...input });
    if (!checked.ok) return checked;
    if (!isConfirmed(request.body)) {
      const ctx = pageContext(request, config);
      const path = `/${request.locale}/${request.programme!.slug}/projects/${project.code}/admission`;
      const backing = checked.value;
      askToConfirm(request, reply, config, {
        title: ctx.t(`pf.admission.confirmTitle.${input.outcome}`, { code: project.code }),
        consequences: [
          ctx.t(`pf.admission.confirm.${input.outcome}`, { code: project.code }),
          ctx.t('pf.admission.confirm.source', { date: formatDate(request.locale, backing.meetingDate), text: resolveText(backing.text, request.locale).text }),
        ],
        action: `${path}/decision`,
        values: (request.body ?? {}) as FormBody,
        confirmLabel: ctx.t('pf.decision.submit'),
        cancelHref: path,
      });
      return 'answered';
    }
    return decideAdmission(db, { actor, project, locale: request.locale, ...input });
  });
}
