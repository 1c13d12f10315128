-- Every app process keeps a short-lived copy of a few small tables it reads on nearly every
-- request: the session behind a cookie, the users (names, pickers) and the documents offered by
-- the queue's filter. Each statement that writes one of them notifies every process listening on
-- claimdesk_changes, once the transaction commits, and each drops what it kept of that table
-- (src/db/read-cache.ts). That is what lets N processes share one database and still sign a
-- disabled user out at once everywhere.
CREATE FUNCTION notify_table_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('claimdesk_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$;

CREATE TRIGGER users_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_changed();
CREATE TRIGGER sessions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_changed();
CREATE TRIGGER documents_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON documents
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_changed();
