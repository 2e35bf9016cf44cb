// The fund's own pages: the overview of balances, setting up a fund and the hours per FTE, and the
// coordinator's contributions and corrections.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { organisations } from '../../db/schema.ts';
import { can } from '../../policies.ts';
import { formState, readForm, type FormState } from '../../web/forms.ts';
import { redirectLocal, sendHtml } from '../../web/http.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { createFund, recordContribution, recordCorrection, setFundAwardDecision, setHoursPerFte } from './commands.ts';
import { ContributionsPage, FundOverviewPage } from './fund-views.tsx';
import { partnerOrganisations, seesWholeFund } from './policy.ts';
import * as q from './queries.ts';
import { doneNotice, fundHome, visibleFunds } from './route-parts.ts';
import { ContributionInput, CorrectionInput, FundAwardRuleInput, FundInput, HoursPerFteInput } from './schema.ts';
import { ledgerEntries, funds as fundsTable } from './tables.ts';
import { fundName } from './view-parts.tsx';

type Params = { programme: string };
type Body = Record<string, unknown>;

export function registerFundPages(app: FastifyInstance, db: Db, config: Config): void {
  async function renderOverview(request: FastifyRequest, reply: FastifyReply, state?: FormState) {
    const programmeId = request.programme!.id;
    const actor = request.actor;
    const funds = await visibleFunds(db, request);
    const ids = seesWholeFund(actor) ? undefined : funds.map((f) => f.fund.id);
    const [perProject, perYear, perFte, parties, awardRule] = await Promise.all([
      q.balancesPerProject(db, programmeId, ids),
      q.balancesPerYear(db, programmeId, ids),
      q.hoursPerFte(db, programmeId),
      q.partiesOf(db, programmeId),
      q.fundAwardDecision(db, programmeId),
    ]);
    const may = { manage: can(actor, 'fund.manage'), apply: can(actor, 'fund.apply'), contribute: can(actor, 'fund.contribute'), viewReports: can(actor, 'fund.viewReports'), partnerView: !seesWholeFund(actor) && partnerOrganisations(actor).length > 0 };
    const page = (
      <FundOverviewPage ctx={pageContext(request, config)} funds={funds} perProject={perProject} perYear={perYear} perFte={perFte} awardRule={awardRule} may={may} notice={doneNotice(request)} state={state} parties={parties} />
    );
    return sendHtml(reply, renderPage(page), state ? 400 : 200);
  }

  for (const { url } of localizedPaths('/:programme/fund')) {
    app.get<{ Params: Params }>(url, { config: { action: 'fund.view' } }, async (request, reply) => renderOverview(request, reply));
  }

  for (const { url } of localizedPaths('/:programme/fund/funds')) {
    app.post<{ Params: Params; Body: Body }>(url, { config: { action: 'fund.manage' } }, async (request, reply) => {
      const read = readForm(FundInput, request.body, request.locale);
      const result = read.ok ? await createFund({ actor: request.actor, db, programmeId: request.programme!.id, fund: read.value }) : read;
      if (!result.ok) return renderOverview(request, reply, formState('fund', result.errors, request.body));
      return redirectLocal(reply, `${fundHome(request)}?done=fund.created`, fundHome(request));
    });
  }

  for (const { url } of localizedPaths('/:programme/fund/award-rule')) {
    app.post<{ Params: Params; Body: Body }>(url, { config: { action: 'fund.manage' } }, async (request, reply) => {
      const read = readForm(FundAwardRuleInput, request.body, request.locale);
      const result = read.ok ? await setFundAwardDecision({ actor: request.actor, db, programmeId: request.programme!.id, rule: read.value }) : read;
      if (!result.ok) return renderOverview(request, reply, formState('award-rule', result.errors, request.body));
      return redirectLocal(reply, `${fundHome(request)}?done=fund.awardRuleSaved`, fundHome(request));
    });
  }

  for (const { url } of localizedPaths('/:programme/fund/hours-per-fte')) {
    app.post<{ Params: Params; Body: Body }>(url, { config: { action: 'fund.manage' } }, async (request, reply) => {
      const read = readForm(HoursPerFteInput, request.body, request.locale);
      const result = read.ok ? await setHoursPerFte({ actor: request.actor, db, programmeId: request.programme!.id, hours: read.value }) : read;
      if (!result.ok) return renderOverview(request, reply, formState('fte', result.errors, request.body));
      return redirectLocal(reply, `${fundHome(request)}?done=fund.hoursPerFteSaved`, fundHome(request));
    });
  }

  async function renderContributions(request: FastifyRequest, reply: FastifyReply, state?: FormState) {
    const programmeId = request.programme!.id;
    const ctx = pageContext(request, config);
    const [funds, parties, perFte, rows] = await Promise.all([
      q.listFunds(db, programmeId),
      q.partiesOf(db, programmeId),
      q.hoursPerFte(db, programmeId),
      db
        .select({ entry: ledgerEntries, party: organisations.name, fundId: fundsTable.id })
        .from(ledgerEntries)
        .innerJoin(fundsTable, eq(fundsTable.id, ledgerEntries.fundId))
        .leftJoin(organisations, eq(organisations.id, ledgerEntries.organisationId))
        .where(and(eq(ledgerEntries.programmeId, programmeId), inArray(ledgerEntries.kind, ['contribution', 'correction'])))
        .orderBy(desc(ledgerEntries.id))
        .limit(50),
    ]);
    const fundLabels = new Map(funds.map((f) => [f.fund.id, fundName(ctx, f)]));
    const entries = rows.map((r) => ({ entry: { ...r.entry, amountCents: Number(r.entry.amountCents) }, party: r.party, fundLabel: fundLabels.get(r.fundId) ?? '' }));
    const page = <ContributionsPage ctx={ctx} funds={funds} parties={parties} perFte={perFte} entries={entries} state={state} idem={randomUUID()} notice={doneNotice(request)} />;
    return sendHtml(reply, renderPage(page), state ? 400 : 200);
  }

  const contributions = (request: FastifyRequest) => `${fundHome(request)}/contributions`;

  for (const { url } of localizedPaths('/:programme/fund/contributions')) {
    app.get<{ Params: Params }>(url, { config: { action: 'fund.contribute' } }, async (request, reply) => renderContributions(request, reply));
    app.post<{ Params: Params; Body: Body }>(url, { config: { action: 'fund.contribute' } }, async (request, reply) => {
      const read = readForm(ContributionInput, request.body, request.locale);
      const result = read.ok ? await recordContribution({ actor: request.actor, db, programmeId: request.programme!.id, contribution: read.value }) : read;
      if (!result.ok) return renderContributions(request, reply, formState('contribution', result.errors, request.body));
      return redirectLocal(reply, `${contributions(request)}?done=fund.contributed`, fundHome(request));
    });
  }

  for (const { url } of localizedPaths('/:programme/fund/corrections')) {
    app.post<{ Params: Params; Body: Body }>(url, { config: { action: 'fund.correct' } }, async (request, reply) => {
      const read = readForm(CorrectionInput, request.body, request.locale);
      const result = read.ok ? await recordCorrection({ actor: request.actor, db, programmeId: request.programme!.id, correction: read.value }) : read;
      if (!result.ok) return renderContributions(request, reply, formState('correction', result.errors, request.body));
      return redirectLocal(reply, `${contributions(request)}?done=fund.corrected`, fundHome(request));
    });
  }
}
