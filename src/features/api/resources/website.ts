// The website's news and events. Anonymous callers (and everyone who does not edit the website)
// get what the public site shows: published texts, and scheduled ones whose moment has come. The
// coordinator also sees drafts and scheduled texts, as in the website's editor.
import type { FastifyRequest } from 'fastify';
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Db } from '../../../db/client.ts';
import { can } from '../../../policies.ts';
import { notFound } from '../../../web/http.ts';
import { publicWhere } from '../../website/queries.ts';
import { PUBLICATION_STATES, events, newsItems } from '../../website/tables.ts';
import { registerApiResource } from '../registry.ts';
import { DateTimeSchema, LocalizedTextSchema, Nullable, PagingQuery, StringEnum, isoInstant, localized, pageEnvelope, pageOf, pagingOf, problems } from '../schemas.ts';
import { ProgrammeParams } from './programmes.ts';

const NewsSchema = Type.Object({
  slug: Type.String(),
  title: LocalizedTextSchema,
  summary: LocalizedTextSchema,
  body: { ...LocalizedTextSchema, description: 'The text in Markdown, per language.' },
  status: StringEnum(PUBLICATION_STATES),
  publishAt: Nullable(DateTimeSchema),
  imageUrl: Nullable(Type.String()),
  imageAlt: LocalizedTextSchema,
  updatedAt: DateTimeSchema,
});

const EventSchema = Type.Object({
  ...NewsSchema.properties,
  startsAt: DateTimeSchema,
  endsAt: Nullable(DateTimeSchema),
  location: LocalizedTextSchema,
});

const WHEN = ['upcoming', 'past', 'all'] as const;

/** A news item, or an event or page read as one (only news carries the network flag). */
type NewsRow = Omit<typeof newsItems.$inferSelect, 'sharedWithNetwork'> & { sharedWithNetwork?: boolean };
type EventRow = typeof events.$inferSelect;

export function toNews(row: NewsRow) {
  return {
    slug: row.slug,
    title: localized(row.title),
    summary: localized(row.summary),
    body: localized(row.body),
    status: row.status,
    publishAt: isoInstant(row.publishAt),
    imageUrl: row.imageUrl,
    imageAlt: localized(row.imageAlt),
    updatedAt: isoInstant(row.updatedAt)!,
  };
}

export function toEvent(row: EventRow) {
  return { ...toNews(row), startsAt: isoInstant(row.startsAt)!, endsAt: isoInstant(row.endsAt), location: localized(row.location) };
}

/** Who edits the website sees every text; everyone else what the public site shows. */
const editsWebsite = (request: FastifyRequest) => can(request.actor, 'website.manage');

function newsWhere(request: FastifyRequest, extra: SQL[] = []): SQL {
  const parts = [eq(newsItems.programmeId, request.programme!.id), ...extra];
  if (!editsWebsite(request)) parts.push(publicWhere('news'));
  return and(...parts)!;
}

function eventsWhere(request: FastifyRequest, extra: SQL[] = []): SQL {
  const parts = [eq(events.programmeId, request.programme!.id), ...extra];
  if (!editsWebsite(request)) parts.push(publicWhere('events'));
  return and(...parts)!;
}

const SlugParam = Type.String({ pattern: '^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$' });

registerApiResource({
  name: 'website',
  order: 95,
  tag: { name: 'News and events', description: 'The programme website\'s news items and events.' },
  register(api, { db }) {
    api.get(
      '/programmes/:programme/news',
      {
        config: { action: 'public' },
        schema: {
          tags: ['News and events'],
          operationId: 'listNews',
          summary: 'List news items',
          description: 'Published news, newest first; drafts and scheduled items only for the coordinator.',
          params: ProgrammeParams,
          querystring: Type.Object({ ...PagingQuery }, { additionalProperties: false }),
          response: { 200: pageOf(NewsSchema, 'A page of news items.'), ...problems(400, 404) },
        },
      },
      async (request) => {
        const paging = pagingOf(request.query);
        const where = newsWhere(request);
        const [rows, [total]] = await Promise.all([
          db.select().from(newsItems).where(where).orderBy(sql`${newsItems.publishAt} desc nulls first`, desc(newsItems.createdAt)).limit(paging.pageSize).offset(paging.offset),
          db.select({ n: count() }).from(newsItems).where(where),
        ]);
        return pageEnvelope(rows.map(toNews), paging, total!.n, `/programmes/${request.programme!.slug}/news`, request.query);
      },
    );

    api.get(
      '/programmes/:programme/news/:newsSlug',
      {
        config: { action: 'public' },
        schema: {
          tags: ['News and events'],
          operationId: 'getNewsItem',
          summary: 'Get a news item',
          description: 'One news item, by its slug.',
          params: Type.Object({ ...ProgrammeParams.properties, newsSlug: SlugParam }),
          response: { 200: { ...NewsSchema, description: 'The news item.' }, ...problems(400, 404) },
        },
      },
      async (request) => {
        const [row] = await db.select().from(newsItems).where(newsWhere(request, [eq(newsItems.slug, request.params.newsSlug)]));
        if (!row) throw notFound();
        return toNews(row);
      },
    );

    api.get(
      '/programmes/:programme/events',
      {
        config: { action: 'public' },
        schema: {
          tags: ['News and events'],
          operationId: 'listEvents',
          summary: 'List events',
          description: 'Published events: upcoming ones earliest first, past ones latest first, all in order of start. Drafts and scheduled events only for the coordinator.',
          params: ProgrammeParams,
          querystring: Type.Object({ ...PagingQuery, when: Type.Optional(StringEnum(WHEN, { default: 'all', description: 'Upcoming, past or all events.' })) }, { additionalProperties: false }),
          response: { 200: pageOf(EventSchema, 'A page of events.'), ...problems(400, 404) },
        },
      },
      async (request) => {
        const paging = pagingOf(request.query);
        const when = request.query.when ?? 'all';
        const end = sql`coalesce(${events.endsAt}, ${events.startsAt})`;
        const time = when === 'upcoming' ? [sql`${end} >= now()`] : when === 'past' ? [sql`${end} < now()`] : [];
        const where = eventsWhere(request, time);
        const [rows, [total]] = await Promise.all([
          db.select().from(events).where(where).orderBy(when === 'past' ? desc(events.startsAt) : asc(events.startsAt), asc(events.slug)).limit(paging.pageSize).offset(paging.offset),
          db.select({ n: count() }).from(events).where(where),
        ]);
        return pageEnvelope(rows.map(toEvent), paging, total!.n, `/programmes/${request.programme!.slug}/events`, request.query);
      },
    );

    api.get(
      '/programmes/:programme/events/:eventSlug',
      {
        config: { action: 'public' },
        schema: {
          tags: ['News and events'],
          operationId: 'getEvent',
          summary: 'Get an event',
          description: 'One event, by its slug.',
          params: Type.Object({ ...ProgrammeParams.properties, eventSlug: SlugParam }),
          response: { 200: { ...EventSchema, description: 'The event.' }, ...problems(400, 404) },
        },
      },
      async (request) => {
        const [row] = await db.select().from(events).where(eventsWhere(request, [eq(events.slug, request.params.eventSlug)]));
        if (!row) throw notFound();
        return toEvent(row);
      },
    );
  },
});
