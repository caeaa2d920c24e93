-- case: public.team_directory joins public.memberships with auth.users to show teammates' emails; it is a plain view owned by the superuser and granted to authenticated, with no filter of its own (the author relied on memberships' RLS, which the owner bypasses), so it lists every tenant's members and emails
-- expect: LEAK
-- flags: public.team_directory
-- path: view-leak
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
-- Each user sees only their own membership rows.
CREATE POLICY memberships_own ON public.memberships FOR SELECT TO authenticated
  USING (user_id = (SELECT auth.uid()));
GRANT SELECT ON public.memberships TO authenticated;

CREATE VIEW public.team_directory AS
  SELECT m.tenant_id, m.user_id, u.email, m.role
  FROM public.memberships m
  JOIN auth.users u ON u.id = m.user_id;
GRANT SELECT ON public.team_directory TO authenticated;

INSERT INTO public.memberships (user_id, tenant_id, role) VALUES
  ('00000000-0000-0000-0000-00000000a11c', '00000000-0000-0000-0000-0000000000a1', 'owner'),
  ('00000000-0000-0000-0000-000000000b0b', '00000000-0000-0000-0000-0000000000b2', 'owner'),
  ('00000000-0000-0000-0000-0000000ca401', '00000000-0000-0000-0000-0000000000a1', 'member'),
  ('00000000-0000-0000-0000-0000000ca401', '00000000-0000-0000-0000-0000000000b2', 'member');
-- @proof
-- Wrapped: with security_invoker the view would need SELECT on auth.users,
-- so the safe variant refuses with an error instead of returning no rows.
DO $$
BEGIN
  PERFORM set_config('corpus.leaked',
    EXISTS (SELECT 1 FROM public.team_directory
            WHERE tenant_id = '00000000-0000-0000-0000-0000000000b2'
              AND email = 'bob@globex.test')::text, true);
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'refused: %', SQLERRM;
  PERFORM set_config('corpus.leaked', 'false', true);
END
$$;
SELECT current_setting('corpus.leaked', true)::boolean AS leaked;
