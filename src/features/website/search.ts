// One search box over projects, organisations, news, events, public decisions, targets and the
// agreement's text, in the reader's language:
// PostgreSQL full text search with the Dutch or English stemmer ("samenwerken" finds
// "samenwerking"), and trigram similarity to the words of the texts for small typos ("Kennistad" finds "Kennisstad");
// a word also finds the compounds that contain it ("huisvesting" finds "studentenhuisvesting").
// Works the same on PostgreSQL and PGlite (pg_trgm is loaded in both).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Locale } from '../../domain/localized.ts';
import { UUID } from '../meetings/forms.ts';

export const SEARCH_KINDS = ['project', 'target', 'decision', 'agreement', 'news', 'event', 'organisation'] as const;
/** What a hit is; the results page groups hits by it, in this order. */
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The hits per kind, in SEARCH_KINDS order, each group keeping the hits' order (best first). */
export function groupByKind<H extends { kind: SearchKind }>(hits: H[]): { kind: SearchKind; hits: H[] }[] {
  return SEARCH_KINDS.map((kind) => ({ kind, hits: hits.filter((hit) => hit.kind === kind) })).filter((group) => group.hits.length > 0);
}

export interface SearchHit {
  kind: SearchKind;
  /** Code or slug, for the link. */
  key: string;
  title: string;
  /** The language the title is really in: the other one when it fell back (to mark with lang). */
  titleLang: Locale;
  /** Plain text with the matches between \u0001 and \u0002 (the view turns them into <mark>). */
  snippet: string;
  /** The language most of the text the snippet comes from is in. */
  snippetLang: Locale;
  rank: number;
}

export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/**
 * A word of the programme's texts at least this close to a query word (pg_trgm similarity) counts
 * as what the reader meant; of those, the ones within TYPO_SPREAD of the closest are all tried.
 */
const TYPO_THRESHOLD = 0.45;
const TYPO_SPREAD = 0.1;
/** Compounds are looked for with stems of at least this length, and at most this many per word. */
const COMPOUND_MIN = 5;
const COMPOUND_LIMIT = 12;

export async function search(db: Db, programmeId: string, locale: Locale, query: string, limit = 30): Promise<SearchHit[]> {
  const q = query.trim().slice(0, 200);
  if (q.length < 2) return [];
  if (!UUID.test(programmeId)) throw new Error(`not a programme id: ${programmeId}`);
  const config = sql.raw(locale === 'nl' ? `'dutch'::regconfig` : `'english'::regconfig`);
  // The index (drizzle/0018_search_index.sql): text and tsvector per language, kept by triggers.
  const title = sql.raw(`title_${locale}`);
  const body = sql.raw(`body_${locale}`);
  const vector = sql.raw(`vector_${locale}`);
  const titleLang = sql.raw(`title_lang_${locale}`);
  const bodyLang = sql.raw(`body_lang_${locale}`);
  const candidates = sql`d.programme_id = ${programmeId} and d.visible_from <= now()`;
  // The word list for typos: ts_stat over the stored vectors of this programme's visible texts
  // (a few hundred rows even at 100x), so it is always current and never shows a hidden text's words.
  // ts_stat takes its query as text; the id was checked above.
  const visibleVectors = `select vector_${locale} from search_documents where programme_id = '${programmeId}' and visible_from <= now()`;
  // Full-text matches first, ranked from the stored vectors (GIN). Only when they do not fill the
  // page, each query word is replaced by the closest words (stemmed, as stored) of the programme's
  // texts, and texts with any of them follow, those with more of them first (ts_rank), with the
  // corrections highlighted: "zomerscholen vastgesteld" still finds "stelt het plan voor de
  // zomerscholen vast".
  const result = await db.execute(sql`
      with query as (select websearch_to_tsquery(${config}, ${q}) as tsq, lower(${q}) as lq),
           matches as (
             select d.kind, d.key, d.${title} as title, d.${body} as body, d.${titleLang} as title_lang, d.${bodyLang} as body_lang, true as matched, ts_rank(d.${vector}, query.tsq) * 2 as rank
               from search_documents d, query
              where ${candidates} and d.${vector} @@ query.tsq
              order by rank desc, title
              limit ${limit}),
           query_words as (
             select distinct w from query, regexp_split_to_table(query.lq, '[^[:alnum:]]+') as w
              where length(w) between 3 and 40 and (select count(*) from matches) < ${limit}),
           scored as (
             select qw.w as query_word, s.word,
                    greatest(similarity(s.word, qw.w), coalesce((select max(similarity(s.word, u.lexeme)) from unnest(to_tsvector(${config}, qw.w)) as u), 0)) as score,
                    -- A compound that contains the word ("studentenhuisvesting" for "huisvesting"):
                    -- Dutch writes compounds as one word, which the stemmer does not split.
                    exists (select 1 from unnest(to_tsvector(${config}, qw.w)) as u
                             where length(u.lexeme) >= ${COMPOUND_MIN} and s.word <> u.lexeme and strpos(s.word, u.lexeme) > 0) as compound
               from query_words qw, ts_stat(${visibleVectors}) as s
              where (select count(*) from matches) < ${limit} and s.word ~ '^[[:alnum:]]+$'),
           closest as (
             select query_word, word, score, compound, max(score) over (partition by query_word) as best,
                    row_number() over (partition by query_word order by score desc, word) as n,
                    row_number() over (partition by query_word, compound order by length(word), word) as nc
               from scored where score >= ${TYPO_THRESHOLD} or compound),
           corrected as (
             select string_agg(alternatives, ' | ')::tsquery as tsq
               from (select '(' || string_agg(word, ' | ' order by n) || ')' as alternatives
                       from closest where (score >= best - ${TYPO_SPREAD} and n <= 3) or (compound and nc <= ${COMPOUND_LIMIT})
                      group by query_word) as per_word),
           typos as (
             select d.kind, d.key, d.${title} as title, d.${body} as body, d.${titleLang} as title_lang, d.${bodyLang} as body_lang, false as matched, ts_rank(d.${vector}, corrected.tsq) as rank
               from search_documents d, query, corrected
              where ${candidates} and d.${vector} @@ corrected.tsq and not d.${vector} @@ query.tsq
              order by rank desc, title
              limit ${limit}),
           hits as (select * from matches union all select * from typos order by matched desc, rank desc, title limit ${limit})
      select kind, key, title, title_lang,
             ts_headline(${config}, body, case when matched then query.tsq else (select tsq from corrected) end,
               'StartSel=${sql.raw("\u0001")}, StopSel=${sql.raw("\u0002")}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet,
             body_lang, rank
        from hits, query
       order by matched desc, rank desc, title`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { kind: SearchKind; key: string; title: string; title_lang: Locale; snippet: string; body_lang: Locale; rank: number | string }[];
  return rows.map((row) => ({ kind: row.kind, key: row.key, title: row.title, titleLang: row.title_lang, snippet: row.snippet, snippetLang: row.body_lang, rank: Number(row.rank) }));
}
