-- The process-local read cache is gone (src/db/read-cache.ts, removed): on the review mix it
-- gained 9% on PostgreSQL and 8% on PGlite, under the 20% a cache must earn (docs/BENCHMARKS.md,
-- "The read cache, removed"). Nothing listens on claimdesk_changes any more, so the statement
-- triggers of sql/0010 and sql/0011 that announced each write to it go, with their function.
DROP TRIGGER users_changed ON users;
DROP TRIGGER sessions_changed ON sessions;
DROP TRIGGER documents_changed ON documents;
DROP TRIGGER claims_changed ON claims;
DROP TRIGGER claim_notes_changed ON claim_notes;
DROP TRIGGER claim_sources_changed ON claim_sources;
DROP FUNCTION notify_table_changed();
