-- The claims domain: documents, their claims, the evidence and discussion around each claim,
-- and an append-only history. Users exist here because every change names who made it;
-- sessions, tokens and the audit log come in later migrations.

CREATE TABLE users (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL CHECK (email = lower(email) AND email ~ '^[^@\s]+@[^@\s]+$'),
  display_name text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 120),
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer', 'viewer')),
  password_hash text,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT users_email_key UNIQUE (email)
);

CREATE TABLE documents (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
  language text NOT NULL CHECK (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$'),
  source_url text CHECK (source_url ~* '^https?://'),
  body text NOT NULL CHECK (char_length(body) > 0),
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  sentence_starts integer[] NOT NULL DEFAULT '{}',
  correction_note text,
  created_by integer REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);
CREATE INDEX documents_created_at_idx ON documents (created_at DESC, id DESC);
CREATE INDEX documents_content_hash_idx ON documents (content_hash);

CREATE TABLE claims (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id integer NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  start_offset integer NOT NULL CHECK (start_offset >= 0),
  end_offset integer NOT NULL,
  quote text NOT NULL,
  sentence_index integer NOT NULL CHECK (sentence_index >= 1),
  kind text NOT NULL CHECK (kind IN ('statistic', 'date', 'quote', 'attribution', 'reference', 'spelling', 'event', 'other')),
  score real NOT NULL DEFAULT 0 CHECK (score >= 0 AND score <= 1),
  reasons jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(reasons) = 'array'),
  suggestion text,
  origin text NOT NULL DEFAULT 'extracted' CHECK (origin IN ('extracted', 'manual')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_review', 'resolved', 'dismissed')),
  verdict text CHECK (verdict IN ('accurate', 'inaccurate', 'misleading', 'needs_context', 'unverifiable', 'typo')),
  correction text,
  explanation text,
  assignee_id integer REFERENCES users (id) ON DELETE SET NULL,
  resolved_by integer REFERENCES users (id) ON DELETE SET NULL,
  resolved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', quote || ' ' || coalesce(correction, '') || ' ' || coalesce(explanation, ''))
  ) STORED,
  CONSTRAINT claims_span_check CHECK (end_offset > start_offset AND char_length(quote) > 0),
  CONSTRAINT claims_verdict_when_resolved CHECK ((status = 'resolved') = (verdict IS NOT NULL)),
  CONSTRAINT claims_document_span_key UNIQUE (document_id, start_offset, end_offset, kind)
);
CREATE INDEX claims_document_position_idx ON claims (document_id, start_offset, id);
CREATE INDEX claims_status_id_idx ON claims (status, id);
CREATE INDEX claims_assignee_idx ON claims (assignee_id, id) WHERE assignee_id IS NOT NULL;
CREATE INDEX claims_updated_at_idx ON claims (updated_at DESC, id DESC);
CREATE INDEX claims_score_idx ON claims (score DESC, id DESC);
CREATE INDEX claims_search_idx ON claims USING gin (search);

-- A span must lie inside its document and match its quote. Postgres counts code points while
-- claimdesk stores JavaScript (UTF-16) offsets, so the exact comparison is made when the text
-- has no characters outside the Basic Multilingual Plane, and a containment check otherwise.
CREATE FUNCTION claims_check_span() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  doc_body text;
BEGIN
  SELECT body INTO doc_body FROM documents WHERE id = NEW.document_id;
  IF doc_body ~ '[\U00010000-\U0010FFFF]' THEN
    IF strpos(doc_body, NEW.quote) = 0 OR NEW.end_offset > 2 * char_length(doc_body) THEN
      RAISE EXCEPTION 'claim span % to % is not in document %', NEW.start_offset, NEW.end_offset, NEW.document_id
        USING ERRCODE = '23514', CONSTRAINT = 'claims_span_in_document';
    END IF;
  ELSIF NEW.end_offset > char_length(doc_body)
     OR substr(doc_body, NEW.start_offset + 1, NEW.end_offset - NEW.start_offset) <> NEW.quote THEN
    RAISE EXCEPTION 'claim span % to % does not match its quote in document %', NEW.start_offset, NEW.end_offset, NEW.document_id
      USING ERRCODE = '23514', CONSTRAINT = 'claims_span_in_document';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER claims_check_span BEFORE INSERT OR UPDATE OF start_offset, end_offset, quote, document_id
  ON claims FOR EACH ROW EXECUTE FUNCTION claims_check_span();

CREATE TABLE claim_sources (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  claim_id integer NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  url text NOT NULL CHECK (url ~* '^https?://[^\s]+$'),
  title text,
  publisher text,
  published_on date,
  excerpt text,
  stance text NOT NULL CHECK (stance IN ('supports', 'refutes', 'context')),
  added_by integer REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', url || ' ' || coalesce(title, '') || ' ' || coalesce(publisher, '') || ' ' || coalesce(excerpt, ''))
  ) STORED
);
CREATE INDEX claim_sources_claim_idx ON claim_sources (claim_id, id);
CREATE INDEX claim_sources_search_idx ON claim_sources USING gin (search);

CREATE TABLE claim_notes (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  claim_id integer NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  author_id integer REFERENCES users (id) ON DELETE SET NULL,
  body text NOT NULL CHECK (char_length(body) > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  edited_at timestamptz,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED
);
CREATE INDEX claim_notes_claim_idx ON claim_notes (claim_id, id);
CREATE INDEX claim_notes_search_idx ON claim_notes USING gin (search);

-- History outlives nothing it describes (it goes with its document) but is never rewritten.
CREATE TABLE claim_events (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  claim_id integer NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  document_id integer NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  actor_id integer REFERENCES users (id) ON DELETE SET NULL,
  action text NOT NULL CHECK (action ~ '^[a-z_]+\.[a-z_]+$'),
  before jsonb,
  after jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX claim_events_claim_idx ON claim_events (claim_id, id);
CREATE INDEX claim_events_recent_idx ON claim_events (id DESC);

CREATE FUNCTION claim_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'claim_events is append-only' USING ERRCODE = '55000';
END $$;
CREATE TRIGGER claim_events_append_only BEFORE UPDATE ON claim_events
  FOR EACH ROW EXECUTE FUNCTION claim_events_append_only();
