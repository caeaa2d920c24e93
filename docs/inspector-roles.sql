-- Inspector's roles, least privilege. Run once per database as a superuser (psql -f);
-- running it again changes nothing. Then give people LOGIN roles that are members of these.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'inspector_reader') THEN
    CREATE ROLE inspector_reader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'inspector_operator') THEN
    CREATE ROLE inspector_operator NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'inspector_auditor') THEN
    CREATE ROLE inspector_auditor NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'inspector_admin') THEN
    -- not a superuser; BYPASSRLS lets the audit's data checks count every tenant's rows
    CREATE ROLE inspector_admin LOGIN BYPASSRLS;
  END IF;
END
$$;

-- Read-only: the flag list, matrix, explain, the simulator, the history, the audit's schema and data checks.
GRANT USAGE ON SCHEMA public TO inspector_reader;
GRANT SELECT ON public.tenants, public.feature_flags, public.release_channel_feature_flags,
                public.tenant_feature_flags, public.tenant_feature_access TO inspector_reader;
DO $$
BEGIN
  IF to_regclass('public.profiles') IS NOT NULL THEN
    GRANT SELECT ON public.profiles TO inspector_reader;   -- optional user directory
  END IF;
END
$$;

-- Operator: kill, restore, promote, overrides, channels, new flags, grants, moving tenants
-- between channels (needs the console's schema).
GRANT inspector_reader TO inspector_operator;
GRANT INSERT, UPDATE ON public.feature_flags, public.release_channel_feature_flags TO inspector_operator;
GRANT INSERT, UPDATE, DELETE ON public.tenant_feature_flags, public.tenant_feature_access TO inspector_operator;
GRANT UPDATE (release_channel) ON public.tenants TO inspector_operator;

-- Auditor: acts as the API roles for the cross-tenant probes, reads every tenant table.
GRANT inspector_reader TO inspector_auditor;
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticated') THEN
    GRANT authenticated TO inspector_auditor;
  END IF;
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'anon') THEN
    GRANT anon TO inspector_auditor;
  END IF;
END
$$;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO inspector_auditor;   -- and so in every schema with tenant data

-- Admin: all of the above, and the owner of the console's own schema, which it creates and migrates.
GRANT inspector_operator, inspector_auditor TO inspector_admin;
DO $$
BEGIN
  -- Flyway's first migration says CREATE SCHEMA IF NOT EXISTS, which needs CREATE on the database
  EXECUTE format('GRANT CREATE ON DATABASE %I TO inspector_admin', current_database());
END
$$;
CREATE SCHEMA IF NOT EXISTS inspector AUTHORIZATION inspector_admin;
GRANT USAGE ON SCHEMA inspector TO inspector_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE inspector_admin IN SCHEMA inspector GRANT SELECT ON TABLES TO inspector_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE inspector_admin IN SCHEMA inspector
  GRANT INSERT, UPDATE ON TABLES TO inspector_operator, inspector_auditor;
ALTER DEFAULT PRIVILEGES FOR ROLE inspector_admin IN SCHEMA inspector
  GRANT USAGE ON SEQUENCES TO inspector_operator, inspector_auditor;
