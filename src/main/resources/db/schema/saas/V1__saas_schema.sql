-- The SaaS schema of the reference rollout process, Supabase style.
-- Applied only to the embedded demo database or to an empty database on --init-demo;
-- an admin's own database already has its own version of these tables.

/* [jooq ignore start] */
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'anon') THEN
    CREATE ROLE anon NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticated') THEN
    CREATE ROLE authenticated NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'service_role') THEN
    -- Supabase's service role bypasses RLS on purpose: it is the server's own key.
    CREATE ROLE service_role NOLOGIN BYPASSRLS;
  END IF;
END
$$;
/* [jooq ignore stop] */

CREATE SCHEMA IF NOT EXISTS auth;

CREATE TABLE auth.users (
  id         uuid PRIMARY KEY,
  email      varchar(320) NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

/* [jooq ignore start] */
-- auth.uid() and auth.jwt() read the claims PostgREST puts into request.jwt.claims.
CREATE FUNCTION auth.jwt() RETURNS jsonb
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb $$;

CREATE FUNCTION auth.uid() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(auth.jwt() ->> 'sub', '')::uuid $$;

-- The caller's tenant comes from app_metadata, which only the server can write
-- (user_metadata is editable by the user and must never decide access).
CREATE FUNCTION auth.tenant_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(auth.jwt() -> 'app_metadata' ->> 'tenant_id', '')::uuid $$;
/* [jooq ignore stop] */

CREATE TABLE public.tenants (
  id              uuid PRIMARY KEY,
  name            varchar(200) NOT NULL,
  release_channel varchar(16) NOT NULL DEFAULT 'general'
                  CHECK (release_channel IN ('internal', 'pilot', 'general')),
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- One row per user: tenant membership and the platform-admin marker.
CREATE TABLE public.profiles (
  id                uuid PRIMARY KEY REFERENCES auth.users (id) ON DELETE CASCADE,
  tenant_id         uuid REFERENCES public.tenants (id),
  full_name         varchar(200) NOT NULL,
  email             varchar(320) NOT NULL,
  is_platform_admin boolean NOT NULL DEFAULT false
);
CREATE INDEX profiles_tenant_idx ON public.profiles (tenant_id);

CREATE TABLE public.feature_flags (
  id              uuid PRIMARY KEY,
  key             varchar(64) NOT NULL UNIQUE,
  name            varchar(200) NOT NULL,
  description     varchar(2000) NOT NULL DEFAULT '',
  default_enabled boolean NOT NULL DEFAULT false,
  is_killswitch   boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.release_channel_feature_flags (
  feature_flag_id uuid NOT NULL REFERENCES public.feature_flags (id) ON DELETE CASCADE,
  release_channel varchar(16) NOT NULL CHECK (release_channel IN ('internal', 'pilot', 'general')),
  enabled         boolean NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT release_channel_feature_flags_pk PRIMARY KEY (feature_flag_id, release_channel)
);

CREATE TABLE public.tenant_feature_flags (
  tenant_id       uuid NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  feature_flag_id uuid NOT NULL REFERENCES public.feature_flags (id) ON DELETE CASCADE,
  enabled         boolean NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT tenant_feature_flags_pk PRIMARY KEY (tenant_id, feature_flag_id)
);

CREATE TABLE public.tenant_feature_access (
  tenant_id   uuid NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
  feature_key varchar(64) NOT NULL,
  is_enabled  boolean NOT NULL DEFAULT true,
  granted_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT tenant_feature_access_pk PRIMARY KEY (tenant_id, user_id, feature_key)
);

-- Tenant-owned business data.
CREATE TABLE public.customers (
  id         uuid PRIMARY KEY,
  tenant_id  uuid REFERENCES public.tenants (id),
  name       varchar(200) NOT NULL,
  city       varchar(100),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_tenant_idx ON public.customers (tenant_id);

CREATE TABLE public.vehicles (
  id            uuid PRIMARY KEY,
  tenant_id     uuid NOT NULL REFERENCES public.tenants (id),
  plate         varchar(20) NOT NULL,
  model         varchar(100) NOT NULL,
  capacity_kg   integer NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vehicles_tenant_idx ON public.vehicles (tenant_id);

CREATE TABLE public.loads (
  id          uuid PRIMARY KEY,
  tenant_id   uuid NOT NULL REFERENCES public.tenants (id),
  customer_id uuid REFERENCES public.customers (id),
  vehicle_id  uuid REFERENCES public.vehicles (id),
  reference   varchar(40) NOT NULL,
  origin      varchar(100) NOT NULL,
  destination varchar(100) NOT NULL,
  weight_kg   integer NOT NULL,
  status      varchar(20) NOT NULL DEFAULT 'planned'
              CHECK (status IN ('planned', 'in_transit', 'delivered', 'cancelled')),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loads_tenant_idx ON public.loads (tenant_id);

CREATE TABLE public.drivers (
  id         uuid PRIMARY KEY,
  tenant_id  uuid NOT NULL REFERENCES public.tenants (id),
  full_name  varchar(200) NOT NULL,
  license_no varchar(40) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drivers_tenant_idx ON public.drivers (tenant_id);

/* [jooq ignore start] */
GRANT USAGE ON SCHEMA public, auth TO anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION auth.jwt(), auth.uid(), auth.tenant_id() TO anon, authenticated, service_role;
GRANT SELECT ON public.tenants, public.feature_flags, public.release_channel_feature_flags TO authenticated;
GRANT SELECT ON public.tenant_feature_flags, public.tenant_feature_access, public.profiles TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.customers, public.vehicles, public.loads, public.drivers TO authenticated;
GRANT ALL ON ALL TABLES IN SCHEMA public TO service_role;

-- Row Level Security: a tenant user sees and writes only rows of the tenant in its JWT.
ALTER TABLE public.customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.vehicles  ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.loads     ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.profiles  ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.tenant_feature_flags  ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.tenant_feature_access ENABLE ROW LEVEL SECURITY;

CREATE POLICY customers_tenant_isolation ON public.customers TO authenticated
  USING (tenant_id = auth.tenant_id()) WITH CHECK (tenant_id = auth.tenant_id());
CREATE POLICY vehicles_tenant_isolation ON public.vehicles TO authenticated
  USING (tenant_id = auth.tenant_id()) WITH CHECK (tenant_id = auth.tenant_id());
CREATE POLICY loads_tenant_isolation ON public.loads TO authenticated
  USING (tenant_id = auth.tenant_id()) WITH CHECK (tenant_id = auth.tenant_id());
CREATE POLICY profiles_tenant_read ON public.profiles FOR SELECT TO authenticated
  USING (tenant_id = auth.tenant_id() OR id = auth.uid());
CREATE POLICY tenant_feature_flags_read ON public.tenant_feature_flags FOR SELECT TO authenticated
  USING (tenant_id = auth.tenant_id());
CREATE POLICY tenant_feature_access_read ON public.tenant_feature_access FOR SELECT TO authenticated
  USING (tenant_id = auth.tenant_id());

-- Deliberate flaw for the demo audit: public.drivers holds tenant data but RLS was never enabled.
/* [jooq ignore stop] */
