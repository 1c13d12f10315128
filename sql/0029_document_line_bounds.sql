-- Where each line of a document's text begins, then where the text ends, in characters: what the
-- reader needs to place the parts of a long text (src/documents/reader-parts.ts) without reading
-- it. With these the reader reads only the part it shows; reading, decoding and collecting the
-- whole 108 KB text of a 2,000-claim article cost its reader about a seventh of its app CPU
-- (docs/BENCHMARKS.md). A line ends at "\n" (what the reader's paragraphs split at). Computed once,
-- when the text is written, like has_astral (sql/0024); true UTF-16 offsets only where has_astral
-- is false, so the reader reads a text with such characters whole.
CREATE FUNCTION document_line_bounds(body text) RETURNS integer[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ARRAY[0]
      || coalesce((
        SELECT array_agg(next_start ORDER BY n)
        FROM (
          SELECT n, count(*) OVER () AS lines,
            (sum(char_length(line) + 1) OVER (ORDER BY n))::integer AS next_start
          FROM unnest(string_to_array(body, E'\n')) WITH ORDINALITY AS t(line, n)
        ) l
        WHERE n < lines), '{}')
      || char_length(body)
  $$;

ALTER TABLE documents ADD COLUMN line_bounds integer[] GENERATED ALWAYS AS (document_line_bounds(body)) STORED;
