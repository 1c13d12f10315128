-- "Seen before" retrieval by postings (docs/MATCHING.md, "Retrieval"): one row per claim and term,
-- in a btree ordered by (term, spelling, claim_id) that also holds document_id, so an anchor term's
-- first 100 claims of other documents are read from the index alone and the scan stops there. The
-- GIN index it replaces could not stop at a LIMIT: it built the bitmap of every claim carrying the
-- term, then visited their heap pages (docs/BENCHMARKS.md, "Seen before").
--
-- Kept in step with claim_match_keys by statement triggers, like claim_match_terms: every path
-- that writes or deletes keys (import, re-extraction, edits, restore, start-up backfill, a
-- document's or claim's deletion cascading to its keys) updates the postings in the same
-- statement, and no index on claim_id is needed to delete them.
CREATE TABLE claim_match_postings (
  term text NOT NULL,
  spelling boolean NOT NULL,
  claim_id integer NOT NULL,
  document_id integer NOT NULL,
  PRIMARY KEY (term, spelling, claim_id) INCLUDE (document_id)
);

INSERT INTO claim_match_postings (term, spelling, claim_id, document_id)
SELECT DISTINCT t, k.spelling, k.claim_id, k.document_id FROM claim_match_keys k, unnest(k.terms) AS t;

CREATE FUNCTION claim_match_postings_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO claim_match_postings (term, spelling, claim_id, document_id)
  SELECT DISTINCT t, n.spelling, n.claim_id, n.document_id FROM new_keys n, unnest(n.terms) AS t;
  RETURN NULL;
END $$;
CREATE FUNCTION claim_match_postings_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM claim_match_postings p
  USING (SELECT DISTINCT t, o.spelling, o.claim_id FROM old_keys o, unnest(o.terms) AS t) d
  WHERE p.term = d.t AND p.spelling = d.spelling AND p.claim_id = d.claim_id;
  RETURN NULL;
END $$;
CREATE TRIGGER claim_match_keys_postings_insert AFTER INSERT ON claim_match_keys
  REFERENCING NEW TABLE AS new_keys FOR EACH STATEMENT EXECUTE FUNCTION claim_match_postings_add();
CREATE TRIGGER claim_match_keys_postings_delete AFTER DELETE ON claim_match_keys
  REFERENCING OLD TABLE AS old_keys FOR EACH STATEMENT EXECUTE FUNCTION claim_match_postings_remove();

-- Nothing reads the terms through GIN any more; keeping it would only slow every import down.
DROP INDEX claim_match_keys_terms_idx;
