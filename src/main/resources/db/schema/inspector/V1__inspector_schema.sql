-- The console's own schema. Flyway keeps its history in inspector.flyway_schema_history;
-- nothing here touches the audited SaaS schema.
CREATE SCHEMA IF NOT EXISTS inspector;

-- One row per user action (a flag created, a killswitch pulled, ...); the reason is mandatory
-- for writes the reference process calls risky, and optional elsewhere.
CREATE TABLE inspector.change_set (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  happened_at timestamptz NOT NULL DEFAULT now(),
  db_role     varchar(128) NOT NULL DEFAULT current_user,
  os_user     varchar(128) NOT NULL,
  action      varchar(64) NOT NULL,
  flag_key    varchar(64),
  reason      varchar(2000) NOT NULL DEFAULT ''
);
CREATE INDEX change_set_flag_idx ON inspector.change_set (flag_key, happened_at);

-- Row-level before/after images of everything a change set wrote.
CREATE TABLE inspector.change_entry (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  change_set_id bigint NOT NULL REFERENCES inspector.change_set (id) ON DELETE CASCADE,
  table_name    varchar(128) NOT NULL,
  row_key       varchar(400) NOT NULL,
  before_value  jsonb,
  after_value   jsonb
);
CREATE INDEX change_entry_set_idx ON inspector.change_entry (change_set_id);
