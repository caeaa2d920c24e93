-- case: public.tenants was extended with billing columns (billing email, Stripe customer id, plan) but keeps its old SELECT policy USING (true) from when it only held names, so every signed-in user reads all tenants' billing data
-- expect: LEAK
-- flags: public.tenants
-- path: tenant-registry
-- tenant-column: tenant_id
-- claims: app_metadata
-- @setup
ALTER TABLE public.tenants
  ADD COLUMN billing_email      text,
  ADD COLUMN stripe_customer_id text,
  ADD COLUMN plan               text NOT NULL DEFAULT 'free';
UPDATE public.tenants SET billing_email = 'ap@acme.test', stripe_customer_id = 'cus_ACME', plan = 'pro'
WHERE id = '00000000-0000-0000-0000-0000000000a1';
UPDATE public.tenants SET billing_email = 'cfo@globex.test', stripe_customer_id = 'cus_GLOBEX', plan = 'enterprise'
WHERE id = '00000000-0000-0000-0000-0000000000b2';

ALTER TABLE public.tenants ENABLE ROW LEVEL SECURITY;
-- "Tenant names are not secret" - true once, not after the billing columns.
CREATE POLICY tenants_public_read ON public.tenants FOR SELECT TO authenticated
  USING (true);
CREATE POLICY tenants_own_update ON public.tenants FOR UPDATE TO authenticated
  USING (id = (SELECT (auth.jwt() -> 'app_metadata' ->> 'tenant_id')::uuid))
  WITH CHECK (id = (SELECT (auth.jwt() -> 'app_metadata' ->> 'tenant_id')::uuid));
GRANT SELECT, UPDATE (name, billing_email) ON public.tenants TO authenticated;
-- @proof
SELECT EXISTS (
  SELECT 1 FROM public.tenants
  WHERE id = '00000000-0000-0000-0000-0000000000b2' AND stripe_customer_id IS NOT NULL
) AS leaked;
