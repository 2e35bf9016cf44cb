// One search box over projects, organisations, news, events and public decisions, in the reader's language:
// PostgreSQL full text search with the Dutch or English stemmer ("samenwerken" finds
// "samenwerking"), and trigram similarity for small typos ("Kennistad" finds "Kennisstad").
// Works the same on PostgreSQL and PGlite (pg_trgm is loaded in both).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Locale } from '../../domain/localized.ts';
import { INTERNAL_LIFECYCLES } from '../portfolio/queries.ts';

export type SearchKind = 'project' | 'organisation' | 'news' | 'event' | 'decision';

export interface SearchHit {
  kind: SearchKind;
  /** Code or slug, for the link. */
  key: string;
  title: string;
  /** Plain text with the matches between \u0001 and \u0002 (the view turns them into <mark>). */
  snippet: string;
  rank: number;
}

export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/** Language-specific text of a jsonb {nl, en} column, falling back to the other language. */
function textIn(column: SQL, locale: Locale): SQL {
  const other = locale === 'nl' ? 'en' : 'nl';
  return sql`coalesce(nullif(${column} ->> ${sql.raw(`'${locale}'`)}, ''), ${column} ->> ${sql.raw(`'${other}'`)}, '')`;
}

export async function search(db: Db, programmeId: string, locale: Locale, query: string, limit = 30): Promise<SearchHit[]> {
  const q = query.trim().slice(0, 200);
  if (q.length < 2) return [];
  const config = sql.raw(locale === 'nl' ? `'dutch'::regconfig` : `'english'::regconfig`);
  const column = (name: string) => textIn(sql.raw(name), locale);
  const internal = sql.join(
    INTERNAL_LIFECYCLES.map((l) => sql`${l}`),
    sql`, `,
  );
  const visible = sql`(status = 'published' or (status = 'scheduled' and publish_at <= now()))`;
  const documents = sql`
    select 'project' as kind, code as key, code || '. ' || ${column('title')} as title,
           ${column('title')} || ' ' || ${column('goal')} || ' ' || ${column('description')} as body
      from projects where programme_id = ${programmeId} and published and lifecycle not in (${internal})
    union all
    select 'organisation', slug, ${column('name')}, ${column('name')} || ' ' || coalesce(short_name, '') || ' ' || ${column('description')}
      from organisations where programme_id = ${programmeId}
    union all
    select 'news', slug, ${column('title')}, ${column('title')} || ' ' || ${column('summary')} || ' ' || ${column('body')}
      from news_items where programme_id = ${programmeId} and ${visible}
    union all
    select 'event', slug, ${column('title')}, ${column('title')} || ' ' || ${column('summary')} || ' ' || ${column('body')} || ' ' || ${column('location')}
      from events where programme_id = ${programmeId} and ${visible}
    union all
    select 'decision', id::text, left(${column('text')}, 90), ${column('text')}
      from decisions where programme_id = ${programmeId} and public`;
  const result = await db.execute(sql`
    with docs as (${documents}),
         query as (select websearch_to_tsquery(${config}, ${q}) as tsq),
         scored as (
           select docs.*, query.tsq,
                  ts_rank(to_tsvector(${config}, docs.body), query.tsq) as text_rank,
                  word_similarity(lower(${q}), lower(docs.body)) as typo_rank
             from docs, query)
    select kind, key, title,
           ts_headline(${config}, body,
             case when to_tsvector(${config}, body) @@ tsq then tsq
                  else websearch_to_tsquery(${config}, coalesce((
                    select w from regexp_split_to_table(lower(body), '[^[:alnum:]]+') as w
                     where length(w) > 2 order by similarity(w, lower(${q})) desc limit 1), ${q})) end,
             'StartSel=${sql.raw("\u0001")}, StopSel=${sql.raw("\u0002")}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet,
           (text_rank * 2 + typo_rank) as rank
      from scored
     where to_tsvector(${config}, body) @@ tsq or typo_rank >= 0.55
     order by (to_tsvector(${config}, body) @@ tsq) desc, rank desc, title
     limit ${limit}`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { kind: SearchKind; key: string; title: string; snippet: string; rank: number | string }[];
  return rows.map((row) => ({ ...row, rank: Number(row.rank) }));
}
