-- The claim queue (GET /claims, /api/v1/claims) filters by status and pages by keyset in one of
-- three orders. With only the single-column sort indexes, a status whose claims sit together in
-- that order (the newest document being reviewed, the oldest claims still open) made the scan walk
-- past every other claim: 160-210 ms per page at 100,000 claims. With the status in front of each
-- sort key the page is one index range scan from the cursor: 0.2 ms (EXPLAIN ANALYZE, PostgreSQL
-- 15). Each index matches its ORDER BY and row comparison in src/claims/claim-queue.repository.ts.
CREATE INDEX claims_status_position_idx ON claims (status, document_id, start_offset, id);
CREATE INDEX claims_status_score_idx ON claims (status, score DESC, id DESC);
CREATE INDEX claims_status_updated_idx ON claims (status, updated_at DESC, id DESC);
