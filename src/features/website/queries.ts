// Reads for the website. Public reads only ever see published texts (or scheduled ones whose
// moment has come); the coordinator's reads see everything of the programme.
import { and, asc, count, type AnyColumn, desc, eq, gt, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { bodies, programmes, projects, targets } from '../../db/schema.ts';
import { annualAgendas } from '../agenda/tables.ts';
import { agreementVersions } from '../agreement/tables.ts';
import { INTERNAL_LIFECYCLES } from '../portfolio/queries.ts';
import { events, newsItems, pages, privacyStatements } from './tables.ts';
import { decisions, meetings } from '../meetings/tables.ts';
import { decisionInForce } from '../meetings/queries.ts';
import type { ContentKind } from './rules.ts';

export const TABLES = { news: newsItems, events, pages } as const;
type Common = typeof newsItems;
const common = (kind: ContentKind) => TABLES[kind] as unknown as Common;

export function publicWhere(kind: ContentKind): SQL {
  const t = common(kind);
  return or(eq(t.status, 'published'), and(eq(t.status, 'scheduled'), sql`${t.publishAt} <= now()`))!;
}

/** A news item, or an event or page read as one (only news carries the network flag). */
export type NewsRow = Omit<typeof newsItems.$inferSelect, 'sharedWithNetwork'> & { sharedWithNetwork?: boolean };
export type EventRow = typeof events.$inferSelect;
export type PageRow = typeof pages.$inferSelect;

export async function listPublicNews(db: Db, programmeId: string, limit = 50): Promise<NewsRow[]> {
  return db
    .select()
    .from(newsItems)
    .where(and(eq(newsItems.programmeId, programmeId), publicWhere('news')))
    .orderBy(desc(newsItems.publishAt), desc(newsItems.createdAt))
    .limit(limit);
}

export async function listPublicEvents(db: Db, programmeId: string, when: 'upcoming' | 'past' | 'all', limit = 100): Promise<EventRow[]> {
  const time =
    when === 'upcoming'
      ? sql`coalesce(${events.endsAt}, ${events.startsAt}) >= now()`
      : when === 'past'
        ? sql`coalesce(${events.endsAt}, ${events.startsAt}) < now()`
        : sql`true`;
  return db
    .select()
    .from(events)
    .where(and(eq(events.programmeId, programmeId), publicWhere('events'), time))
    .orderBy(when === 'past' ? desc(events.startsAt) : asc(events.startsAt))
    .limit(limit);
}

export async function listPublicPages(db: Db, programmeId: string): Promise<PageRow[]> {
  return db.select().from(pages).where(and(eq(pages.programmeId, programmeId), publicWhere('pages'))).orderBy(asc(pages.slug));
}

export async function getPublic<K extends ContentKind>(db: Db, kind: K, programmeId: string, slug: string) {
  const t = common(kind);
  const [row] = await db.select().from(t).where(and(eq(t.programmeId, programmeId), eq(t.slug, slug), publicWhere(kind)));
  return (row ?? null) as (K extends 'events' ? EventRow : NewsRow) | null;
}

export async function getAny<K extends ContentKind>(db: Db, kind: K, programmeId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const t = common(kind);
  const [row] = await db.select().from(t).where(and(eq(t.programmeId, programmeId), eq(t.id, id)));
  return (row ?? null) as (K extends 'events' ? EventRow : NewsRow) | null;
}

export async function listAll(db: Db, kind: ContentKind, programmeId: string): Promise<NewsRow[]> {
  const t = common(kind);
  return (await db.select().from(t).where(eq(t.programmeId, programmeId)).orderBy(desc(t.updatedAt))) as NewsRow[];
}

/**
 * SQL for `translationState(item, nl) !== 'current' || translationState(item, en) !== 'current'`
 * (rules.ts): a language is missing when it lacks the title, or the body the other one has;
 * outdated when an edit left one of its texts behind the other (stale_translations). Keep the two in step.
 */
function translationOpen(kind: ContentKind): SQL {
  const t = common(kind);
  const filled = (column: AnyColumn, l: string) => sql`coalesce(${column}->>${sql.raw(`'${l}'`)}, '') ~ '[^[:space:]]'`;
  const has = (l: string, o: string) => sql`(${filled(t.title, l)} and (${filled(t.body, l)} or not ${filled(t.body, o)}))`;
  const behind = (l: string) => sql`exists (select 1 from jsonb_each_text(${t.staleTranslations}) as stale where stale.value = ${sql.raw(`'${l}'`)})`;
  const open = (l: string, o: string) => sql`((not ${has(l, o)} and ${has(o, l)}) or ${behind(l)})`;
  return sql`(${open('nl', 'en')} or ${open('en', 'nl')})`;
}

/** How many texts have a missing or outdated translation: one counting query, no rows loaded. */
export async function countOpenTranslations(db: Db, programmeId: string): Promise<number> {
  const counted = (kind: ContentKind) => {
    const t = common(kind);
    return db.select({ n: count() }).from(t).where(and(eq(t.programmeId, programmeId), translationOpen(kind)));
  };
  const rows = await unionAll(counted('news'), counted('events'), counted('pages'));
  return rows.reduce((sum, row) => sum + Number(row.n), 0);
}

/** The next moment a scheduled text becomes public: cached pages must not outlive it. */
export async function nextScheduledPublication(db: Db, programmeId: string): Promise<Date | null> {
  const rows = await Promise.all(
    (['news', 'events', 'pages'] as const).map(async (kind) => {
      const t = common(kind);
      const [row] = await db
        .select({ at: sql<Date | null>`min(${t.publishAt})`.mapWith((v) => (v ? new Date(v) : null)) })
        .from(t)
        .where(and(eq(t.programmeId, programmeId), eq(t.status, 'scheduled'), gt(t.publishAt, sql`now()`)));
      return row?.at ?? null;
    }),
  );
  const times = rows.filter((d): d is Date => !!d).map((d) => d.getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}

export async function getContactEmail(db: Db, programmeId: string): Promise<string | null> {
  const [row] = await db.select({ email: programmes.contactEmail }).from(programmes).where(eq(programmes.id, programmeId));
  return row?.email ?? null;
}

export async function listProgrammesWithIds(db: Db) {
  return db.select({ id: programmes.id, slug: programmes.slug }).from(programmes).orderBy(asc(programmes.slug));
}

/** Public decisions of the steering bodies, newest meeting first, for the Atom feed. */
const publicDecisionColumns = {
  id: decisions.id,
  text: decisions.text,
  outcome: decisions.outcome,
  createdAt: decisions.createdAt,
  meetingStartsAt: meetings.startsAt,
  bodyKind: bodies.kind,
  bodyName: bodies.name,
};

export async function listPublicDecisions(db: Db, programmeId: string, limit = 50) {
  return db
    .select(publicDecisionColumns)
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(decisions.programmeId, programmeId), eq(decisions.public, true), decisionInForce()))
    .orderBy(desc(meetings.startsAt), desc(decisions.createdAt))
    .limit(limit);
}

