-- Pre-check findings (issue 18): what the extractor found probably wrong in a claim, with the
-- evidence — [{ code, message, suggestion?, evidence? }]. Written at extraction, rewritten on
-- re-extraction; reviewers never edit it. The partial index serves the queue's "has findings"
-- filter, which only ever asks for the few claims that have some.
ALTER TABLE claims ADD COLUMN findings jsonb NOT NULL DEFAULT '[]'::jsonb;
CREATE INDEX claims_with_findings_idx ON claims (document_id) WHERE findings <> '[]'::jsonb;
