-- Each user's time zone for the times the pages show (an IANA name such as Asia/Manila). NULL
-- means UTC, the default, so backups taken before this column existed restore unchanged. The
-- app checks the name against the zones the runtime knows; the length check is the table's guard.
ALTER TABLE users ADD COLUMN time_zone text CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64);
