// One search box over projects, organisations, news, events and public decisions, in the reader's language:
// PostgreSQL full text search with the Dutch or English stemmer ("samenwerken" finds
// "samenwerking"), and trigram similarity for small typos ("Kennistad" finds "Kennisstad").
// Works the same on PostgreSQL and PGlite (pg_trgm is loaded in both).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Locale } from '../../domain/localized.ts';

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

/** Words closer than this to a stretch of a text count as a typo of it (pg_trgm word_similarity). */
const TYPO_THRESHOLD = 0.55;

export async function search(db: Db, programmeId: string, locale: Locale, query: string, limit = 30): Promise<SearchHit[]> {
  const q = query.trim().slice(0, 200);
  if (q.length < 2) return [];
  const config = sql.raw(locale === 'nl' ? `'dutch'::regconfig` : `'english'::regconfig`);
  // The index (drizzle/0018_search_index.sql): text and tsvector per language, kept by triggers.
  const title = sql.raw(`title_${locale}`);
  const body = sql.raw(`body_${locale}`);
  const vector = sql.raw(`vector_${locale}`);
  const candidates = sql`d.programme_id = ${programmeId} and d.visible_from <= now()`;
  // Full-text matches first, ranked from the stored vectors (GIN). Only when they do not fill the
  // page, texts with a word close to the query (a typo) follow: word_similarity reads the whole
  // text, so it runs for the remaining places only, never for every match. `<%` is word_similarity
  // >= pg_trgm.word_similarity_threshold (the trigram GIN index), set for this transaction only.
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_THRESHOLD)}, true)`);
    return tx.execute(sql`
      with query as (select websearch_to_tsquery(${config}, ${q}) as tsq, lower(${q}) as lq),
           matches as (
             select d.kind, d.key, d.${title} as title, d.${body} as body, true as matched, ts_rank(d.${vector}, query.tsq) * 2 as rank
               from search_documents d, query
              where ${candidates} and d.${vector} @@ query.tsq
              order by rank desc, title
              limit ${limit}),
           typos as (
             select d.kind, d.key, d.${title} as title, d.${body} as body, false as matched, word_similarity(query.lq, lower(d.${body})) as rank
               from search_documents d, query
              where (select count(*) from matches) < ${limit}
                and ${candidates} and query.lq <% lower(d.${body}) and not d.${vector} @@ query.tsq
              order by rank desc, title
              limit ${limit}),
           hits as (select * from matches union all select * from typos order by matched desc, rank desc, title limit ${limit})
      select kind, key, title,
             ts_headline(${config}, body,
               case when matched then tsq
                    else websearch_to_tsquery(${config}, coalesce((
                      select w from regexp_split_to_table(lower(body), '[^[:alnum:]]+') as w
                       where length(w) > 2 order by similarity(w, lq) desc limit 1), lq)) end,
               'StartSel=${sql.raw("\u0001")}, StopSel=${sql.raw("\u0002")}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet,
             rank
        from hits, query
       order by matched desc, rank desc, title`);
  });
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { kind: SearchKind; key: string; title: string; snippet: string; rank: number | string }[];
  return rows.map((row) => ({ ...row, rank: Number(row.rank) }));
}
