-- "Seen before": each claim's normalised terms (figures, dates, names, words mapped through a
-- bilingual lexicon, src/matching/), and the claims in other documents that state the same thing.
-- Terms are computed by the application (src/matching/claim-terms.ts); the database retrieves
-- candidates by shared terms (GIN) and scores the words with pg_trgm (docs/MATCHING.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE claim_match_keys (
  claim_id integer PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
  document_id integer NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  -- a spelling claim only ever matches another spelling claim (docs/MATCHING.md)
  spelling boolean NOT NULL DEFAULT false,
  -- every term: n:/p:/y:/d: figures and dates, e: names, w: words (canonical, lexicon-mapped)
  terms text[] NOT NULL,
  -- the figures and dates of the claim's own passage, which tell apart claims of one sentence
  focus text[] NOT NULL DEFAULT '{}',
  -- the canonical words, sorted, for pg_trgm similarity
  words text NOT NULL DEFAULT ''
);
CREATE INDEX claim_match_keys_terms_idx ON claim_match_keys USING gin (terms);
CREATE INDEX claim_match_keys_document_idx ON claim_match_keys (document_id);

-- How many claims carry each term: retrieval skips terms too common to identify a claim
-- ("Iraq" in a workspace about Iraq). Kept exact by statement triggers, cascades included.
CREATE TABLE claim_match_terms (
  term text PRIMARY KEY,
  df integer NOT NULL CHECK (df >= 0)
);

CREATE FUNCTION claim_match_terms_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO claim_match_terms (term, df)
  SELECT t, count(*) FROM new_keys, unnest(terms) AS t GROUP BY t ORDER BY t
  ON CONFLICT (term) DO UPDATE SET df = claim_match_terms.df + EXCLUDED.df;
  RETURN NULL;
END $$;
CREATE FUNCTION claim_match_terms_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claim_match_terms m SET df = greatest(0, m.df - d.n)
  FROM (SELECT t, count(*)::integer AS n FROM old_keys, unnest(terms) AS t GROUP BY t) d
  WHERE m.term = d.t;
  RETURN NULL;
END $$;
CREATE TRIGGER claim_match_keys_count_insert AFTER INSERT ON claim_match_keys
  REFERENCING NEW TABLE AS new_keys FOR EACH STATEMENT EXECUTE FUNCTION claim_match_terms_add();
CREATE TRIGGER claim_match_keys_count_delete AFTER DELETE ON claim_match_keys
  REFERENCING OLD TABLE AS old_keys FOR EACH STATEMENT EXECUTE FUNCTION claim_match_terms_remove();

-- Stored both ways round (a claim imported later is "seen before" from the earlier one's side
-- too); the score is symmetric. Review fields are joined when read, so a verdict change needs
-- no recomputation; a document's deletion cascades.
CREATE TABLE claim_matches (
  claim_id integer NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  matched_claim_id integer NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  score real NOT NULL CHECK (score > 0 AND score <= 1),
  reasons jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(reasons) = 'array'),
  PRIMARY KEY (claim_id, matched_claim_id),
  CONSTRAINT claim_matches_not_self CHECK (claim_id <> matched_claim_id)
);
CREATE INDEX claim_matches_matched_idx ON claim_matches (matched_claim_id);
