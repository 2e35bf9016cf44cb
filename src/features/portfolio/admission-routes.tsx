// Proposals and admission: anyone with a role in the programme proposes; the support steering group
// judges c and d and recommends; the executive steering group admits or rejects with reasons.
import type { FastifyInstance, FastifyRequest } from 'fastify';
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
import { AdmissionRefused, decideAdmission, judgeCriterion, loadAdmission, recordRecommendation, submitProposal, type ProposalInput } from './admission.ts';
import { AdmissionPage, ProposalFormPage, ProposalsPage } from './admission-views.tsx';

import { loadProjectRecord, organisationChoices, themeChoices } from './edit-queries.ts';
import { field, fields, isoDate, localized, optionalId, type FormBody, type Problems } from './forms.ts';
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
    const empty: ProposalInput = { themeId: null, title: {}, goal: {}, description: {}, safeguarding: {}, leadOrganisationId: '', partnerOrganisationIds: [] };
    app.get<{ Params: { programme: string } }>(url, { config: { action: 'project.propose' } }, async (request, reply) => {
      return sendHtml(reply, renderPage(<ProposalFormPage ctx={pageContext(request, config)} values={empty} {...await choices(request)} problems={{}} />));
    });
    app.post<{ Params: { programme: string }; Body: FormBody }>(url, { config: { action: 'project.propose' } }, async (request, reply) => {
      const lists = await choices(request);
      const body = request.body ?? {};
      const problems: Problems = {};
      const organisationIds = new Set(lists.organisations.map((o) => o.id));
      const partnerIds = fields(body, 'partners');
      if (partnerIds.some((id) => !organisationIds.has(id))) problems.partners = 'pf.error.choice';
      const values: ProposalInput = {
        themeId: optionalId(body, 'themeId', new Set(lists.themes.map((c) => c.id)), problems),
        title: localized(body, 'title', problems, true),
        goal: localized(body, 'goal', problems, true),
        description: localized(body, 'description', problems),
        safeguarding: localized(body, 'safeguarding', problems),
        leadOrganisationId: optionalId(body, 'leadOrganisationId', organisationIds, problems) ?? '',
        partnerOrganisationIds: partnerIds.filter((id) => organisationIds.has(id)),
      };
      if (!values.leadOrganisationId && !problems.leadOrganisationId) problems.leadOrganisationId = 'pf.error.leadRequired';
      if (Object.keys(problems).length > 0) {
        return sendHtml(reply, renderPage(<ProposalFormPage ctx={pageContext(request, config)} values={values} {...lists} problems={problems} />), 400);
      }
      const created = await submitProposal(db, { actor: request.actor!, programmeId: request.programme!.id, values });
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

  async function renderAdmission(request: FastifyRequest<{ Params: Params }>, record: Awaited<ReturnType<typeof loadForAdmission>>, problems: Problems, refusal?: string) {
    const { project, ref, actor } = record;
    const [admission, texts] = await Promise.all([loadAdmission(db, project, request.locale), db.select().from(criteria).where(eq(criteria.programmeId, request.programme!.id))]);
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
        mayDecide={can(actor, 'proposal.decide', ref)}
        problems={problems}
        refusal={refusal}
      />,
    );
  }

  for (const { url } of localizedPaths('/:programme/projects/:code/admission')) {
    app.get<{ Params: Params }>(url, { config: { action: 'project.viewInternal' } }, async (request, reply) => {
      const record = await loadForAdmission(request);
      return sendHtml(reply, await renderAdmission(request, record, {}));
    });
  }

  const decisionInput = (body: FormBody, problems: Problems) => {
    const outcome = field(body, 'outcome');
    if (outcome !== 'admit' && outcome !== 'reject') problems.outcome = 'pf.error.choice';
    const reasons = localized(body, 'reasons', problems, true);
    const decidedOn = isoDate(body, 'decidedOn', problems, true);
    return { outcome: outcome as 'admit' | 'reject', reasons, decidedOn: decidedOn ?? '' };
  };

  /** Runs a write from the admission page; a refused step re-renders the page with its reason. */
  function admissionPost(path: string, action: 'proposal.judge' | 'proposal.recommend' | 'proposal.decide', run: (record: Awaited<ReturnType<typeof loadForAdmission>>, body: FormBody, problems: Problems, request: FastifyRequest<{ Params: Params }>) => Promise<void>) {
    for (const { url } of localizedPaths(`/:programme/projects/:code/admission/${path}`)) {
      app.post<{ Params: Params; Body: FormBody }>(url, { config: { action } }, async (request, reply) => {
        const record = await loadForAdmission(request);
        // Permission is checked before the input so a refused user learns nothing from validation.
        if (!can(record.actor, action, record.ref)) throw notFound();
        const problems: Problems = {};
        try {
          await run(record, request.body ?? {}, problems, request);
        } catch (error) {
          if (error instanceof AdmissionRefused) return sendHtml(reply, await renderAdmission(request, record, {}, error.messageKey), 409);
          throw error;
        }
        if (Object.keys(problems).length > 0) return sendHtml(reply, await renderAdmission(request, record, problems), 400);
        return redirectLocal(reply, `/${request.locale}/${request.programme!.slug}/projects/${record.project.code}/admission`, '/');
      });
    }
  }

  admissionPost('judgement', 'proposal.judge', async ({ actor, ref }, body, problems) => {
    const criterion = field(body, 'criterion');
    if (criterion !== 'c' && criterion !== 'd') problems.criterion = 'pf.error.choice';
    const met = field(body, 'met');
    if (met !== 'yes' && met !== 'no') problems.met = 'pf.error.choice';
    const reasoning = localized(body, 'reasoning', problems, true);
    if (Object.keys(problems).length > 0) return;
    await judgeCriterion(db, { actor, project: ref, criterion: criterion as 'c' | 'd', met: met === 'yes', reasoning });
  });

  admissionPost('recommendation', 'proposal.recommend', async ({ actor, ref, project }, body, problems) => {
    const input = decisionInput(body, problems);
    if (Object.keys(problems).length > 0) return;
    await recordRecommendation(db, { actor, project: ref, lifecycle: project.lifecycle, ...input });
  });

  admissionPost('decision', 'proposal.decide', async ({ actor, project }, body, problems, request) => {
    const input = decisionInput(body, problems);
    if (Object.keys(problems).length > 0) return;
    await decideAdmission(db, { actor, project, locale: request.locale, ...input });
  });

}
