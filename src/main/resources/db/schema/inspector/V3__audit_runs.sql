-- Isolation audit runs and their findings, so runs can be compared and promotion gates can read
-- the latest one.
CREATE TABLE inspector.audit_run (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  database_label varchar(400) NOT NULL,
  db_role       varchar(128) NOT NULL DEFAULT current_user,
  os_user       varchar(128) NOT NULL,
  tenant_column varchar(128) NOT NULL,
  check_groups  varchar(200) NOT NULL,
  tenants       varchar(4000) NOT NULL DEFAULT '',
  cancelled     boolean NOT NULL DEFAULT false
);

CREATE TABLE inspector.audit_finding (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id      bigint NOT NULL REFERENCES inspector.audit_run (id) ON DELETE CASCADE,
  check_id    varchar(64) NOT NULL,
  severity    varchar(16) NOT NULL CHECK (severity IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO')),
  check_group varchar(32) NOT NULL,
  relation    varchar(400) NOT NULL,
  tenant      varchar(400) NOT NULL,
  finding     varchar(4000) NOT NULL,
  evidence    varchar(4000) NOT NULL,
  fix_hint    varchar(4000) NOT NULL
);
CREATE INDEX audit_finding_run_idx ON inspector.audit_finding (run_id);
