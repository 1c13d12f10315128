-- The queue's search covers a claim's own text and the text of its notes and sources. It used to
-- match three GIN indexes (claims, claim_notes, claim_sources) and combine the claim ids, which the
-- planner cannot estimate: the page first counted the matches to choose between two query shapes,
-- two queries and about 8 ms of database time per search at 100,000 claims. Each claim now
-- carries its notes' and sources' words in research_search, kept by the triggers below, and one
-- expression index covers the whole search document, so one query with ordinary statistics serves
-- every search (about 1 ms for a rare word; a common one walks the sort index and stops at 51 rows).

ALTER TABLE claims ADD COLUMN research_search tsvector NOT NULL DEFAULT ''::tsvector;

CREATE FUNCTION claims_refresh_research(claim_ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE claims c SET research_search = coalesce((
    -- In a fixed order, so the same evidence always gives the same vector (a restore compares equal).
    SELECT to_tsvector('simple', string_agg(t.text, ' ' ORDER BY t.kind, t.id))
    FROM (
      SELECT 1 AS kind, n.id, n.body AS text FROM claim_notes n WHERE n.claim_id = c.id
      UNION ALL
      SELECT 2, s.id, s.url || ' ' || coalesce(s.title, '') || ' ' || coalesce(s.publisher, '') || ' ' || coalesce(s.excerpt, '')
      FROM claim_sources s WHERE s.claim_id = c.id
    ) AS t), ''::tsvector)
  WHERE c.id = ANY (claim_ids)
$$;

-- Once per statement, so a bulk insert (an import, a restore, a merge moving every note) refreshes
-- each claim once. A claim deleted in the same statement (a cascade) is simply not found.
CREATE FUNCTION claims_research_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM claims_refresh_research(ARRAY(SELECT DISTINCT claim_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM claims_refresh_research(ARRAY(SELECT DISTINCT claim_id FROM old_rows));
  ELSE
    PERFORM claims_refresh_research(ARRAY(SELECT claim_id FROM new_rows UNION SELECT claim_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER claim_notes_research_insert AFTER INSERT ON claim_notes REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION claims_research_changed();
CREATE TRIGGER claim_notes_research_update AFTER UPDATE ON claim_notes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION claims_research_changed();
CREATE TRIGGER claim_notes_research_delete AFTER DELETE ON claim_notes REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION claims_research_changed();
CREATE TRIGGER claim_sources_research_insert AFTER INSERT ON claim_sources REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION claims_research_changed();
CREATE TRIGGER claim_sources_research_update AFTER UPDATE ON claim_sources REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION claims_research_changed();
CREATE TRIGGER claim_sources_research_delete AFTER DELETE ON claim_sources REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION claims_research_changed();

SELECT claims_refresh_research(ARRAY(SELECT claim_id FROM claim_notes UNION SELECT claim_id FROM claim_sources));

CREATE INDEX claims_fulltext_idx ON claims USING gin ((search || research_search));
-- The three indexes it replaces served only the queue's search; each GIN index costs every import.
DROP INDEX claims_search_idx;
DROP INDEX claim_notes_search_idx;
DROP INDEX claim_sources_search_idx;
