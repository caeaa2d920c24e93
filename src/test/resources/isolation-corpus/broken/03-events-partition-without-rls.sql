-- case: public.events is partitioned by month with RLS and a membership policy on the parent only; the partitions have RLS off but are still granted to authenticated by GRANT ... ON ALL TABLES, so selecting a partition directly returns every workspace's events
-- expect: LEAK
-- flags: public.events_2024, public.events_2025
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

CREATE TABLE public.events (
  id           bigint NOT NULL,
  workspace_id uuid NOT NULL REFERENCES public.tenants (id),
  occurred_at  timestamptz NOT NULL,
  kind         text NOT NULL,
  payload      jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE TABLE public.events_2024 PARTITION OF public.events
  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.events_2025 PARTITION OF public.events
  FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- RLS and the policy are only on the partitioned parent. Queries through
-- public.events are filtered; queries naming a partition are not, because
-- RLS is a per-relation setting and is not inherited by partitions.
ALTER TABLE public.events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_member_read ON public.events FOR SELECT TO authenticated
  USING (workspace_id IN (SELECT wm.workspace_id FROM public.workspace_members wm
                          WHERE wm.user_id = (SELECT auth.uid())));

-- The usual blanket grant also covers the partitions.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO authenticated;

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
-- Read the partitions directly instead of through public.events.
DO $$
BEGIN
  PERFORM set_config('corpus.leaked', (EXISTS (SELECT 1 FROM public.events_2024 WHERE workspace_id = '00000000-0000-0000-0000-0000000000b2')
    OR EXISTS (SELECT 1 FROM public.events_2025 WHERE workspace_id = '00000000-0000-0000-0000-0000000000b2'))::text, true);
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'refused: %', SQLERRM;
  PERFORM set_config('corpus.leaked', 'false', true);
END
$$;
SELECT current_setting('corpus.leaked', true)::boolean AS leaked;
