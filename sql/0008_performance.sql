-- Performance, from EXPLAIN ANALYZE of the real queries on the benchmark workspace (1,000
-- documents, 100,000 claims; docs/BENCHMARKS.md has the plans and figures).

-- 1. Importing a document checked every new claim's span with a row trigger that fetched the whole
-- document text, scanned it for astral characters, measured it and called substr() from its start:
-- all O(text length) per claim, so an import cost O(claims × text). A 1 MB article (25,000 claims)
-- took minutes. New claims are now checked once per INSERT statement: each document's text is read
-- once and walked in span order through a short window, so an import is linear in its size. The
-- rule and the error are unchanged; the row trigger stays for updates, which touch one claim.
CREATE FUNCTION claims_check_new_spans() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c record;
  doc_id integer;
  doc_body text;
  doc_length integer;
  astral boolean;
  rest text;           -- the text from offset rest_start on
  rest_start integer;
  win text;            -- the first win_length characters of rest
  win_length integer;
BEGIN
  FOR c IN SELECT n.document_id, n.start_offset, n.end_offset, n.quote FROM new_claims n ORDER BY n.document_id, n.start_offset LOOP
    IF c.document_id IS DISTINCT FROM doc_id THEN
      doc_id := c.document_id;
      SELECT body INTO doc_body FROM documents WHERE id = doc_id;
      astral := doc_body ~ '[\U00010000-\U0010FFFF]';
      doc_length := char_length(doc_body);
      rest := doc_body;
      rest_start := 0;
      win := '';
      win_length := 0;
    END IF;
    CONTINUE WHEN doc_body IS NULL; -- no such document: the foreign key reports it
    IF astral THEN
      -- Offsets count UTF-16 units and Postgres counts code points: only containment can be checked.
      IF strpos(doc_body, c.quote) = 0 OR c.end_offset > 2 * doc_length THEN
        RAISE EXCEPTION 'claim span % to % is not in document %', c.start_offset, c.end_offset, c.document_id
          USING ERRCODE = '23514', CONSTRAINT = 'claims_span_in_document';
      END IF;
      CONTINUE;
    END IF;
    IF c.end_offset <= doc_length AND c.end_offset - rest_start > win_length THEN
      -- left() and right() walk only the characters they skip; substr() on a long text measures all of it.
      IF c.start_offset > rest_start THEN
        rest := right(rest, rest_start - c.start_offset);
        rest_start := c.start_offset;
      END IF;
      win_length := greatest(4096, c.end_offset - c.start_offset);
      win := left(rest, win_length);
    END IF;
    IF c.end_offset > doc_length
       OR substr(win, c.start_offset - rest_start + 1, c.end_offset - c.start_offset) <> c.quote THEN
      RAISE EXCEPTION 'claim span % to % does not match its quote in document %', c.start_offset, c.end_offset, c.document_id
        USING ERRCODE = '23514', CONSTRAINT = 'claims_span_in_document';
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

DROP TRIGGER claims_check_span ON claims;
CREATE TRIGGER claims_check_span BEFORE UPDATE OF start_offset, end_offset, quote, document_id
  ON claims FOR EACH ROW EXECUTE FUNCTION claims_check_span();
CREATE TRIGGER claims_check_new_spans AFTER INSERT ON claims REFERENCING NEW TABLE AS new_claims
  FOR EACH STATEMENT EXECUTE FUNCTION claims_check_new_spans();

-- 2. Deleting a document cascades to its history through claim_events.document_id, which had no
-- index: the foreign-key check read all of claim_events (79 ms of a 97 ms delete at 180,000
-- events, growing with the history). With the index the delete takes 1 ms. (document_id, id) also
-- serves a document's history in order.
CREATE INDEX claim_events_document_idx ON claim_events (document_id, id);

-- 3. The documents list (and each document's review progress) counts claims by status and verdict
-- per document: a sequential scan of every claim. This index answers it with an index-only scan.
CREATE INDEX claims_document_status_idx ON claims (document_id, status, verdict);
