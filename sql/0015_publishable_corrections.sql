-- Publishable corrections (issue 16).
-- Documents carry the byline facts ClaimReview's itemReviewed needs (who wrote the article, who
-- published it, when), and whether the published note lists typos (silent by default, as
-- newsroom practice fixes spelling without a notice).
ALTER TABLE documents
  ADD COLUMN author text CHECK (char_length(author) BETWEEN 1 AND 300),
  ADD COLUMN publisher text CHECK (char_length(publisher) BETWEEN 1 AND 300),
  ADD COLUMN published_at timestamptz,
  ADD COLUMN note_lists_typos boolean NOT NULL DEFAULT false;

-- A correction replaces exactly the claim's span (passage) or the claim's whole sentence.
-- claim_statement is what was claimed, as ClaimReview's claimReviewed publishes it.
ALTER TABLE claims
  ADD COLUMN correction_scope text NOT NULL DEFAULT 'passage' CHECK (correction_scope IN ('passage', 'sentence')),
  ADD COLUMN claim_statement text CHECK (char_length(claim_statement) BETWEEN 1 AND 300);

-- Each publication of a document's corrections is a revision, kept as it was published: a later
-- publication adds a revision ("Updated correction") and never rewrites an earlier one.
CREATE TABLE correction_revisions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id integer NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number >= 1),
  note text NOT NULL,
  corrected_text text NOT NULL,
  claim_ids integer[] NOT NULL,
  published_by integer REFERENCES users (id) ON DELETE SET NULL,
  published_by_name text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT correction_revisions_document_number_key UNIQUE (document_id, number)
);
-- The public log reads newest first across documents.
CREATE INDEX correction_revisions_recent_idx ON correction_revisions (published_at DESC, id DESC);

CREATE FUNCTION correction_revisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'correction_revisions is append-only: publish a new revision instead' USING ERRCODE = '55000';
END $$;
CREATE TRIGGER correction_revisions_append_only BEFORE UPDATE ON correction_revisions
  FOR EACH ROW EXECUTE FUNCTION correction_revisions_append_only();
