-- Restore as a stack: every restore names the change sets it undid, so a second Restore goes one
-- step further back instead of stopping at the first restore, and a change is undone at most once
-- (the primary key makes two consoles restoring the same change at once fail on the second).
CREATE TABLE inspector.restored_change (
  change_set_id bigint PRIMARY KEY REFERENCES inspector.change_set (id) ON DELETE CASCADE,
  restored_by   bigint NOT NULL REFERENCES inspector.change_set (id) ON DELETE CASCADE
);
CREATE INDEX restored_change_by_idx ON inspector.restored_change (restored_by);

-- A change set may touch several flags (a bulk override change in the matrix) and names tenants
-- and users; each row image says which, so the history can be searched by flag, tenant and user.
ALTER TABLE inspector.change_entry ADD COLUMN flag_key varchar(64);
ALTER TABLE inspector.change_entry ADD COLUMN tenant_id uuid;
ALTER TABLE inspector.change_entry ADD COLUMN user_id uuid;
CREATE INDEX change_entry_flag_idx ON inspector.change_entry (flag_key, change_set_id);
CREATE INDEX change_entry_tenant_idx ON inspector.change_entry (tenant_id, change_set_id);

-- Which console instance wrote a change set: a console tells its own changes from other consoles',
-- also where notifications cannot be used and it polls the history instead.
ALTER TABLE inspector.change_set ADD COLUMN console_id varchar(64);

-- A promotion records the gates it passed or overrode next to the admin's words: more than the
-- 2,000 characters a typed reason may have.
ALTER TABLE inspector.change_set ALTER COLUMN reason TYPE text;

-- What an audit run covered: a run that audited no tenant relation or impersonated nobody proves
-- nothing and must never satisfy a promotion gate.
ALTER TABLE inspector.audit_run ADD COLUMN relations_audited integer;
ALTER TABLE inspector.audit_run ADD COLUMN tenants_impersonated integer;
ALTER TABLE inspector.audit_run ADD COLUMN incomplete_reason varchar(1000);

/* [jooq ignore start] */
UPDATE inspector.change_entry e SET flag_key = s.flag_key
FROM inspector.change_set s WHERE s.id = e.change_set_id AND e.flag_key IS NULL;

-- Restores recorded before this migration undid the newest rollback of their flag before them.
DO $$
DECLARE
  r record;
  undone bigint;
BEGIN
  FOR r IN SELECT id, flag_key FROM inspector.change_set WHERE action = 'restore' ORDER BY id LOOP
    SELECT s.id INTO undone FROM inspector.change_set s
    WHERE s.flag_key = r.flag_key AND s.id < r.id AND s.action LIKE 'rollback:%'
      AND NOT EXISTS (SELECT 1 FROM inspector.restored_change x WHERE x.change_set_id = s.id)
    ORDER BY s.id DESC LIMIT 1;
    IF undone IS NOT NULL THEN
      INSERT INTO inspector.restored_change (change_set_id, restored_by) VALUES (undone, r.id);
    END IF;
  END LOOP;
END
$$;
/* [jooq ignore stop] */
