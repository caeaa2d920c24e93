-- case: public.events is partitioned and only the parent has RLS (the partitions show RLS off, which a naive per-table RLS check flags), but authenticated is granted only the parent, not the partitions, so every read goes through the parent's membership policy and reading a partition directly is refused
-- expect: SAFE
-- path: rls-disabled
-- tenant-column: workspace_id
-- membership: public.workspace_members(user_id, workspace_id)
-- claims: membership
-- @setup
CREATE TABLE public.workspace_members (
  user_id      uuid NOT NULL REFERENCES auth.users (id),
  workspace_id uuid NOT NULL REFERENCES public.tenants (id),
  PRIMARY KEY (user_id, workspace_id)
);
ALTER TABLE public.workspace_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_members_own ON public.workspace_members FOR SELECT TO authenticated
  USING (user_id = (SELECT auth.uid()));
GRANT SELECT ON public.workspace_members TO authenticated;

CREATE TABLE public.events (
  id           bigint NOT NULL,
  workspace_id uuid NOT NULL REFERENCES public.tenants (id),
  occurred_at  timestamptz NOT NULL,
  kind         text NOT NULL,
  PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE TABLE public.events_2024 PARTITION OF public.events
  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.events_2025 PARTITION OF public.events
  FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
ALTER TABLE public.events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_member_read ON public.events FOR SELECT TO authenticated
  USING (workspace_id IN (SELECT wm.workspace_id FROM public.workspace_members wm
                          WHERE wm.user_id = (SELECT auth.uid())));
-- Grant on the parent only (no GRANT ... ON ALL TABLES).
GRANT SELECT ON public.events TO authenticated;

INSERT INTO public.workspace_members (user_id, workspace_id) VALUES
  ('00000000-0000-0000-0000-00000000a11c', '00000000-0000-0000-0000-0000000000a1'),
  ('00000000-0000-0000-0000-000000000b0b', '00000000-0000-0000-0000-0000000000b2'),
  ('00000000-0000-0000-0000-0000000ca401', '00000000-0000-0000-0000-0000000000a1'),
  ('00000000-0000-0000-0000-0000000ca401', '00000000-0000-0000-0000-0000000000b2');
INSERT INTO public.events (id, workspace_id, occurred_at, kind) VALUES
  (1, '00000000-0000-0000-0000-0000000000a1', '2024-03-01', 'login'),
  (2, '00000000-0000-0000-0000-0000000000b2', '2024-03-02', 'export'),
  (3, '00000000-0000-0000-0000-0000000000a1', '2025-02-01', 'login'),
  (4, '00000000-0000-0000-0000-0000000000b2', '2025-02-02', 'export');
-- @proof
-- Sanity: the legitimate path works, so a false result below is a real refusal.
DO $$
BEGIN
  IF NOT (EXISTS (SELECT 1 FROM public.events WHERE workspace_id = '00000000-0000-0000-0000-0000000000a1')) THEN
    RAISE EXCEPTION 'sanity check failed: alice must see her own events';
  END IF;
END
$$;
DO $$
DECLARE
  seen boolean := false;
BEGIN
  BEGIN
    SELECT EXISTS (SELECT 1 FROM public.events_2024
                   WHERE workspace_id = '00000000-0000-0000-0000-0000000000b2') INTO seen;
  EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'refused: %', SQLERRM;
  END;
  PERFORM set_config('corpus.leaked', seen::text, true);
END
$$;
SELECT current_setting('corpus.leaked', true)::boolean
       OR EXISTS (SELECT 1 FROM public.events
                  WHERE workspace_id <> '00000000-0000-0000-0000-0000000000a1') AS leaked;
