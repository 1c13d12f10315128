-- The queue filtered by kind and sorted by score (issue 19's review mix). The extractor scores
-- claims by kind, so a kind's claims are not spread evenly along claims_score_idx or
-- claims_status_score_idx: to find 51 quotes the planner walked 37,000 other claims first
-- (730 ms for status=open&kind=quote&sort=score at 100,000 claims; 3 ms with its own index).
-- Sorting by position or by last change has no such correlation with kind, and keeps its index.
CREATE INDEX claims_kind_score_idx ON claims (kind, score DESC, id DESC);
CREATE INDEX claims_status_kind_score_idx ON claims (status, kind, score DESC, id DESC);
