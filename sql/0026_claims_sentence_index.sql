-- A document's claims by sentence. The correction note (src/reports/correction-note.repository.ts)
-- asks, for each accepted correction, whether another claim of the same sentence carries a
-- sentence-scope one; the claim page asks the same of its claim's sentence. Without an index the
-- planner, before a fresh import's claims are analysed, read the whole document's claims once per
-- claim: exporting a 10,000-claim document right after loading it waited 15–33 s for that query
-- alone (3 ms with the index, or once ANALYZE has run).
CREATE INDEX claims_document_sentence_idx ON claims (document_id, sentence_index);
