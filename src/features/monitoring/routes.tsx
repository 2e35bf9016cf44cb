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
import { HttpError, notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import './messages.ts';
import { targetChartSvg } from './chart.ts';
import { addMeasurement, canFileReport, canRecordMeasurement, canSeeDeadlines, fileReport, validateMeasurement, validateReport, type ReportInput } from './commands.ts';
import { daily, JobRunner, weekly } from './jobs.ts';
import { getMeeting } from '../meetings/queries.ts';
import { sendInvitations } from './invitations.ts';
import { createMailer, findPreferencesByToken, isMailKind, MAIL_KINDS, preferencesFor, savePreferences, unsubscribe, wants, type MailKind } from './mail.ts';
import { PREFERENCES_PATH, PreferencesPage, UnsubscribePage } from './mail-views.tsx';
import { addDays, isoToday, periodOf, previousPeriod } from './periods.ts';
import * as q from './queries.ts';
import { sendDigest, sendReminders } from './reminders.ts';
import type { ReportStatus } from './tables.ts';
import { DeadlinesPage, formatNumber, OutboxPage, ReportPage, TargetPage, TargetsPage } from './views.tsx';

export const DUE_SOON_DAYS = 30;
type ProgrammeParams = { programme: string };
const str = (value: unknown, max = 20_000): string => (typeof value === 'string' ? value.slice(0, max) : '');

async function chartFor(ctx: PageContext, item: q.TargetWithTrend): Promise<string> {
  const { t, locale } = ctx;
  const { target, measurements } = item;
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
  registerNavItem({ label: 'nav.deadlines', path: '/deadlines', order: 85, manageOnly: true });

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
      const canRecord = canRecordMeasurement(request.actor, item.target);
      const svg = await chartFor(ctx, item);
      return sendHtml(reply, renderPage(<TargetPage ctx={ctx} item={item} svg={svg} canRecord={canRecord} saved={request.query.saved === '1'} />));
    });
  }

  for (const { locale, url } of localizedPaths('/:programme/targets/:key/measurements')) {
    app.post<{ Params: ProgrammeParams & { key: string }; Body: Record<string, unknown> }>(url, { config: { access: 'record' } }, async (request, reply) => {
      const item = await loadTarget(request);
      if (!canRecordMeasurement(request.actor, item.target)) throw notFound();
      const body = request.body ?? {};
      const values = { measuredOn: str(body.measuredOn, 20).trim(), value: str(body.value, 40), source: str(body.source, 1000) };
      const errors = validateMeasurement(values, isoToday());
      const ctx = pageContext(request, config);
      if (Object.keys(errors).length > 0) {
        const svg = await chartFor(ctx, item);
        return sendHtml(reply, renderPage(<TargetPage ctx={ctx} item={item} svg={svg} canRecord form={{ values, errors }} />), 400);
      }
      await addMeasurement(db, { actor: request.actor!, target: item.target, ...values });
      return redirectLocal(reply, undefined, `/${locale}/${request.programme!.slug}/targets/${item.target.key}?saved=1`);
    });
  }

  async function loadReportProject(request: FastifyRequest<{ Params: ProgrammeParams & { code: string } }>) {
    const project = await q.getProjectByCode(db, request.programme!.id, request.params.code);
    if (!project || !canFileReport(request.actor, project)) throw notFound();
    return project;
  }

  for (const { locale, url } of localizedPaths('/:programme/projects/:code/report')) {
    app.get<{ Params: ProgrammeParams & { code: string }; Querystring: { saved?: string } }>(url, { config: { access: 'record' } }, async (request, reply) => {
      const project = await loadReportProject(request);
      const period = periodOf(isoToday());
      const reports = await q.listReports(db, project.id);
      const current = reports.find((r) => r.period === period);
      const form = {
        values: { period, status: current?.status ?? '', narrative_nl: current?.narrative.nl ?? '', narrative_en: current?.narrative.en ?? '' },
        errors: {},
      };
      return sendHtml(reply, renderPage(<ReportPage ctx={pageContext(request, config)} project={project} period={period} reports={reports} form={form} saved={request.query.saved === '1'} />));
    });

    app.post<{ Params: ProgrammeParams & { code: string }; Body: Record<string, unknown> }>(url, { config: { access: 'record' } }, async (request, reply) => {
      const project = await loadReportProject(request);
      const body = request.body ?? {};
      const values: ReportInput = { period: str(body.period, 20), status: str(body.status, 20), narrative_nl: str(body.narrative_nl), narrative_en: str(body.narrative_en) };
      const errors = validateReport(values);
      const current = periodOf(isoToday());
      // Only the current period, or the one before it (a report filed just after the quarter ends), may be filed.
      if (!errors.period && values.period !== current && values.period !== previousPeriod(current)) {
        errors.period = 'monitoring.error.period';
      }
      if (Object.keys(errors).length > 0) {
        const reports = await q.listReports(db, project.id);
        return sendHtml(reply, renderPage(<ReportPage ctx={pageContext(request, config)} project={project} period={current} reports={reports} form={{ values, errors }} />), 400);
      }
      await fileReport(db, {
        actor: request.actor!,
        project,
        period: values.period,
        status: values.status as ReportStatus,
        narrative: { nl: values.narrative_nl.trim() || undefined, en: values.narrative_en.trim() || undefined },
      });
      return redirectLocal(reply, undefined, `/${locale}/${request.programme!.slug}/projects/${project.code}/report?saved=1`);
    });
  }

  for (const { url } of localizedPaths('/:programme/deadlines')) {
    app.get<{ Params: ProgrammeParams }>(url, { config: { access: 'record' } }, async (request, reply) => {
      if (!request.actor) throw new HttpError(401, 'error.signInRequired');
      if (!canSeeDeadlines(request.actor, request.programme!.id)) throw notFound();
      const today = isoToday();
      const rows = await q.listDeadlines(db, request.programme!.id, addDays(today, DUE_SOON_DAYS));
      return sendHtml(reply, renderPage(<DeadlinesPage ctx={pageContext(request, config)} rows={rows} today={today} soonDays={DUE_SOON_DAYS} />));
    });
  }

  for (const { url } of localizedPaths('/:programme/outbox')) {
    app.get<{ Params: ProgrammeParams }>(url, { config: { action: 'users.manage' } }, async (request, reply) => {
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
    app.get<Unsubscribe>(url, { config: { action: 'public' } }, async (request, reply) => {
      const kind = kindOf(request);
      if (!(await findPreferencesByToken(db, request.params.token))) throw notFound();
      return sendHtml(reply, renderPage(<UnsubscribePage ctx={pageContext(request, config)} action={action(request, kind)} kind={kind} done={false} />));
    });
    app.post<Unsubscribe>(url, { config: { action: 'public', csrf: false } }, async (request, reply) => {
      const kind = kindOf(request);
      if (!(await unsubscribe(db, request.params.token, kind ?? undefined))) throw notFound();
      return sendHtml(reply, renderPage(<UnsubscribePage ctx={pageContext(request, config)} action={action(request, kind)} kind={kind} done />));
    });
  }

  for (const { locale, url } of localizedPaths(PREFERENCES_PATH)) {
    const accountLocale = async (userId: string) => (await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)))[0]?.locale ?? locale;
    app.get<{ Querystring: { saved?: string } }>(url, { config: { action: 'account.use' } }, async (request, reply) => {
      const prefs = await preferencesFor(db, request.actor!.userId);
      const kinds = Object.fromEntries((Object.keys(MAIL_KINDS) as MailKind[]).map((kind) => [kind, wants(prefs, kind)])) as Record<MailKind, boolean>;
      const form = { values: { locale: prefs.locale ?? '', kinds }, errors: {} };
      const page = <PreferencesPage ctx={pageContext(request, config)} accountLocale={await accountLocale(request.actor!.userId)} form={form} saved={request.query.saved === '1'} />;
      return sendHtml(reply, renderPage(page));
    });
    app.post<{ Body: Record<string, unknown> }>(url, { config: { action: 'account.use' } }, async (request, reply) => {
      const body = request.body ?? {};
      const chosen = str(body.locale, 10);
      const kinds = Object.fromEntries((Object.keys(MAIL_KINDS) as MailKind[]).map((kind) => [kind, body[kind] === 'on'])) as Record<MailKind, boolean>;
      if (chosen !== '' && !isLocale(chosen)) {
        const form = { values: { locale: chosen, kinds }, errors: { locale: 'monitoring.preferences.error.locale' } };
        return sendHtml(reply, renderPage(<PreferencesPage ctx={pageContext(request, config)} accountLocale={await accountLocale(request.actor!.userId)} form={form} />), 400);
      }
      await savePreferences(db, request.actor!, { locale: chosen === '' ? null : chosen, kinds });
      return redirectLocal(reply, undefined, `/${locale}${PREFERENCES_PATH}?saved=1`);
    });
  }

  // The coordinator sends (or, after a change, resends) a meeting's invitations from its page.
  const mailer = createMailer({ smtpUrl: process.env.SMTP_URL || undefined });
  app.addHook('onClose', async () => mailer.close());
  for (const { locale, url } of localizedPaths('/:programme/meetings/:meeting/invitations')) {
    app.post<{ Params: ProgrammeParams & { meeting: string } }>(url, { config: { action: 'programme.manage' } }, async (request, reply) => {
      const found = await getMeeting(db, request.programme!.id, request.params.meeting);
      if (!found) throw notFound();
      await sendInvitations(db, mailer, { actor: request.actor, meeting: found.meeting, body: found.body, programmeSlug: request.programme!.slug, baseUrl: config.baseUrl });
      return redirectLocal(reply, undefined, `/${locale}/${request.programme!.slug}/meetings/${found.meeting.id}#invitations-heading`);
    });
  }

  registerDashboardPanel({
    key: 'monitoring.missingReports',
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
