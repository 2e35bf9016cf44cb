import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { organisations } from '../../db/schema.ts';
import { loadAdmission } from '../portfolio/admission.ts';
import '../portfolio/admission-messages.ts';
import { outstanding, type Amounts } from '../../domain/ledger.ts';
import { formatCents, parseHours, parseMoney } from '../../domain/money.ts';
import { resolveText, type Locale } from '../../domain/localized.ts';
import { HttpError, notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { registerDashboardPanel } from '../../web/dashboard.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { sendTable, type Table } from '../../web/spreadsheet.ts';
import { translator } from '../../web/i18n.ts';
import { Heading, Link } from '../../web/components.tsx';
import './messages.ts';
import { UUID } from '../meetings/forms.ts';
import { canMeetings } from '../meetings/policy.ts';
import { bodyRef } from '../meetings/queries.ts';
import { adviseApplication, awardApplication, createFund, FundError, MAX_HOURS_PER_FTE, MIN_HOURS_PER_FTE, openForApplication, recordContribution, recordCorrection, recordMovement, setHoursPerFte, submitApplication } from './commands.ts';
import { fundPolicy, seesFund } from './policy.ts';
import * as q from './queries.ts';
import { fundApplications, ledgerEntries, funds as fundsTable, type AdviceKind, type BudgetLine } from './tables.ts';
import { ApplicationFormPage, ApplicationPage, ApplicationsPage, ContributionsPage, emptyForm, fundName, FundOverviewPage, ReportsPage, type FormState } from './views.tsx';

type Params = { programme: string };
type Body = Record<string, unknown>;

const str = (body: Body | undefined, key: string, max = 2000): string => {
  const value = body?.[key];
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
};
const values = (body: Body | undefined, keys: string[]) => Object.fromEntries(keys.map((k) => [k, str(body, k)]));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (v: string) => DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

function parseYear(v: string): number | null {
  if (!/^\d{4}$/.test(v)) return null;
  const n = Number(v);
  return n >= 2000 && n <= 2100 ? n : null;
}

/** Budget lines "description; amount", one a line. */
function parseBudgetLines(text: string, locale: 'nl' | 'en'): BudgetLine[] | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length > 50) return null;
  const out: BudgetLine[] = [];
  for (const line of lines) {
    const at = line.lastIndexOf(';');
    if (at <= 0) return null;
    const amount = parseMoney(line.slice(at + 1), locale);
    if (!amount.ok) return null;
    out.push({ description: line.slice(0, at).trim().slice(0, 200), cents: amount.value });
  }
  return out;
}

