-- Archiving a document hides it from the documents list, the claim queue and the pickers without
-- losing its review work; restoring clears the mark. Who archived it is kept for the archive page
-- (the audit log has the full story). The partial index keeps the lists' "not archived" filter cheap.
ALTER TABLE documents ADD COLUMN archived_at timestamptz;
ALTER TABLE documents ADD COLUMN archived_by integer REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX documents_archived_idx ON documents (archived_at) WHERE archived_at IS NOT NULL;
