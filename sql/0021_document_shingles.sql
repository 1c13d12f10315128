-- Near-duplicate documents (issue 17): a sample of each document's word-shingle hashes, so that an
-- import sharing ≥ 90 % of its shingles with a stored document is warned about. Hashes are computed
-- by the application (src/documents/shingles.ts); the GIN index finds documents sharing any, and
-- the share is then counted exactly on the few best. Derived from the body: not backed up.
CREATE TABLE document_shingles (
  document_id integer PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  -- how many distinct shingles the body has
  shingle_count integer NOT NULL CHECK (shingle_count >= 0),
  -- the hashes ≡ 0 mod 16 and the 8 smallest (signed 32-bit)
  sample integer[] NOT NULL
);
CREATE INDEX document_shingles_sample_idx ON document_shingles USING gin (sample);

-- GIN indexes that are read on every import: no pending list. With fastupdate (the default) new
-- entries wait in an unsorted list that every search scans in full until VACUUM merges it, so each
-- import made the next one's matching slower (bench/match.bench.ts, docs/BENCHMARKS.md).
ALTER INDEX claim_match_keys_terms_idx SET (fastupdate = off);
ALTER INDEX document_shingles_sample_idx SET (fastupdate = off);