export function registerFundRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'nav.fund', path: '/fund', order: 50 });
  registerDashboardPanel({
    key: 'fund',
    order: 40,
    render: async ({ db: panelDb, ctx, programmeId }) => {
      const all = await q.listFunds(panelDb, programmeId);
      const total = all.reduce(
        (acc, f) => ({ contributed: acc.contributed + f.balance.contributed.cents, committed: acc.committed + f.balance.committed.cents, paid: acc.paid + f.balance.paid.cents }),
        { contributed: 0, committed: 0, paid: 0 },
      );
      const [waiting] = await panelDb
        .select({ n: sql<number>`count(*)::int` })
        .from(fundApplications)
        .where(and(eq(fundApplications.programmeId, programmeId), inArray(fundApplications.status, ['submitted', 'advised'])));
      const money = (c: number) => formatCents(ctx.locale, c);
      return (
        <section aria-labelledby="panel-fund" class="ks-panel">
          <Heading level={2} id="panel-fund">
            <Link ctx={ctx} to={`/${ctx.programme!.slug}/fund`}>{ctx.t('fund.dashboard')}</Link>
          </Heading>
          <p class="utrecht-paragraph">
            {ctx.t('fund.dashboardSummary', { contributed: money(total.contributed), committed: money(total.committed), paid: money(total.paid), available: money(total.contributed - total.committed) })}
          </p>
          <p class="utrecht-paragraph">
            <Link ctx={ctx} to={`/${ctx.programme!.slug}/fund/applications`}>{ctx.t('fund.dashboardOpen', { count: waiting?.n ?? 0 })}</Link>
          </p>
        </section>
      );
    },
  });

  const home = (request: FastifyRequest) => `/${request.locale}/${request.programme!.slug}/fund`;
  const requireSeesFund = (request: FastifyRequest) => {
    if (!request.actor) throw new HttpError(401, 'error.signInRequired');
    if (!seesFund(request.actor)) throw notFound();
  };
  const notice = (request: FastifyRequest) => {
    const n = (request.query as Record<string, string | undefined>).done;
    return n && /^fund\.[a-zA-Z]+$/.test(n) ? n : undefined;
  };
  /** Funds this actor may see: all, or the joint fund(s) plus the partner's own earmarks. */
  const visibleFunds = async (request: FastifyRequest) =>
    fundPolicy.viewAll(request.actor) ? q.listFunds(db, request.programme!.id) : q.listFunds(db, request.programme!.id, fundPolicy.partnerOrganisations(request.actor));

  async function renderOverview(request: FastifyRequest, reply: FastifyReply, forms: { fund?: FormState; hoursPerFte?: FormState } = {}, status = 200) {
    const programmeId = request.programme!.id;
    const funds = await visibleFunds(request);
    const ids = fundPolicy.viewAll(request.actor) ? undefined : funds.map((f) => f.fund.id);
    const [perProject, perYear, perFte, parties] = await Promise.all([
      q.balancesPerProject(db, programmeId, ids),
      q.balancesPerYear(db, programmeId, ids),
      q.hoursPerFte(db, programmeId),
      q.partiesOf(db, programmeId),
    ]);
    const page = (
      <FundOverviewPage
        ctx={pageContext(request, config)}
        funds={funds}
        perProject={perProject}
        perYear={perYear}
        perFte={perFte}
        canManage={fundPolicy.manage(request.actor)}
        canApply={fundPolicy.ledProjects(request.actor).length > 0}
        notice={notice(request)}
        form={forms.fund}
        fteForm={forms.hoursPerFte ?? emptyForm({ hours_per_fte: String(perFte) })}
        parties={parties}
      />
    );
    return sendHtml(reply, renderPage(page), status);
  }

  for (const { url } of localizedPaths('/:programme/fund')) {
    app.get<{ Params: Params }>(url, { config: { action: 'account.use' } }, async (request, reply) => {
      requireSeesFund(request);
      return renderOverview(request, reply);
    });
  }

  for (const { url } of localizedPaths('/:programme/fund/funds')) {
    app.post<{ Params: Params; Body: Body }>(url, { config: { action: 'programme.manage' } }, async (request, reply) => {
      const form = emptyForm(values(request.body, ['kind', 'party', 'name_nl', 'name_en']));
      const kind = form.values.kind;
      if (kind !== 'joint' && kind !== 'earmarked') form.errors.kind = 'fund.error.choice';
      if (kind === 'earmarked' && !form.values.party) form.errors.party = 'fund.error.partyRequired';
      if (!form.values.name_nl && !form.values.name_en) form.errors.name_nl = 'fund.error.required';
      if (Object.keys(form.errors).length === 0) {
        try {
          await createFund(db, {
            actor: request.actor!,
            programmeId: request.programme!.id,
            kind: kind as 'joint' | 'earmarked',
            organisationId: form.values.party || null,
            name: { nl: form.values.name_nl || form.values.name_en, en: form.values.name_en || form.values.name_nl },
          });
          return redirectLocal(reply, `${home(request)}?done=fund.created`, home(request));
        } catch (error) {
          if (!(error instanceof FundError)) throw error;
          form.formError = error.key;
        }
      }
      return renderOverview(request, reply, { fund: form }, 400);
    });
  }

  for (const { url } of localizedPaths('/:programme/fund/hours-per-fte')) {
    app.post<{ Params: Params; Body: Body }>(url, { config: { action: 'programme.manage' } }, async (request, reply) => {
      const form = emptyForm(values(request.body, ['hours_per_fte']));
      const hours = /^\d{1,5}$/.test(form.values.hours_per_fte!) ? Number(form.values.hours_per_fte) : NaN;
      if (!Number.isInteger(hours) || hours < MIN_HOURS_PER_FTE || hours > MAX_HOURS_PER_FTE) form.errors.hours_per_fte = 'fund.error.hoursPerFte';
      else {
        await setHoursPerFte(db, { actor: request.actor!, programmeId: request.programme!.id, hours });
        return redirectLocal(reply, `${home(request)}?done=fund.hoursPerFteSaved`, home(request));
      }
      return renderOverview(request, reply, { hoursPerFte: form }, 400);
    });
  }

  // Contributions and corrections (coordinators).
  const contributionKeys = ['fund', 'party', 'year', 'amount', 'hours', 'note', 'idem'];
  const correctionKeys = ['c_fund', 'c_party', 'c_year', 'c_direction', 'c_amount', 'c_hours', 'c_reason', 'idem'];
  async function renderContributions(request: FastifyRequest, reply: FastifyReply, forms: { contribution?: FormState; correction?: FormState }, status = 200) {
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
    const year = String(new Date().getUTCFullYear());
    const page = (
      <ContributionsPage
        ctx={ctx}
        funds={funds}
        parties={parties}
        perFte={perFte}
        entries={rows.map((r) => ({ entry: { ...r.entry, amountCents: Number(r.entry.amountCents) }, party: r.party, fundLabel: fundLabels.get(r.fundId) ?? '' }))}
        contribution={forms.contribution ?? emptyForm({ year, idem: randomUUID() })}
        correction={forms.correction ?? emptyForm({ c_year: year, idem: randomUUID() })}
        notice={notice(request)}
      />
    );
    return sendHtml(reply, renderPage(page), status);
  }

  for (const { url } of localizedPaths('/:programme/fund/contributions')) {
    app.get<{ Params: Params }>(url, { config: { action: 'programme.manage' } }, async (request, reply) => renderContributions(request, reply, {}));
    app.post<{ Params: Params; Body: Body }>(url, { config: { action: 'programme.manage' } }, async (request, reply) => {
      const form = emptyForm(values(request.body, contributionKeys));
      const v = form.values;
      const year = parseYear(v.year!);
      if (!year) form.errors.year = 'fund.error.year';
      if (!v.fund) form.errors.fund = 'fund.error.fundRequired';
      if (!v.party) form.errors.party = 'fund.error.partyRequired';
      const amount = v.amount === '' && v.hours !== '' ? ({ ok: true, value: 0 } as const) : parseMoney(v.amount, request.locale);
      if (!amount.ok) form.errors.amount = amount.error;
      const hours = parseHours(v.hours, { optional: true });
      if (!hours.ok) form.errors.hours = hours.error;
      if (Object.keys(form.errors).length === 0 && amount.ok && hours.ok) {
        try {
          await recordContribution(db, { actor: request.actor!, programmeId: request.programme!.id, fundId: v.fund!, organisationId: v.party!, year: year!, cents: amount.value, hours: hours.value, note: v.note, idempotencyKey: v.idem });
          return redirectLocal(reply, `${home(request)}/contributions?done=fund.contributed`, home(request));
        } catch (error) {
          if (!(error instanceof FundError)) throw error;
          form.formError = error.key;
        }
      }
      return renderContributions(request, reply, { contribution: form }, 400);
    });
  }

  for (const { url } of localizedPaths('/:programme/fund/corrections')) {
    app.post<{ Params: Params; Body: Body }>(url, { config: { action: 'programme.manage' } }, async (request, reply) => {
      const form = emptyForm(values(request.body, correctionKeys));
      const v = form.values;
      const year = parseYear(v.c_year!);
      if (!year) form.errors.c_year = 'fund.error.year';
      if (!v.c_fund) form.errors.c_fund = 'fund.error.fundRequired';
      if (v.c_direction !== 'up' && v.c_direction !== 'down') form.errors.c_direction = 'fund.error.choice';
      const amount = v.c_amount === '' ? ({ ok: true, value: 0 } as const) : parseMoney(v.c_amount, request.locale);
      if (!amount.ok) form.errors.c_amount = amount.error;
      const hours = parseHours(v.c_hours, { optional: true });
      if (!hours.ok) form.errors.c_hours = hours.error;
      if (!v.c_reason) form.errors.c_reason = 'fund.error.reasonRequired';
      if (Object.keys(form.errors).length === 0 && amount.ok && hours.ok) {
        const sign = v.c_direction === 'down' ? -1 : 1;
        try {
          await recordCorrection(db, {
            actor: request.actor!,
            programmeId: request.programme!.id,
            fundId: v.c_fund!,
            organisationId: v.c_party || null,
            year: year!,
            cents: sign * amount.value,
            hours: sign * hours.value,
            reason: v.c_reason!,
            idempotencyKey: v.idem,
          });
          return redirectLocal(reply, `${home(request)}/contributions?done=fund.corrected`, home(request));
        } catch (error) {
          if (!(error instanceof FundError)) throw error;
          form.formError = error.key;
        }
      }
      return renderContributions(request, reply, { correction: form }, 400);
    });
  }

  // Applications.
  for (const { url } of localizedPaths('/:programme/fund/applications')) {
    app.get<{ Params: Params }>(url, { config: { action: 'account.use' } }, async (request, reply) => {
      requireSeesFund(request);
      const programmeId = request.programme!.id;
      const only = fundPolicy.viewAll(request.actor) ? undefined : fundPolicy.ledProjects(request.actor);
      const [applications, perFte] = await Promise.all([q.listApplications(db, programmeId, only), q.hoursPerFte(db, programmeId)]);
      return sendHtml(
        reply,
        renderPage(<ApplicationsPage ctx={pageContext(request, config)} applications={applications} canApply={fundPolicy.ledProjects(request.actor).length > 0} perFte={perFte} notice={notice(request)} />),
      );
    });

    app.post<{ Params: Params; Body: Body }>(url, { config: { access: 'record' } }, async (request, reply) => {
      if (!request.actor) throw new HttpError(401, 'error.signInRequired');
      if (fundPolicy.ledProjects(request.actor).length === 0) throw notFound();
      const form = emptyForm(values(request.body, ['project', 'fund', 'amount', 'hours', 'purpose_nl', 'purpose_en', 'period_start', 'period_end', 'budget_lines', 'idem']));
      const v = form.values;
      const locale = request.locale;
      if (!fundPolicy.ledProjects(request.actor).includes(v.project!)) form.errors.project = 'fund.error.projectRequired';
      if (!v.fund) form.errors.fund = 'fund.error.fundRequired';
      const amount = v.amount === '' && v.hours !== '' ? ({ ok: true, value: 0 } as const) : parseMoney(v.amount, locale);
      if (!amount.ok) form.errors.amount = amount.error;
      const hours = parseHours(v.hours, { optional: true });
      if (!hours.ok) form.errors.hours = hours.error;
      if (amount.ok && hours.ok && amount.value + hours.value === 0) form.errors.amount = 'fund.error.nothing';
      if (!v.purpose_nl && !v.purpose_en) form.errors.purpose_nl = 'fund.error.required';
      if (!validDate(v.period_start!)) form.errors.period_start = 'fund.error.date';
      if (!validDate(v.period_end!)) form.errors.period_end = 'fund.error.date';
      else if (validDate(v.period_start!) && v.period_end! < v.period_start!) form.errors.period_end = 'fund.error.periodOrder';
      const lines = parseBudgetLines(v.budget_lines!, locale);
      if (!lines) form.errors.budget_lines = 'fund.error.budgetLines';
      if (Object.keys(form.errors).length === 0 && amount.ok && hours.ok && lines) {
        try {
          const result = await submitApplication(db, {
            actor: request.actor,
            programmeId: request.programme!.id,
            projectId: v.project!,
            fundId: v.fund!,
            cents: amount.value,
            hours: hours.value,
            purpose: { nl: v.purpose_nl || undefined, en: v.purpose_en || undefined },
            periodStart: v.period_start!,
            periodEnd: v.period_end!,
            budgetLines: lines,
            idempotencyKey: v.idem,
          });
          return redirectLocal(reply, `${home(request)}/applications/${String(result.applicationId)}?done=fund.applied`, home(request));
        } catch (error) {
          if (!(error instanceof FundError)) throw error;
          form.formError = error.key;
        }
      }
      return renderApplicationForm(request, reply, form, 400);
    });
  }

  async function renderApplicationForm(request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    const programmeId = request.programme!.id;
    const [projects, funds, perFte] = await Promise.all([
      q.projectsLedBy(db, programmeId, fundPolicy.ledProjects(request.actor)),
      q.listFunds(db, programmeId),
      q.hoursPerFte(db, programmeId),
    ]);
    return sendHtml(reply, renderPage(<ApplicationFormPage ctx={pageContext(request, config)} form={form} projects={projects} funds={funds} perFte={perFte} />), status);
  }

  for (const { url } of localizedPaths('/:programme/fund/applications/new')) {
    app.get<{ Params: Params }>(url, { config: { access: 'record' } }, async (request, reply) => {
      if (!request.actor) throw new HttpError(401, 'error.signInRequired');
      if (fundPolicy.ledProjects(request.actor).length === 0) throw notFound();
      return renderApplicationForm(request, reply, emptyForm({ idem: randomUUID() }));
    });
  }

  async function loadApplication(request: FastifyRequest<{ Params: Params & { id: string } }>) {
    if (!request.actor) throw new HttpError(401, 'error.signInRequired');
    const data = await q.getApplication(db, request.programme!.id, request.params.id);
    if (!data) throw notFound();
    if (!fundPolicy.viewAll(request.actor) && !fundPolicy.apply(request.actor, data.project.id)) throw notFound();
    return data;
  }

  async function renderApplication(
    request: FastifyRequest<{ Params: Params & { id: string } }>,
    reply: FastifyReply,
    forms: { advice?: FormState; decision?: FormState; movement?: FormState },
    status = 200,
  ) {
    const data = await loadApplication(request);
    const actor = request.actor;
    const undecided = data.application.status === 'submitted' || data.application.status === 'advised';
    const [admission, open, perFte, decisionOptions, seesMeeting] = await Promise.all([
      loadAdmission(db, data.project, request.locale),
      openForApplication(db, data.application.id),
      q.hoursPerFte(db, request.programme!.id),
      fundPolicy.award(actor) && undecided ? q.awardDecisionOptions(db, request.programme!.id) : Promise.resolve([]),
      // The linked decision's meeting page, for those who may open it; everyone else gets the decisions list.
      data.minutesBody ? bodyRef(db, data.minutesBody).then((body) => canMeetings(actor, { do: 'body.viewInternal', body })) : Promise.resolve(false),
    ]);
    const page = (
      <ApplicationPage
        ctx={pageContext(request, config)}
        data={data}
        criteria={admission.results}
        open={open}
        perFte={perFte}
        may={{ advise: fundPolicy.advise(actor), award: fundPolicy.award(actor), manage: fundPolicy.manage(actor) }}
        advice={forms.advice ?? emptyForm()}
        decision={forms.decision ?? emptyForm({ idem: randomUUID() })}
        decisionOptions={decisionOptions}
        minutesMeetingVisible={seesMeeting}
        movement={forms.movement ?? emptyForm({ idem: randomUUID() })}
        notice={notice(request)}
      />
    );
    return sendHtml(reply, renderPage(page), status);
  }

  type IdParams = { Params: Params & { id: string }; Body: Body };
  const appUrl = (request: FastifyRequest<{ Params: Params & { id: string } }>) => `${home(request)}/applications/${request.params.id}`;

  for (const { url } of localizedPaths('/:programme/fund/applications/:id')) {
    app.get<IdParams>(url, { config: { access: 'record' } }, async (request, reply) => renderApplication(request, reply, {}));
  }

  for (const { url } of localizedPaths('/:programme/fund/applications/:id/advice')) {
    app.post<IdParams>(url, { config: { access: 'record' } }, async (request, reply) => {
      const data = await loadApplication(request);
      if (!fundPolicy.advise(request.actor)) throw new HttpError(403, 'error.forbidden');
      const form = emptyForm(values(request.body, ['advice', 'advice_note']));
      const advice = form.values.advice as AdviceKind;
      if (!['support', 'support_partly', 'against'].includes(advice)) form.errors.advice = 'fund.error.choice';
      if (Object.keys(form.errors).length === 0) {
        try {
          await adviseApplication(db, { actor: request.actor!, programmeId: request.programme!.id, applicationId: data.application.id, advice, note: form.values.advice_note! });
          return redirectLocal(reply, `${appUrl(request)}?done=fund.advised`, appUrl(request));
        } catch (error) {
          if (!(error instanceof FundError)) throw error;
          form.formError = error.key;
        }
      }
      return renderApplication(request, reply, { advice: form }, 400);
    });
  }

  for (const { url } of localizedPaths('/:programme/fund/applications/:id/award')) {
    app.post<IdParams>(url, { config: { access: 'record' } }, async (request, reply) => {
      const data = await loadApplication(request);
      if (!fundPolicy.award(request.actor)) throw new HttpError(403, 'error.forbidden');
      const form = emptyForm(values(request.body, ['decision', 'partial_amount', 'partial_hours', 'decision_note', 'decision_id', 'idem']));
      const v = form.values;
      const decision = v.decision as 'full' | 'partial' | 'none';
      if (!['full', 'partial', 'none'].includes(decision)) form.errors.decision = 'fund.error.choice';
      if (v.decision_id && !UUID.test(v.decision_id)) form.errors.decision_id = 'fund.error.decisionRef';
      let partial: Amounts | undefined;
      if (decision === 'partial') {
        const amount = v.partial_amount === '' ? ({ ok: true, value: 0 } as const) : parseMoney(v.partial_amount, request.locale);
        const hours = parseHours(v.partial_hours, { optional: true });
        if (!amount.ok) form.errors.partial_amount = amount.error;
        if (!hours.ok) form.errors.partial_hours = hours.error;
        if (amount.ok && hours.ok) partial = { cents: amount.value, hours: hours.value };
      }
      if (Object.keys(form.errors).length === 0) {
        try {
          const result = await awardApplication(db, {
            actor: request.actor!,
            programmeId: request.programme!.id,
            applicationId: data.application.id,
            decision,
            partial,
            note: v.decision_note,
            decisionId: v.decision_id || null,
            idempotencyKey: v.idem,
          });
          if (result.outcome === 'insufficient') form.formError = 'fund.error.insufficient';
          else if (result.outcome === 'alreadyDecided' && !result.replayed) form.formError = 'fund.error.alreadyDecided';
          else return redirectLocal(reply, `${appUrl(request)}?done=fund.decided`, appUrl(request));
        } catch (error) {
          if (!(error instanceof FundError)) throw error;
          if (error.key === 'fund.error.decisionRef') form.errors.decision_id = error.key;
          else form.formError = error.key;
        }
      }
      return renderApplication(request, reply, { decision: form }, form.formError === 'fund.error.insufficient' || form.formError === 'fund.error.alreadyDecided' ? 409 : 400);
    });
  }

  for (const { url } of localizedPaths('/:programme/fund/applications/:id/movements')) {
    app.post<IdParams>(url, { config: { action: 'programme.manage' } }, async (request, reply) => {
      const data = await loadApplication(request);
      const form = emptyForm(values(request.body, ['movement', 'm_amount', 'm_hours', 'm_note', 'idem']));
      const v = form.values;
      if (v.movement !== 'payment' && v.movement !== 'release') form.errors.movement = 'fund.error.choice';
      const amount = v.m_amount === '' && v.m_hours !== '' ? ({ ok: true, value: 0 } as const) : parseMoney(v.m_amount, request.locale);
      if (!amount.ok) form.errors.m_amount = amount.error;
      const hours = parseHours(v.m_hours, { optional: true });
      if (!hours.ok) form.errors.m_hours = hours.error;
      if (Object.keys(form.errors).length === 0 && amount.ok && hours.ok) {
        try {
          await recordMovement(db, { actor: request.actor!, programmeId: request.programme!.id, applicationId: data.application.id, kind: v.movement as 'payment' | 'release', cents: amount.value, hours: hours.value, note: v.m_note, idempotencyKey: v.idem });
          return redirectLocal(reply, `${appUrl(request)}?done=${v.movement === 'payment' ? 'fund.paid' : 'fund.released'}`, appUrl(request));
        } catch (error) {
          if (!(error instanceof FundError)) throw error;
          form.formError = error.key;
        }
      }
      return renderApplication(request, reply, { movement: form }, 400);
    });
  }

  // Reports and exports (everyone who sees the whole fund).
  const requireViewAll = (request: FastifyRequest) => {
    if (!request.actor) throw new HttpError(401, 'error.signInRequired');
    if (!fundPolicy.viewAll(request.actor)) throw notFound();
  };
  for (const { url } of localizedPaths('/:programme/fund/reports')) {
    app.get<{ Params: Params }>(url, { config: { action: 'account.use' } }, async (request, reply) => {
      requireViewAll(request);
      const programmeId = request.programme!.id;
      const [parties, perProject, perFte] = await Promise.all([q.partyReport(db, programmeId), q.balancesPerProject(db, programmeId), q.hoursPerFte(db, programmeId)]);
      return sendHtml(reply, renderPage(<ReportsPage ctx={pageContext(request, config)} parties={parties} perProject={perProject} perFte={perFte} />));
    });
  }
  // The two reports as CSV and XLSX: the same table, money in integer cents shown as euros.
  const partiesTable = async (programmeId: string, locale: Locale): Promise<Table> => {
    const rows = await q.partyReport(db, programmeId);
    const nl = locale === 'nl';
    return {
      title: translator(locale)('fund.reportParties'),
      columns: [
        { header: nl ? 'partij' : 'party' },
        { header: nl ? 'ingebracht_euro' : 'contributed_eur', kind: 'euro' },
        { header: nl ? 'ingebracht_uren' : 'contributed_hours', kind: 'number' },
        { header: 'project' },
        { header: nl ? 'toegekend_euro' : 'awarded_eur', kind: 'euro' },
        { header: nl ? 'betaald_euro' : 'paid_eur', kind: 'euro' },
      ],
      rows: rows.flatMap((r) => {
        const head = [resolveText(r.organisation.name, locale).text, r.contributed.cents, r.contributed.hours];
        if (r.projects.length === 0) return [[...head, '', null, null]];
        return r.projects.map((p) => [...head, `${p.code}. ${resolveText(p.title, locale).text}`, p.balance.committed.cents, p.balance.paid.cents]);
      }),
    };
  };
  const projectsTable = async (programmeId: string, locale: Locale): Promise<Table> => {
    const rows = await q.balancesPerProject(db, programmeId);
    const nl = locale === 'nl';
    return {
      title: translator(locale)('fund.reportProjects'),
      columns: [
        { header: 'project' },
        { header: nl ? 'titel' : 'title' },
        { header: nl ? 'toegekend_euro' : 'awarded_eur', kind: 'euro' },
        { header: nl ? 'betaald_euro' : 'paid_eur', kind: 'euro' },
        { header: nl ? 'open_euro' : 'open_eur', kind: 'euro' },
        { header: nl ? 'toegekend_uren' : 'awarded_hours', kind: 'number' },
        { header: nl ? 'geleverd_uren' : 'delivered_hours', kind: 'number' },
      ],
      rows: rows.map(({ project, balance }) => [
        project.code,
        resolveText(project.title, locale).text,
        balance.committed.cents,
        balance.paid.cents,
        outstanding(balance).cents,
        balance.committed.hours,
        balance.paid.hours,
      ]),
    };
  };
  const reports = { parties: partiesTable, projects: projectsTable };
  for (const [report, build] of Object.entries(reports)) {
    for (const format of ['csv', 'xlsx'] as const) {
      for (const { url, locale } of localizedPaths(`/:programme/fund/reports/${report}.${format}`)) {
        app.get<{ Params: Params }>(url, { config: { action: 'account.use' } }, async (request, reply) => {
          requireViewAll(request);
          return sendTable(reply, await build(request.programme!.id, locale), format, `fund-${report}`);
        });
      }
    }
  }
}
