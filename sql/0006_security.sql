-- Invitations: an admin invites someone by email; the invitee follows a single-use link and
-- chooses their own password, so no password ever passes through the admin. Only the SHA-256 of
-- the link's secret is stored. An admin can issue a fresh link to reset a forgotten password.

CREATE TABLE user_invitations (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_by integer REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz, -- when the link was used, or retired by a newer link or a disabled account
  CONSTRAINT user_invitations_hash_key UNIQUE (token_hash),
  CONSTRAINT user_invitations_expiry_check CHECK (expires_at > created_at)
);
CREATE INDEX user_invitations_user_idx ON user_invitations (user_id, id DESC);

-- The audit log is evidence: the application only ever appends to it. The one update allowed
-- is the foreign key's own ON DELETE SET NULL when a user row is removed.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.actor_id IS NULL
     AND (NEW.id, NEW.action, NEW.subject, NEW.ip, NEW.details, NEW.created_at)
         IS NOT DISTINCT FROM (OLD.id, OLD.action, OLD.subject, OLD.ip, OLD.details, OLD.created_at) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '55000';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- The admin audit page searches by subject (an email, "token 12") and filters by action.
CREATE INDEX audit_log_action_idx ON audit_log (action, id DESC);
