// Monitoring: public target pages with charts, measurements, progress reports, the deadlines
// overview, the mail outbox, unsubscribe, dashboard panels and the scheduled mail jobs.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.ts';
import { isLocale, resolveText } from '../../domain/localized.ts';
import { Heading, Link } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { registerDashboardPanel } from '../../web/dashboard.ts';
import { formatDate } from '../../web/i18n.ts';
import { formState, readForm, type FormState } from '../../web/forms.ts';
import { notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import './messages.ts';
import { targetChartSvg } from './chart.ts';
import { can } from '../../policies.ts';
import { addMeasurement, fileReport } from './commands.ts';
import { daily, JobRunner, weekly } from './jobs.ts';
import { getMeeting } from '../meetings/queries.ts';
import { reportQuery, sendInvitations } from './invitations.ts';
import { createMailer, findPreferencesByToken, isMailKind, preferencesFor, savePreferences, unsubscribe, type MailKind } from './mail.ts';
import { PREFERENCES_PATH, PreferencesPage, UnsubscribePage } from './mail-views.tsx';
import { addDays, isoToday, periodOf } from './periods.ts';
import * as q from './queries.ts';
import { sendDigest, sendReminders } from './reminders.ts';
import { MeasurementInput, PreferencesInput, ReportInput } from './schema.ts';
import { DeadlinesPage, formatNumber, OutboxPage, ReportPage, TargetPage, TargetsPage } from './views.tsx';

export const DUE_SOON_DAYS = 30;
type ProgrammeParams = { programme: string };

/** The target's chart, or null when there is nothing to draw yet (no baseline, no measurement): the page says so instead. */
async function chartFor(ctx: PageContext, item: q.TargetWithTrend): Promise<string | null> {
  const { t, locale } = ctx;
  const { target, measurements } = item;
  if (measurements.length === 0 && target.baselineValue === null) return null;
  const title = resolveText(target.title, locale).text;
  const goal = target.targetValue === null ? t('monitoring.chart.noGoal') : formatNumber(locale, target.targetValue);
  const label =
    measurements.length === 0
      ? t('monitoring.chart.labelEmpty', { title, goal })
      : t('monitoring.chart.label', {
          title,
          goal,
          from: formatDate(locale, measurements[0]!.measuredOn),
          to: formatDate(locale, measurements.at(-1)!.measuredOn),
          latest: formatNumber(locale, item.trend.latest!.value),
        });
  const newest = measurements.reduce((max, m) => (m.createdAt.getTime() > max ? m.createdAt.getTime() : max), 0);
  return targetChartSvg({
    targetId: target.id,
    locale,
    label,
    axisDate: t('monitoring.chart.date'),
    axisValue: resolveText(target.unit, locale).text || t('monitoring.chart.value'),
    targetValue: target.targetValue,
    deadlineOn: target.deadlineOn,
    baseline: target.baselineValue !== null ? { on: item.baselineOn, value: target.baselineValue } : null,
    measurements: measurements.map((m) => ({ on: m.measuredOn, value: m.value })),
    stamp: `${measurements.length}:${newest}:${target.targetValue}:${target.deadlineOn}`,
  });
}

export function registerMonitoringRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'nav.targets', path: '/targets', order: 40 });
  registerNavItem({ label: 'nav.deadlines', path: '/deadlines', order: 85, group: 'programme' });
  // Administrators only (its action, outbox.view): the outbox holds password reset links.
  registerNavItem({ label: 'nav.outbox', path: '/outbox', order: 96, group: 'management' });

  for (const { url } of localizedPaths('/:programme/targets')) {
    app.get<{ Params: ProgrammeParams }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const items = await q.listTargetsWithTrend(db, request.programme!.id, isoToday());
      return sendHtml(reply, renderPage(<TargetsPage ctx={pageContext(request, config)} items={items} />));
    });
  }

  async function loadTarget(request: FastifyRequest<{ Params: ProgrammeParams & { key: string } }>) {
    if (!/^[a-z0-9-]{1,80}$/.test(request.params.key)) throw notFound();
    const [item] = await q.listTargetsWithTrend(db, request.programme!.id, isoToday(), request.params.key);
    if (!item) throw notFound();
    return item;
  }

  for (const { url } of localizedPaths('/:programme/targets/:key')) {
    app.get<{ Params: ProgrammeParams & { key: string }; Querystring: { saved?: string } }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const item = await loadTarget(request);
      const ctx = pageContext(request, config);
      const canRecord = can(request.actor, 'measurement.record', item.target);
      const svg = await chartFor(ctx, item);
      return sendHtml(reply, renderPage(<TargetPage ctx={ctx} item={item} svg={svg} canRecord={canRecord} saved={request.query.saved === '1'} />));
    });
  }

  for (const { locale, url } of localizedPaths('/:programme/targets/:key/measurements')) {
    app.post<{ Params: ProgrammeParams & { key: string }; Body: Record<string, unknown> }>(url, { config: { action: 'measurement.record' } }, async (request, reply) => {
      const item = await loadTarget(request);
      if (!can(request.actor, 'measurement.record', item.target)) throw notFound();
      const read = readForm(MeasurementInput, request.body, request.locale);
      const result = read.ok ? await addMeasurement({ actor: request.actor, db, target: item.target, measurement: read.value }) : read;
      if (!result.ok) {
        const ctx = pageContext(request, config);
        const svg = await chartFor(ctx, item);
        return sendHtml(reply, renderPage(<TargetPage ctx={ctx} item={item} svg={svg} canRecord state={formState('measurement', result.errors, request.body)} />), 400);
      }
      return redirectLocal(reply, undefined, `/${locale}/${request.programme!.slug}/targets/${item.target.key}?saved=1`);
    });
  }

  /** The project whose report the actor may file, or 404 (for visitors too: the page does not exist for them). */
  async function loadReportProject(request: FastifyRequest<{ Params: ProgrammeParams & { code: string } }>) {
    const project = await q.getProjectByCode(db, request.programme!.id, request.params.code);
    if (!project || !can(request.actor, 'report.file', project)) throw notFound();
    return project;
  }

  async function renderReport(request: FastifyRequest<{ Params: ProgrammeParams & { code: string }; Querystring: { saved?: string } }>, state?: FormState) {
    const project = await loadReportProject(request);
    const period = periodOf(isoToday());
    const reports = await q.listReports(db, project.id);
    const current = reports.find((r) => r.period === period);
    return renderPage(<ReportPage ctx={pageContext(request, config)} project={project} period={period} reports={reports} current={current} state={state} saved={request.query.saved === '1'} />);
  }

  for (const { locale, url } of localizedPaths('/:programme/projects/:code/report')) {
    type ReportRoute = { Params: ProgrammeParams & { code: string }; Querystring: { saved?: string }; Body: Record<string, unknown> };
    app.get<ReportRoute>(url, { config: { action: 'report.file' } }, async (request, reply) => sendHtml(reply, await renderReport(request)));

    app.post<ReportRoute>(url, { config: { action: 'report.file' } }, async (request, reply) => {
      const project = await loadReportProject(request);
      const read = readForm(ReportInput, request.body, request.locale);
      const result = read.ok ? await fileReport({ actor: request.actor, db, project, report: read.value }) : read;
      if (!result.ok) return sendHtml(reply, await renderReport(request, formState('report', result.errors, request.body)), 400);
      return redirectLocal(reply, undefined, `/${locale}/${request.programme!.slug}/projects/${project.code}/report?saved=1`);
    });
  }

  for (const { url } of localizedPaths('/:programme/deadlines')) {
    app.get<{ Params: ProgrammeParams }>(url, { config: { action: 'deadlines.view' } }, async (request, reply) => {
      const today = isoToday();
      const rows = await q.listDeadlines(db, request.programme!.id, addDays(today, DUE_SOON_DAYS));
      return sendHtml(reply, renderPage(<DeadlinesPage ctx={pageContext(request, config)} rows={rows} today={today} soonDays={DUE_SOON_DAYS} />));
    });
  }

  for (const { url } of localizedPaths('/:programme/outbox')) {
    app.get<{ Params: ProgrammeParams }>(url, { config: { action: 'outbox.view' } }, async (request, reply) => {
      const mails = await q.listOutbox(db);
      return sendHtml(reply, renderPage(<OutboxPage ctx={pageContext(request, config)} mails={mails} />));
    });
  }

  // The link in every mail: ?kind= names the kind of mail to switch off (none: every kind). The
  // POST is also the one-click unsubscribe of RFC 8058 (List-Unsubscribe-Post), which mail
  // providers send without cookies: the secret token in the URL stands in for the CSRF token.
  for (const { locale, url } of localizedPaths('/mail/unsubscribe/:token')) {
    type Unsubscribe = { Params: { token: string }; Querystring: { kind?: string } };
    const kindOf = (request: FastifyRequest<Unsubscribe>): MailKind | null => {
      const kind = request.query.kind;
      if (kind === undefined) return null;
      if (!isMailKind(kind)) throw notFound();
      return kind;
    };
    const action = (request: FastifyRequest<Unsubscribe>, kind: MailKind | null) => `/${locale}/mail/unsubscribe/${request.params.token}${kind ? `?kind=${kind}` : ''}`;
    app.get<Unsubscribe>(url, { config: { action: 'mail.unsubscribe' } }, async (request, reply) => {
      const kind = kindOf(request);
      if (!(await findPreferencesByToken(db, request.params.token))) throw notFound();
      return sendHtml(reply, renderPage(<UnsubscribePage ctx={pageContext(request, config)} action={action(request, kind)} kind={kind} done={false} />));
    });
    app.post<Unsubscribe>(url, { config: { action: 'mail.unsubscribe', csrf: false } }, async (request, reply) => {
      const kind = kindOf(request);
      if (!(await unsubscribe({ db, token: request.params.token, kind }))) throw notFound();
      return sendHtml(reply, renderPage(<UnsubscribePage ctx={pageContext(request, config)} action={action(request, kind)} kind={kind} done />));
    });
  }

  for (const { locale, url } of localizedPaths(PREFERENCES_PATH)) {
    const accountLocale = async (userId: string) => (await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)))[0]?.locale ?? locale;
    async function renderPreferences(request: FastifyRequest<{ Querystring: { saved?: string } }>, state?: FormState) {
      const preferences = await preferencesFor(db, request.actor!.userId);
      const page = <PreferencesPage ctx={pageContext(request, config)} accountLocale={await accountLocale(request.actor!.userId)} preferences={preferences} state={state} saved={request.query.saved === '1'} />;
      return renderPage(page);
    }
    app.get<{ Querystring: { saved?: string } }>(url, { config: { action: 'mail.setPreferences' } }, async (request, reply) => sendHtml(reply, await renderPreferences(request)));
    app.post<{ Querystring: { saved?: string }; Body: Record<string, unknown> }>(url, { config: { action: 'mail.setPreferences' } }, async (request, reply) => {
      const read = readForm(PreferencesInput, request.body, request.locale);
      const result = read.ok ? await savePreferences({ actor: request.actor, db, preferences: read.value }) : read;
      if (!result.ok) return sendHtml(reply, await renderPreferences(request, formState('preferences', result.errors, request.body)), 400);
      return redirectLocal(reply, undefined, `/${locale}${PREFERENCES_PATH}?saved=1`);
    });
  }

  // The coordinator sends (or, after a change, resends) a meeting's invitations from its page.
  const mailer = createMailer({ smtpUrl: process.env.SMTP_URL || undefined });
  app.addHook('onClose', async () => mailer.close());
  for (const { locale, url } of localizedPaths('/:programme/meetings/:meeting/invitations')) {
    app.post<{ Params: ProgrammeParams & { meeting: string } }>(url, { config: { action: 'meeting.sendInvitations' } }, async (request, reply) => {
      const found = await getMeeting(db, request.programme!.id, request.params.meeting);
      if (!found) throw notFound();
      const sent = await sendInvitations({ actor: request.actor, db, mailer, meeting: found.meeting, body: found.body, programmeSlug: request.programme!.slug, baseUrl: config.baseUrl });
      // The meeting page says what happened: how many sent, kept in the outbox, skipped, failed, unreachable.
      const report = sent.ok ? `?invited=${reportQuery(sent.value)}` : '';
      return redirectLocal(reply, undefined, `/${locale}/${request.programme!.slug}/meetings/${found.meeting.id}${report}#invitations-heading`);
    });
  }

  registerDashboardPanel({
    key: 'monitoring.missingReports',
    shows: 'live',
    order: 30,
    async render({ db: panelDb, ctx, programmeId }) {
      const period = periodOf(isoToday());
      const missing = await q.listMissingReports(panelDb, programmeId, period);
      return (
        <section class="ks-panel" aria-labelledby="panel-missing-reports">
          <Heading level={2} id="panel-missing-reports">
            {ctx.t('monitoring.missing.heading', { period })}
          </Heading>
          {missing.length === 0 ? (
            <p class="utrecht-paragraph">{ctx.t('monitoring.missing.none', { period })}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {missing.map((m) => (
                <li class="utrecht-unordered-list__item">
                  <Link ctx={ctx} to={`/${ctx.programme!.slug}/projects/${m.code}`}>
                    {m.code}
                  </Link>{' '}
                  {resolveText(m.title, ctx.locale).text} — {m.leads.length > 0 ? m.leads.map((l) => l.name).join(', ') : ctx.t('monitoring.missing.noLead')}
                  {m.leadName && <span class="ks-muted"> ({resolveText(m.leadName, ctx.locale).text})</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      );
    },
  });

  registerDashboardPanel({
    key: 'monitoring.deadlines',
    shows: 'live',
    order: 20,
    async render({ db: panelDb, ctx, programmeId }) {
      const today = isoToday();
      const rows = await q.listDeadlines(panelDb, programmeId, addDays(today, DUE_SOON_DAYS));
      const overdue = rows.filter((r) => r.dueOn < today);
      return (
        <section class="ks-panel" aria-labelledby="panel-deadlines">
          <Heading level={2} id="panel-deadlines">
            {ctx.t('monitoring.deadlines.panel', { overdue: overdue.length, soon: rows.length - overdue.length })}
          </Heading>
          <ul class="utrecht-unordered-list">
            {rows.slice(0, 8).map((r) => (
              <li class="utrecht-unordered-list__item">
                <time dateTime={r.dueOn}>{formatDate(ctx.locale, r.dueOn)}</time> — {r.projectCode}: {resolveText(r.description, ctx.locale).text}
              </li>
            ))}
          </ul>
          <p class="utrecht-paragraph">
            <Link ctx={ctx} to={`/${ctx.programme!.slug}/deadlines`}>
              {ctx.t('monitoring.deadlines.all')}
            </Link>
          </p>
        </section>
      );
    },
  });

  // Scheduled mail runs in the served app only (not in app.inject tests): reminders daily at
  // 05:00 UTC, the digest on Monday at 06:00 UTC. Set JOBS=off to run them on other instances only.
  if (process.env.JOBS !== 'off') {
    const runner = new JobRunner(
      db,
      [daily('reminders', 5), weekly('digest', 1, 6)],
      {
        reminders: async (job) => `sent ${await sendReminders(db, mailer, { today: isoToday(), baseUrl: config.baseUrl, runKey: `job:${job.id}` })}`,
        digest: async (job) => `sent ${await sendDigest(db, mailer, { today: isoToday(), baseUrl: config.baseUrl, runKey: `job:${job.id}` })}`,
      },
      (error) => app.log.error({ err: error }, 'scheduled job failed'),
    );
    app.addHook('onListen', async () => runner.start(Number(process.env.JOBS_INTERVAL_MS ?? 60_000)));
    app.addHook('onClose', async () => runner.stop());
  }
}