/** One public decision of the programme; null for an internal one, another programme's, or none. */
export async function getPublicDecision(db: Db, programmeId: string, id: string) {
  const [row] = await db
    .select(publicDecisionColumns)
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(decisions.programmeId, programmeId), eq(decisions.id, id), eq(decisions.public, true), decisionInForce()));
  return row ?? null;
}

/** The public pages of a programme beyond its lists and texts, for the sitemap: their address parts. */
export async function sitemapRecords(db: Db, programmeId: string) {
  const [bodyRows, targetRows, versionRows, agendaRows] = await Promise.all([
    db.select({ kind: bodies.kind }).from(bodies).where(eq(bodies.programmeId, programmeId)).orderBy(asc(bodies.kind)),
    db
      .select({ key: targets.key })
      .from(targets)
      .leftJoin(projects, eq(projects.id, targets.projectId))
      .where(and(eq(targets.programmeId, programmeId), or(isNull(targets.projectId), and(eq(projects.published, true), notInArray(projects.lifecycle, INTERNAL_LIFECYCLES)))))
      .orderBy(asc(targets.key)),
    db.select({ number: agreementVersions.number, publishedAt: agreementVersions.publishedAt }).from(agreementVersions).where(eq(agreementVersions.programmeId, programmeId)).orderBy(asc(agreementVersions.number)),
    db.select({ id: annualAgendas.id, updatedAt: annualAgendas.updatedAt }).from(annualAgendas).where(and(eq(annualAgendas.programmeId, programmeId), eq(annualAgendas.state, 'published'))),
  ]);
  return { bodies: bodyRows, targets: targetRows, agreementVersions: versionRows, annualAgendas: agendaRows };
}

export type PrivacyRow = typeof privacyStatements.$inferSelect;

/** The programme's privacy statement, or null when nobody has saved one yet (the page then shows the defaults). */
export async function getPrivacyStatement(db: Db, programmeId: string): Promise<PrivacyRow | null> {
  const [row] = await db.select().from(privacyStatements).where(eq(privacyStatements.programmeId, programmeId));
  return row ?? null;
}
