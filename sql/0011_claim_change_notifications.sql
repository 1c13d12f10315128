-- The claim queue's pages are kept by each app process too (src/claims/queue-view.ts), so writes
-- to what a queue page shows are announced like those of sql/0010: the claims themselves, and
-- their notes and sources, whose words the queue's search reads (sql/0009). One notification per
-- statement, and Postgres folds identical ones within a transaction: an import of thousands of
-- claims sends one.
CREATE TRIGGER claims_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON claims
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_changed();
CREATE TRIGGER claim_notes_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON claim_notes
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_changed();
CREATE TRIGGER claim_sources_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON claim_sources
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_changed();
