-- Whether a document's text holds characters outside the Basic Multilingual Plane (emoji, some
-- CJK). Claim offsets count UTF-16 code units, PostgreSQL's substr() counts characters: the two
-- agree only on a text without such characters. The claim page reads just the sentences around a
-- claim when they agree (a claim of a 540 KB article cost 40 ms of app CPU reading the whole
-- text), and the whole text when they do not. Computed once, when the text is written.
ALTER TABLE documents ADD COLUMN has_astral boolean GENERATED ALWAYS AS (body ~ '[\U00010000-\U0010FFFF]') STORED;
