-- Archived flags: hidden from the daily views, their history kept. Archiving writes a row here and
-- unarchiving (or restoring the archive) deletes it, each a recorded change like any other write,
-- so the SaaS tables are never touched by an archive.
CREATE TABLE inspector.flag_archive (
  flag_key    varchar(200) PRIMARY KEY,
  archived_at timestamptz NOT NULL DEFAULT now()
);

/* [jooq ignore start] */
-- The operator role of docs/inspector-roles.sql may archive; it gets DELETE on this table only,
-- never on the history itself.
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'inspector_operator') THEN
    GRANT SELECT, INSERT, DELETE ON inspector.flag_archive TO inspector_operator;
  END IF;
END $$;
/* [jooq ignore stop] */
