-- case: the tenant registry public.tenants has no RLS while SELECT and UPDATE are granted to authenticated (for the "rename your workspace" settings page), so alice lists every tenant and renames Globex
-- expect: LEAK
-- flags: public.tenants
-- path: tenant-registry
-- tenant-column: tenant_id
-- membership: public.memberships(user_id, tenant_id)
-- claims: membership
-- @setup
CREATE TABLE public.memberships (
  user_id   uuid NOT NULL REFERENCES auth.users (id),
  tenant_id uuid NOT NULL REFERENCES public.tenants (id),
  role      text NOT NULL DEFAULT 'member',
  PRIMARY KEY (user_id, tenant_id)
);
ALTER TABLE public.memberships ENABLE ROW LEVEL SECURITY;
CREATE POLICY memberships_own ON public.memberships FOR SELECT TO authenticated
  USING (user_id = (SELECT auth.uid()));
GRANT SELECT ON public.memberships TO authenticated;

-- public.tenants comes from base.sql without RLS; the app only adds grants.
GRANT SELECT, UPDATE (name) ON public.tenants TO authenticated;

INSERT INTO public.memberships (user_id, tenant_id, role) VALUES
  ('00000000-0000-0000-0000-00000000a11c', '00000000-0000-0000-0000-0000000000a1', 'owner'),
  ('00000000-0000-0000-0000-000000000b0b', '00000000-0000-0000-0000-0000000000b2', 'owner'),
  ('00000000-0000-0000-0000-0000000ca401', '00000000-0000-0000-0000-0000000000a1', 'member'),
  ('00000000-0000-0000-0000-0000000ca401', '00000000-0000-0000-0000-0000000000b2', 'member');
-- @proof
DO $$
DECLARE
  n bigint;
BEGIN
  UPDATE public.tenants SET name = 'Globex (hacked by Acme)'
  WHERE id = '00000000-0000-0000-0000-0000000000b2';
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('corpus.leaked', (n > 0)::text, true);
EXCEPTION WHEN insufficient_privilege OR integrity_constraint_violation THEN
  RAISE NOTICE 'refused: %', SQLERRM;
  PERFORM set_config('corpus.leaked', 'false', true);
END
$$;
SELECT current_setting('corpus.leaked', true)::boolean AS leaked;
