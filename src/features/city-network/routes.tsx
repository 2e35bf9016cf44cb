// The network of knowledge cities: the public network page per programme, the coordinator's page
// that chooses what it follows, and the scheduled job that asks other installations.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { resolveText } from '../../domain/localized.ts';
import { comparableTargets, latestResults, themeRows } from '../../domain/network-profile.ts';
import { can } from '../../policies.ts';
import { formState, readForm, type FormState } from '../../web/forms.ts';
import { isUuid } from '../../web/forms.ts';
import { notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { renderPage } from '../../web/render.ts';
import { pageContext } from '../../web/request-context.ts';
import { localizedPaths } from '../../web/routing.ts';
import { comparisonChartSvg } from '../monitoring/chart.ts';
import { JobRunner } from '../monitoring/jobs.ts';
import { followProgramme, followUrl, unfollow } from './commands.ts';
import './messages.ts';
import { networkJobs, refreshSource } from './poll.ts';
import * as q from './queries.ts';
import { FollowForm } from './schema.ts';
import { ManageNetworkPage, NetworkPage, type ChartedGroup } from './views.tsx';

type P = { programme: string };
type S = P & { sourceId: string };

/** How many shared results the network page lists. */
const RESULTS_SHOWN = 20;

const NOTICES: Record<string, string> = { saved: 'cityNetwork.manage.saved', removed: 'cityNetwork.manage.removed', refreshed: 'cityNetwork.manage.refreshed' };

export function registerCityNetworkRoutes(app: FastifyInstance, db: Db, config: Config): void {
  for (const { url } of localizedPaths('/:programme/network')) {
    app.get<{ Params: P }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const ctx = pageContext(request, config);
      const members = await q.networkMembers(db, request.programme!.id, config.baseUrl);
      const shown = members.filter((m) => m.profile !== null);
      const profiles = shown.map((m) => m.profile!);
      const groups: ChartedGroup[] = [];
      for (const [index, group] of comparableTargets(profiles).entries()) {
        const unit = resolveText(group.unit, ctx.locale).text;
        const series = group.targets
          .filter((target) => target.measurements.length > 0)
          .map((target) => ({ name: `${resolveText(profiles[target.programme]!.programme.name, ctx.locale).text}: ${resolveText(target.title, ctx.locale).text}`, points: target.measurements }));
        // A chart never stops the page: the table holds the same figures.
        const svg = series.length === 0
          ? null
          : await comparisonChartSvg({
              chartId: `network-${index}`,
              locale: ctx.locale,
              label: ctx.t('cityNetwork.targets.chartLabel', { unit }),
              axisDate: ctx.t('cityNetwork.axisDate'),
              axisValue: unit,
              seriesTitle: ctx.t('cityNetwork.targets.series'),
              series,
              stamp: JSON.stringify(series),
            }).catch((error: unknown) => {
              request.log.warn({ err: error }, 'network chart failed');
              return null;
            });
        groups.push({ group, svg });
      }
      const results = latestResults(
        shown.flatMap((member) => member.profile!.results.map((result) => ({ member, result, date: result.date }))),
        RESULTS_SHOWN,
      );
      const page = <NetworkPage ctx={ctx} members={members} themes={themeRows(profiles)} groups={groups} results={results} canManage={can(request.actor, 'network.manage')} />;
      return sendHtml(reply, renderPage(page));
    });
  }

  registerNavItem({ label: 'cityNetwork.manage.title', path: '/manage/network', order: 98, group: 'management' });
  for (const { url } of localizedPaths('/:programme/manage/network')) {
    const render = async (request: FastifyRequest<{ Params: P; Querystring: { done?: string } }>, reply: FastifyReply, form?: FormState, status = 200) => {
      const [sources, followable] = await Promise.all([q.listSources(db, request.programme!.id), q.followableProgrammes(db, request.programme!.id)]);
      const notice = form ? undefined : NOTICES[request.query.done ?? ''];
      return sendHtml(reply, renderPage(<ManageNetworkPage ctx={pageContext(request, config)} sources={sources} followable={followable} form={form} notice={notice} pollMinutes={config.network.pollMinutes} />), status);
    };
    const back = (request: FastifyRequest<{ Params: P }>, reply: FastifyReply, done: string) => redirectLocal(reply, undefined, `/${request.locale}/${request.programme!.slug}/manage/network?done=${done}`);

    app.get<{ Params: P; Querystring: { done?: string } }>(url, { config: { action: 'network.manage' } }, async (request, reply) => render(request, reply));
    app.post<{ Params: P; Querystring: { done?: string } }>(url, { config: { action: 'network.manage' } }, async (request, reply) => {
      const read = readForm(FollowForm, request.body, request.locale);
      const kind = (request.body as { kind?: unknown } | undefined)?.kind === 'local' ? 'local' : 'remote';
      if (!read.ok) return render(request, reply, formState(kind, read.errors, request.body), 400);
      const base = { actor: request.actor, db, programmeId: request.programme!.id };
      if (read.value.kind === 'local') {
        const result = await followProgramme({ ...base, slug: read.value.programme });
        if (!result.ok) return render(request, reply, formState('local', result.errors, request.body), 400);
        return back(request, reply, 'saved');
      }
      const result = await followUrl({ ...base, url: read.value.url, policy: { allowHttp: config.network.allowHttp, allowPrivate: config.network.allowPrivate } });
      if (!result.ok) return render(request, reply, formState('remote', result.errors, request.body), 400);
      // Asked at once, so the list says straight away whether the source answers.
      await refreshSource(db, config, { id: result.value.id, url: result.value.url });
      return back(request, reply, 'saved');
    });
  }

  for (const { url } of localizedPaths('/:programme/manage/network/:sourceId/refresh')) {
    app.post<{ Params: S }>(url, { config: { action: 'network.manage' } }, async (request, reply) => {
      const source = isUuid(request.params.sourceId) ? await q.getSource(db, request.programme!.id, request.params.sourceId) : null;
      if (!source) throw notFound();
      if (source.url) await refreshSource(db, config, { id: source.id, url: source.url });
      return redirectLocal(reply, undefined, `/${request.locale}/${request.programme!.slug}/manage/network?done=refreshed`);
    });
  }
  for (const { url } of localizedPaths('/:programme/manage/network/:sourceId/delete')) {
    app.post<{ Params: S }>(url, { config: { action: 'network.manage' } }, async (request, reply) => {
      if (!isUuid(request.params.sourceId)) throw notFound();
      await unfollow({ actor: request.actor, db, programmeId: request.programme!.id, id: request.params.sourceId });
      return redirectLocal(reply, undefined, `/${request.locale}/${request.programme!.slug}/manage/network?done=removed`);
    });
  }

  // Other installations are asked by the served app only (not in app.inject tests), like the
  // scheduled mail; JOBS=off leaves it to other instances.
  if (process.env.JOBS !== 'off') {
    const { schedules, handlers } = networkJobs(db, config);
    const runner = new JobRunner(db, schedules, handlers, (error) => app.log.error({ err: error }, 'network poll failed'));
    app.addHook('onListen', async () => runner.start(Number(process.env.JOBS_INTERVAL_MS ?? 60_000)));
    app.addHook('onClose', async () => runner.stop());
  }
}
