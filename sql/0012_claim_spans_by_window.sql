-- Importing a 1 MB article (25,000 claims) spent ~450 ms in claims_check_new_spans (sql/0008):
-- its PL/pgSQL loop ran a dozen statements per claim, and each claim's quote was cut from a
-- window of up to 4,096 characters, which Postgres must walk character by character in UTF-8.
-- Now the loop runs once per 512 characters that some claim starts in, cutting each window from
-- a 64K-character chunk of the text (itself cut from a text only ever walked forward), and every
-- claim is compared with its window in one query. The rule, its errors and which claim an error
-- names (the first in text order) are unchanged.
CREATE OR REPLACE FUNCTION claims_check_new_spans() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d record;
  w record;
  bad record;
  tail text;           -- the text from offset tail_start on (cut again every 64K characters)
  tail_start integer;
  chunk text;          -- up to chunk_length characters from offset chunk_start on
  chunk_start integer;
  chunk_length integer;
  ks integer[];        -- window numbers (start_offset / 512) ...
  wins text[];         -- ... and their text, from k * 512 to the furthest end of a claim starting there
BEGIN
  FOR d IN
    SELECT doc.id, doc.body, char_length(doc.body) AS len, doc.body ~ '[\U00010000-\U0010FFFF]' AS astral
    FROM documents doc WHERE doc.id IN (SELECT n.document_id FROM new_claims n)
    ORDER BY doc.id
  LOOP
    IF d.astral THEN
      -- Offsets count UTF-16 units and Postgres counts code points: only containment can be checked.
      SELECT n.start_offset, n.end_offset INTO bad FROM new_claims n
       WHERE n.document_id = d.id AND (strpos(d.body, n.quote) = 0 OR n.end_offset > 2 * d.len)
       ORDER BY n.start_offset LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'claim span % to % is not in document %', bad.start_offset, bad.end_offset, d.id
          USING ERRCODE = '23514', CONSTRAINT = 'claims_span_in_document';
      END IF;
      CONTINUE;
    END IF;
    tail := d.body;
    tail_start := 0;
    chunk := '';
    chunk_start := 0;
    chunk_length := 0;
    ks := '{}';
    wins := '{}';
    -- right(t, -n) and left(t, n) walk only the n characters they skip or keep (and right() copies
    -- the rest); substr() far into a long text would walk everything before its start.
    FOR w IN
      SELECT n.start_offset / 512 * 512 AS start, n.start_offset / 512 AS k, max(n.end_offset) AS last_end FROM new_claims n
      WHERE n.document_id = d.id AND n.end_offset <= d.len GROUP BY 1, 2 ORDER BY 1
    LOOP
      IF w.last_end > chunk_start + chunk_length THEN
        IF w.start > tail_start THEN
          tail := right(tail, tail_start - w.start);
          tail_start := w.start;
        END IF;
        chunk_length := greatest(65536, w.last_end - w.start);
        chunk := left(tail, chunk_length);
        chunk_start := w.start;
      ELSIF w.start > chunk_start THEN
        chunk := right(chunk, chunk_start - w.start);
        chunk_length := chunk_length - (w.start - chunk_start);
        chunk_start := w.start;
      END IF;
      ks := ks || w.k;
      wins := wins || left(chunk, w.last_end - w.start);
    END LOOP;
    SELECT n.start_offset, n.end_offset INTO bad FROM new_claims n
      LEFT JOIN unnest(ks, wins) AS x(k, win) ON x.k = n.start_offset / 512
     WHERE n.document_id = d.id
       AND (n.end_offset > d.len OR substr(x.win, n.start_offset - x.k * 512 + 1, n.end_offset - n.start_offset) IS DISTINCT FROM n.quote)
     ORDER BY n.start_offset LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'claim span % to % does not match its quote in document %', bad.start_offset, bad.end_offset, d.id
        USING ERRCODE = '23514', CONSTRAINT = 'claims_span_in_document';
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
