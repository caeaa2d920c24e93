-- Isolation corpus: shared base.
--
-- Applied as a superuser to a fresh, empty database before every case in
-- broken/, safe/ and starter/. It models the parts of a Supabase project that
-- every case relies on: the API roles, a minimal auth schema with the JWT
-- helpers, a tenant registry and three users. It holds no tenant-owned
-- business tables, memberships or policies; each case creates its own.
--
-- Roles are cluster-wide, so they are created only when missing, and their
-- attributes and memberships are reset to the baseline every time: a case
-- that grants some role to `authenticated` must not leak into the next case
-- (or into a second database of the same cluster).
--
-- Compatible with PostgreSQL 14-17.

-- ---------------------------------------------------------------------------
-- API roles (Supabase style)
-- ---------------------------------------------------------------------------
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'anon') THEN
    CREATE ROLE anon NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'authenticated') THEN
    CREATE ROLE authenticated NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'service_role') THEN
    CREATE ROLE service_role NOLOGIN BYPASSRLS;
  END IF;
END
$$;

-- Pin the baseline attributes (a previous run may have left them altered).
ALTER ROLE anon          NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
ALTER ROLE authenticated NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
ALTER ROLE service_role  NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION BYPASSRLS   INHERIT;

-- Drop any membership of the API roles in other roles that an earlier case
-- granted (role-escalation cases do exactly that). Role names come from the
-- catalog and are quoted with %I.
DO $$
DECLARE
  m record;
BEGIN
  FOR m IN
    SELECT g.rolname AS granted_role, u.rolname AS member_role
    FROM pg_catalog.pg_auth_members am
    JOIN pg_catalog.pg_roles g ON g.oid = am.roleid
    JOIN pg_catalog.pg_roles u ON u.oid = am.member
    WHERE u.rolname IN ('anon', 'authenticated', 'service_role')
  LOOP
    EXECUTE format('REVOKE %I FROM %I', m.granted_role, m.member_role);
  END LOOP;
END
$$;

-- PostgreSQL 14 still lets every role CREATE in schema public; 15+ does not.
-- Make all versions behave like 15+ so that no case depends on the version.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- auth schema: users and JWT helpers
-- ---------------------------------------------------------------------------
CREATE SCHEMA auth;
GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;

CREATE TABLE auth.users (
  id                 uuid PRIMARY KEY,
  email              text,
  raw_user_meta_data jsonb DEFAULT '{}',  -- editable by the user (Auth "updateUser")
  raw_app_meta_data  jsonb DEFAULT '{}'   -- editable only by the server / service role
);

-- The claims of the verified JWT of the current request, as PostgREST sets them.
CREATE FUNCTION auth.jwt() RETURNS jsonb
LANGUAGE sql STABLE
AS $$
  SELECT coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
$$;

-- The id of the calling user (the 'sub' claim).
CREATE FUNCTION auth.uid() RETURNS uuid
LANGUAGE sql STABLE
AS $$
  SELECT nullif(auth.jwt() ->> 'sub', '')::uuid
$$;

REVOKE ALL ON FUNCTION auth.jwt() FROM PUBLIC;
REVOKE ALL ON FUNCTION auth.uid() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth.jwt() TO anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION auth.uid() TO anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Tenant registry (no grants, no RLS here: cases decide how it is exposed)
-- ---------------------------------------------------------------------------
CREATE TABLE public.tenants (
  id   uuid PRIMARY KEY,
  name text NOT NULL
);

INSERT INTO public.tenants (id, name) VALUES
  ('00000000-0000-0000-0000-0000000000a1', 'Acme'),
  ('00000000-0000-0000-0000-0000000000b2', 'Globex'),
  ('00000000-0000-0000-0000-0000000000c3', 'Initech');

-- ---------------------------------------------------------------------------
-- Users. Tenant affiliation is recorded in app_metadata (server-controlled),
-- as the harness JWT does for alice. Cases with a membership table insert:
--   alice -> Acme, bob -> Globex, carol -> Acme and Globex.
-- ---------------------------------------------------------------------------
INSERT INTO auth.users (id, email, raw_user_meta_data, raw_app_meta_data) VALUES
  ('00000000-0000-0000-0000-00000000a11c', 'alice@acme.test', '{}',
   '{"tenant_id": "00000000-0000-0000-0000-0000000000a1"}'),
  ('00000000-0000-0000-0000-000000000b0b', 'bob@globex.test', '{}',
   '{"tenant_id": "00000000-0000-0000-0000-0000000000b2"}'),
  ('00000000-0000-0000-0000-0000000ca401', 'carol@consultant.test', '{}',
   '{"tenant_id": "00000000-0000-0000-0000-0000000000a1"}');
