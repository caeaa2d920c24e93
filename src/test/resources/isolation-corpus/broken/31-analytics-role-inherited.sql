-- case: analytics.account_usage (no RLS, per-account usage and revenue) is granted only to role analytics_reader, but analytics_reader was granted to authenticated for an in-app dashboard; authenticated inherits the grant, so every signed-in user reads all accounts' usage
-- expect: LEAK
-- flags: analytics.account_usage
-- path: role-escalation
-- tenant-column: account_id
-- membership: public.account_members(user_id, account_id)
-- claims: membership
-- @setup
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'analytics_reader') THEN
    CREATE ROLE analytics_reader NOLOGIN;
  END IF;
END
$$;
ALTER ROLE analytics_reader NOLOGIN NOSUPERUSER NOBYPASSRLS;

CREATE TABLE public.account_members (
  user_id    uuid NOT NULL REFERENCES auth.users (id),
  account_id uuid NOT NULL REFERENCES public.tenants (id),
  PRIMARY KEY (user_id, account_id)
);
ALTER TABLE public.account_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY account_members_own ON public.account_members FOR SELECT TO authenticated
  USING (user_id = (SELECT auth.uid()));
GRANT SELECT ON public.account_members TO authenticated;

-- Internal schema, not meant for the API roles.
CREATE SCHEMA analytics;
CREATE TABLE analytics.account_usage (
  account_id  uuid NOT NULL REFERENCES public.tenants (id),
  month       date NOT NULL,
  api_calls   bigint NOT NULL,
  revenue_usd numeric(14,2) NOT NULL,
  PRIMARY KEY (account_id, month)
);
GRANT USAGE ON SCHEMA analytics TO analytics_reader;
GRANT SELECT ON analytics.account_usage TO analytics_reader;

-- The escalation.
GRANT analytics_reader TO authenticated;

INSERT INTO public.account_members (user_id, account_id) VALUES
  ('00000000-0000-0000-0000-00000000a11c', '00000000-0000-0000-0000-0000000000a1'),
  ('00000000-0000-0000-0000-000000000b0b', '00000000-0000-0000-0000-0000000000b2'),
  ('00000000-0000-0000-0000-0000000ca401', '00000000-0000-0000-0000-0000000000a1'),
  ('00000000-0000-0000-0000-0000000ca401', '00000000-0000-0000-0000-0000000000b2');
INSERT INTO analytics.account_usage (account_id, month, api_calls, revenue_usd) VALUES
  ('00000000-0000-0000-0000-0000000000a1', '2024-05-01', 12000, 49.00),
  ('00000000-0000-0000-0000-0000000000b2', '2024-05-01', 9800000, 125000.00);
-- @proof
DO $$
BEGIN
  PERFORM set_config('corpus.leaked', (EXISTS (SELECT 1 FROM analytics.account_usage
                                            WHERE account_id = '00000000-0000-0000-0000-0000000000b2'))::text, true);
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'refused: %', SQLERRM;
  PERFORM set_config('corpus.leaked', 'false', true);
END
$$;
SELECT current_setting('corpus.leaked', true)::boolean AS leaked;
