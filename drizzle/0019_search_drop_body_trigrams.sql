-- The search's typo step now compares query words with the words of the programme's texts
-- (ts_stat over the stored vectors, src/features/website/search.ts) instead of word_similarity over
-- whole texts, so the trigram indexes on the texts serve no query and only slow every write.
DROP INDEX IF EXISTS search_documents_trigram_nl;
--> statement-breakpoint
DROP INDEX IF EXISTS search_documents_trigram_en;
