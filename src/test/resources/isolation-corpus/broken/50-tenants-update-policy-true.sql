-- case: public.tenants has RLS with a correct member-only SELECT policy, but its UPDATE policy (meant for tenant owners) is USING (true) WITH CHECK (true); an UPDATE without a column filter consults only that policy, so alice renames Globex and Initech
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

ALTER TABLE public.tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenants_members_read ON public.tenants FOR SELECT TO authenticated
  USING (id IN (SELECT m.tenant_id FROM public.memberships m WHERE m.user_id = (SELECT auth.uid())));
-- TODO restrict to owners - shipped as is.
CREATE POLICY tenants_owner_update ON public.tenants FOR UPDATE TO authenticated
  USING (true)
  WITH CHECK (true);
GRANT SELECT, UPDATE (name) ON public.tenants TO authenticated;

INSERT INTO public.memberships (user_id, tenant_id, role) VALUES
  ('00000000-0000-0000-0000-00000000a11c', '00000000-0000-0000-0000-0000000000a1', 'owner'),
  ('00000000-0000-0000-0000-000000000b0b', '00000000-0000-0000-0000-0000000000b2', 'owner'),
  ('00000000-0000-0000-0000-0000000ca401', '00000000-0000-0000-0000-0000000000a1', 'member'),
  ('00000000-0000-0000-0000-0000000ca401', '00000000-0000-0000-0000-0000000000b2', 'member');
-- @proof
-- No WHERE on a column: only the UPDATE policy applies (a WHERE id = ...
-- would also consult the SELECT policy). Every tenant gets renamed.
DO $$
DECLARE
  n bigint;
BEGIN
  UPDATE public.tenants SET name = 'Pwned by Acme';
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('corpus.leaked', (n > 1)::text, true);
EXCEPTION WHEN insufficient_privilege OR integrity_constraint_violation THEN
  RAISE NOTICE 'refused: %', SQLERRM;
  PERFORM set_config('corpus.leaked', 'false', true);
END
$$;
SELECT current_setting('corpus.leaked', true)::boolean AS leaked;
