// The member's page for their private calendar feed, and the feed itself (./calendar-feed.ts).
// The feed answers at a secret address without a session: calendar programs cannot sign in.
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { programmes } from '../../db/schema.ts';
import { Alert, Heading, Link, SubmitButton } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { PostForm } from '../../web/form-components.tsx';
import { notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { Layout } from '../../web/layout.tsx';
import { renderPage } from '../../web/render.ts';
import { pageContext } from '../../web/request-context.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { localizedPaths } from '../../web/routing.ts';
import { calendarFeedFor, hasCalendarFeed, renewCalendarFeed, revokeCalendarFeed } from './calendar-feed.ts';
import { meetingCalendar } from './ics.ts';

type ProgrammeParams = { programme: string };

export const CALENDAR_FEED_PATH = '/feeds/calendar';

export function registerCalendarFeedRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'meetings.feed.title', path: '/my-calendar', order: 42, group: 'steeringGroup' });
  for (const { url } of localizedPaths('/:programme/my-calendar')) {
    app.get<{ Params: ProgrammeParams; Querystring: { done?: string } }>(url, { config: { action: 'calendar.subscribe' } }, async (request, reply) => {
      const active = await hasCalendarFeed(db, request.programme!.id, request.actor!.userId);
      const done = request.query.done === 'revoked' ? 'revoked' : undefined;
      return sendHtml(reply, renderPage(<CalendarFeedPage ctx={pageContext(request, config)} active={active} done={done} />));
    });
    app.post<{ Params: ProgrammeParams }>(`${url}/renew`, { config: { action: 'calendar.subscribe' } }, async (request, reply) => {
      const token = await renewCalendarFeed(db, request.actor!, request.programme!.id);
      // Shown once, on this answer: only its hash is kept. Not cached, not in the history (POST).
      const address = `${config.baseUrl}${CALENDAR_FEED_PATH}/${token}.ics?lang=${request.locale}`;
      return sendHtml(reply, renderPage(<CalendarFeedPage ctx={pageContext(request, config)} active address={address} />));
    });
    app.post<{ Params: ProgrammeParams }>(`${url}/revoke`, { config: { action: 'calendar.subscribe' } }, async (request, reply) => {
      await revokeCalendarFeed(db, request.actor!, request.programme!.id);
      return redirectLocal(reply, undefined, `/${request.locale}/${request.programme!.slug}/my-calendar?done=revoked`);
    });
  }

  app.get<{ Params: { token: string }; Querystring: { lang?: string } }>(`${CALENDAR_FEED_PATH}/:token`, { config: { action: 'public' } }, async (request, reply) => {
    const token = request.params.token.replace(/\.ics$/, '');
    const feed = await calendarFeedFor(db, token);
    if (!feed) throw notFound();
    const locale = request.query.lang === 'en' ? 'en' : 'nl';
    const [programme] = await db.select().from(programmes).where(eq(programmes.id, feed.programmeId));
    const ics = meetingCalendar({
      baseUrl: config.baseUrl,
      locale,
      programmeSlug: programme!.slug,
      bodyName: programme!.name,
      calendarName: `${locale === 'nl' ? programme!.name.nl : (programme!.name.en ?? programme!.name.nl)}`,
      meetings: feed.meetings.map((m) => m.meeting),
      details: new Map(feed.meetings.map((m) => [m.meeting.id, { bodyName: m.bodyName, agenda: m.agenda }])),
      now: new Date(),
      refreshSeconds: 60 * 60,
    });
    // Personal: never stored by a shared cache, and not indexed.
    return reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex')
      .header('content-disposition', 'inline; filename="kennisstad.ics"')
      .send(ics);
  });
}

function CalendarFeedPage({ ctx, active, address, done }: { ctx: PageContext; active: boolean; address?: string; done?: 'revoked' }) {
  const { t } = ctx;
  const base = `/${ctx.locale}/${ctx.programme!.slug}/my-calendar`;
  return (
    <Layout ctx={ctx} title={t('meetings.feed.title')} indexable={false} crumbs={[{ label: t('meetings.feed.title') }]}>
      <Heading level={1}>{t('meetings.feed.title')}</Heading>
      {done === 'revoked' && <Alert kind="ok">{t('meetings.feed.revoked')}</Alert>}
      <p class="utrecht-paragraph">{t('meetings.feed.intro')}</p>
      {address && (
        <Alert kind="ok">
          <p class="utrecht-paragraph">{t('meetings.feed.made')}</p>
          <p class="utrecht-paragraph">
            <code id="calendar-feed-address" class="ks-feed-address">
              {address}
            </code>
          </p>
        </Alert>
      )}
      <p class="utrecht-paragraph" id="calendar-feed-state">
        {t(active ? 'meetings.feed.active' : 'meetings.feed.none')}
      </p>
      <PostForm ctx={ctx} action={`${base}/renew`} label={t(active ? 'meetings.feed.renew' : 'meetings.feed.make')}>
        <SubmitButton>{t(active ? 'meetings.feed.renew' : 'meetings.feed.make')}</SubmitButton>
      </PostForm>
      {active && (
        <PostForm ctx={ctx} action={`${base}/revoke`} label={t('meetings.feed.revoke')}>
          <SubmitButton secondary>{t('meetings.feed.revoke')}</SubmitButton>
        </PostForm>
      )}
      <p class="utrecht-paragraph">
        <Link ctx={ctx} to={`/${ctx.programme!.slug}/bodies`}>
          {t('meetings.bodies.title')}
        </Link>
      </p>
    </Layout>
  );
}
