-- case: starter-kit style multi-tenant schema (accounts in schema basejump, membership in basejump.account_user with owner/member roles, personal and team accounts, owner-only invitations, app tables public.projects and public.project_notes); every policy goes through SECURITY DEFINER helpers with a pinned empty search_path that read only the caller's own memberships via auth.uid(), so nobody reaches an account they do not belong to
-- expect: SAFE
-- path: policy-helper-function
-- tenant-column: account_id
-- membership: basejump.account_user(user_id, account_id)
-- claims: membership
-- @setup
-- Modelled on the shape of open-source Supabase starter kits (e.g. Basejump),
-- written from scratch for this corpus. Applied on top of base.sql; base's
-- public.tenants table is not used here.
--
-- Who is where:
--   Acme    (...0a1): alice owner, carol member
--   Globex  (...0b2): bob owner,   carol member
--   Initech (...0c3): no corpus user (only its data)
--   every user also owns a personal account whose id is their user id.
--
-- carol in two accounts is legitimate. With carol's token
--   {"sub":"00000000-0000-0000-0000-0000000ca401","role":"authenticated"}
-- SELECT account_id, name FROM public.projects returns the Acme and the
-- Globex projects plus her personal project (and none of Initech's), because
-- has_role_on_account() is true for each of her memberships. That is the
-- intended behaviour, not a leak.

CREATE SCHEMA basejump;
GRANT USAGE ON SCHEMA basejump TO authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Accounts and membership
-- ---------------------------------------------------------------------------
CREATE TABLE basejump.accounts (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  primary_owner_user_id uuid NOT NULL REFERENCES auth.users (id),
  name                  text NOT NULL,
  slug                  text UNIQUE,
  personal_account      boolean NOT NULL DEFAULT false,
  created_at            timestamptz NOT NULL DEFAULT now(),
  -- a personal account is the user's own, and its id is the user's id
  CHECK (NOT personal_account OR id = primary_owner_user_id)
);

CREATE TABLE basejump.account_user (
  user_id      uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
  account_id   uuid NOT NULL REFERENCES basejump.accounts (id) ON DELETE CASCADE,
  account_role text NOT NULL CHECK (account_role IN ('owner', 'member')),
  PRIMARY KEY (user_id, account_id)
);

-- ---------------------------------------------------------------------------
-- Helpers. SECURITY DEFINER so that policies on account_user itself can use
-- them without recursing through account_user's own RLS; safe because each
-- one filters on auth.uid() (the verified JWT 'sub') and uses only
-- schema-qualified names under an empty search_path.
-- ---------------------------------------------------------------------------

-- Is the caller a member of account_id (optionally: with exactly this role)?
CREATE FUNCTION basejump.has_role_on_account(account_id uuid, role text DEFAULT NULL)
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = ''
AS $$
  SELECT EXISTS (
    SELECT 1
    FROM basejump.account_user au
    WHERE au.user_id = auth.uid()
      AND au.account_id = has_role_on_account.account_id
      AND (has_role_on_account.role IS NULL OR au.account_role = has_role_on_account.role)
  )
$$;

-- The accounts the caller belongs to (optionally: with this role).
CREATE FUNCTION basejump.get_accounts_with_role(passed_in_role text DEFAULT NULL)
RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = ''
AS $$
  SELECT au.account_id
  FROM basejump.account_user au
  WHERE au.user_id = auth.uid()
    AND (passed_in_role IS NULL OR au.account_role = passed_in_role)
$$;

REVOKE ALL ON FUNCTION basejump.has_role_on_account(uuid, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION basejump.get_accounts_with_role(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION basejump.has_role_on_account(uuid, text) TO authenticated, service_role;
GRANT EXECUTE ON FUNCTION basejump.get_accounts_with_role(text) TO authenticated, service_role;

-- ---------------------------------------------------------------------------
-- RLS on accounts and account_user
-- ---------------------------------------------------------------------------
ALTER TABLE basejump.accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY accounts_members_read ON basejump.accounts FOR SELECT TO authenticated
  USING (basejump.has_role_on_account(id));
CREATE POLICY accounts_owners_update ON basejump.accounts FOR UPDATE TO authenticated
  USING (basejump.has_role_on_account(id, 'owner'))
  WITH CHECK (basejump.has_role_on_account(id, 'owner'));
-- Only names and slugs are editable from the API; accounts are created by
-- the service (sign-up hook / create-account RPC run as service_role).
GRANT SELECT ON basejump.accounts TO authenticated;
GRANT UPDATE (name, slug) ON basejump.accounts TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON basejump.accounts TO service_role;

ALTER TABLE basejump.account_user ENABLE ROW LEVEL SECURITY;
-- Teammates can see each other's membership rows.
CREATE POLICY account_user_members_read ON basejump.account_user FOR SELECT TO authenticated
  USING (basejump.has_role_on_account(account_id));
-- Owners may remove members of their own accounts (never via INSERT/UPDATE:
-- joining happens only through accept_invitation()).
CREATE POLICY account_user_owners_delete ON basejump.account_user FOR DELETE TO authenticated
  USING (basejump.has_role_on_account(account_id, 'owner'));
GRANT SELECT, DELETE ON basejump.account_user TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON basejump.account_user TO service_role;

-- ---------------------------------------------------------------------------
-- Invitations: only owners of an account can see, create or revoke them.
-- ---------------------------------------------------------------------------
CREATE TABLE basejump.invitations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id      uuid NOT NULL REFERENCES basejump.accounts (id) ON DELETE CASCADE,
  account_role    text NOT NULL CHECK (account_role IN ('owner', 'member')),
  token           text NOT NULL UNIQUE 
                  DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
  invited_by_user_id uuid NOT NULL REFERENCES auth.users (id),
  invitation_type text NOT NULL DEFAULT 'one_time' CHECK (invitation_type IN ('one_time', '24_hour')),
  created_at      timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE basejump.invitations ENABLE ROW LEVEL SECURITY;
CREATE POLICY invitations_owners_read ON basejump.invitations FOR SELECT TO authenticated
  USING (basejump.has_role_on_account(account_id, 'owner'));
CREATE POLICY invitations_owners_create ON basejump.invitations FOR INSERT TO authenticated
  WITH CHECK (basejump.has_role_on_account(account_id, 'owner')
              AND invited_by_user_id = (SELECT auth.uid()));
CREATE POLICY invitations_owners_delete ON basejump.invitations FOR DELETE TO authenticated
  USING (basejump.has_role_on_account(account_id, 'owner'));
GRANT SELECT, INSERT, DELETE ON basejump.invitations TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON basejump.invitations TO service_role;

-- Accepting an invitation is the only way to join an account. The caller
-- must present the secret token; the membership row is always for
-- auth.uid(), with the role the owner chose.
CREATE FUNCTION public.accept_invitation(lookup_invitation_token text)
RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
  inv basejump.invitations;
BEGIN
  IF auth.uid() IS NULL THEN
    RAISE EXCEPTION 'not signed in' USING ERRCODE = 'insufficient_privilege';
  END IF;

  SELECT * INTO inv
  FROM basejump.invitations i
  WHERE i.token = lookup_invitation_token
    AND (i.invitation_type = 'one_time' OR i.created_at > now() - interval '24 hours');
  IF NOT FOUND THEN
    RAISE EXCEPTION 'invitation not found or expired' USING ERRCODE = 'insufficient_privilege';
  END IF;

  INSERT INTO basejump.account_user (user_id, account_id, account_role)
  VALUES (auth.uid(), inv.account_id, inv.account_role)
  ON CONFLICT (user_id, account_id) DO NOTHING;

  IF inv.invitation_type = 'one_time' THEN
    DELETE FROM basejump.invitations WHERE id = inv.id;
  END IF;
  RETURN inv.account_id;
END
$$;
REVOKE ALL ON FUNCTION public.accept_invitation(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.accept_invitation(text) TO authenticated;

-- ---------------------------------------------------------------------------
-- Application tables
-- ---------------------------------------------------------------------------
CREATE TABLE public.projects (
  id         bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 1000) PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES basejump.accounts (id) ON DELETE CASCADE,
  name       text NOT NULL,
  created_by uuid REFERENCES auth.users (id) DEFAULT auth.uid(),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, account_id)            -- target of the notes' composite key
);
ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;
CREATE POLICY projects_members_read ON public.projects FOR SELECT TO authenticated
  USING ((SELECT basejump.has_role_on_account(account_id)));
CREATE POLICY projects_members_create ON public.projects FOR INSERT TO authenticated
  WITH CHECK ((SELECT basejump.has_role_on_account(account_id)));
CREATE POLICY projects_members_update ON public.projects FOR UPDATE TO authenticated
  USING ((SELECT basejump.has_role_on_account(account_id)))
  WITH CHECK ((SELECT basejump.has_role_on_account(account_id)));
CREATE POLICY projects_owners_delete ON public.projects FOR DELETE TO authenticated
  USING ((SELECT basejump.has_role_on_account(account_id, 'owner')));
GRANT SELECT, INSERT, UPDATE, DELETE ON public.projects TO authenticated;

CREATE TABLE public.project_notes (
  id         bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 1000) PRIMARY KEY,
  project_id bigint NOT NULL,
  account_id uuid NOT NULL,
  author_id  uuid NOT NULL REFERENCES auth.users (id) DEFAULT auth.uid(),
  body       text NOT NULL,
  -- A note always lives in its project's account: the composite key makes a
  -- note that points at another account's project impossible (key checks are
  -- done by the owner, so this holds regardless of RLS).
  FOREIGN KEY (project_id, account_id) REFERENCES public.projects (id, account_id) ON DELETE CASCADE
);
ALTER TABLE public.project_notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY project_notes_members_read ON public.project_notes FOR SELECT TO authenticated
  USING ((SELECT basejump.has_role_on_account(account_id)));
CREATE POLICY project_notes_members_create ON public.project_notes FOR INSERT TO authenticated
  WITH CHECK ((SELECT basejump.has_role_on_account(account_id))
              AND author_id = (SELECT auth.uid()));
CREATE POLICY project_notes_authors_update ON public.project_notes FOR UPDATE TO authenticated
  USING ((SELECT basejump.has_role_on_account(account_id)) AND author_id = (SELECT auth.uid()))
  WITH CHECK ((SELECT basejump.has_role_on_account(account_id)) AND author_id = (SELECT auth.uid()));
CREATE POLICY project_notes_authors_or_owners_delete ON public.project_notes FOR DELETE TO authenticated
  USING ((SELECT basejump.has_role_on_account(account_id))
         AND (author_id = (SELECT auth.uid())
              OR (SELECT basejump.has_role_on_account(account_id, 'owner'))));
GRANT SELECT, INSERT, UPDATE, DELETE ON public.project_notes TO authenticated;

-- ---------------------------------------------------------------------------
-- Data
-- ---------------------------------------------------------------------------
INSERT INTO basejump.accounts (id, primary_owner_user_id, name, slug, personal_account) VALUES
  ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-00000000a11c', 'Acme',    'acme',    false),
  ('00000000-0000-0000-0000-0000000000b2', '00000000-0000-0000-0000-000000000b0b', 'Globex',  'globex',  false),
  ('00000000-0000-0000-0000-0000000000c3', '00000000-0000-0000-0000-000000000b0b', 'Initech', 'initech', false),
  ('00000000-0000-0000-0000-00000000a11c', '00000000-0000-0000-0000-00000000a11c', 'Alice',   NULL,      true),
  ('00000000-0000-0000-0000-000000000b0b', '00000000-0000-0000-0000-000000000b0b', 'Bob',     NULL,      true),
  ('00000000-0000-0000-0000-0000000ca401', '00000000-0000-0000-0000-0000000ca401', 'Carol',   NULL,      true);

-- Initech's owner left the company (membership removed); its data remains.
INSERT INTO basejump.account_user (user_id, account_id, account_role) VALUES
  ('00000000-0000-0000-0000-00000000a11c', '00000000-0000-0000-0000-00000000a11c', 'owner'),
  ('00000000-0000-0000-0000-000000000b0b', '00000000-0000-0000-0000-000000000b0b', 'owner'),
  ('00000000-0000-0000-0000-0000000ca401', '00000000-0000-0000-0000-0000000ca401', 'owner'),
  ('00000000-0000-0000-0000-00000000a11c', '00000000-0000-0000-0000-0000000000a1', 'owner'),
  ('00000000-0000-0000-0000-000000000b0b', '00000000-0000-0000-0000-0000000000b2', 'owner'),
  ('00000000-0000-0000-0000-0000000ca401', '00000000-0000-0000-0000-0000000000a1', 'member'),
  ('00000000-0000-0000-0000-0000000ca401', '00000000-0000-0000-0000-0000000000b2', 'member');

INSERT INTO basejump.invitations (account_id, account_role, token, invited_by_user_id, invitation_type) VALUES
  ('00000000-0000-0000-0000-0000000000b2', 'owner', 'globex-secret-invite-token-7f3a9c', '00000000-0000-0000-0000-000000000b0b', '24_hour'),
  ('00000000-0000-0000-0000-0000000000a1', 'member', 'acme-secret-invite-token-19be42', '00000000-0000-0000-0000-00000000a11c', 'one_time');

INSERT INTO public.projects (id, account_id, name, created_by) VALUES
  (1, '00000000-0000-0000-0000-0000000000a1', 'Acme: rocket skates', '00000000-0000-0000-0000-00000000a11c'),
  (2, '00000000-0000-0000-0000-0000000000b2', 'Globex: doomsday device', '00000000-0000-0000-0000-000000000b0b'),
  (3, '00000000-0000-0000-0000-0000000000c3', 'Initech: TPS reports', '00000000-0000-0000-0000-000000000b0b'),
  (4, '00000000-0000-0000-0000-00000000a11c', 'Alice: personal todo', '00000000-0000-0000-0000-00000000a11c'),
  (5, '00000000-0000-0000-0000-0000000ca401', 'Carol: personal todo', '00000000-0000-0000-0000-0000000ca401');
INSERT INTO public.project_notes (project_id, account_id, author_id, body) VALUES
  (1, '00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-00000000a11c', 'Order more ACME rockets'),
  (1, '00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000ca401', 'Carol: reviewed the design'),
  (2, '00000000-0000-0000-0000-0000000000b2', '00000000-0000-0000-0000-000000000b0b', 'Launch codes are in the safe'),
  (2, '00000000-0000-0000-0000-0000000000b2', '00000000-0000-0000-0000-0000000ca401', 'Carol: budget approved'),
  (3, '00000000-0000-0000-0000-0000000000c3', '00000000-0000-0000-0000-000000000b0b', 'Move the red stapler');
-- @proof
-- Sanity: the legitimate paths work for alice (own team account and own
-- personal account), so the false result below is a real refusal.
DO $$
BEGIN
  IF NOT (EXISTS (SELECT 1 FROM public.projects WHERE id = 1)
          AND EXISTS (SELECT 1 FROM public.projects WHERE id = 4)
          AND EXISTS (SELECT 1 FROM public.project_notes WHERE project_id = 1)
          AND EXISTS (SELECT 1 FROM basejump.invitations WHERE account_id = '00000000-0000-0000-0000-0000000000a1')
          AND basejump.has_role_on_account('00000000-0000-0000-0000-0000000000a1', 'owner')) THEN
    RAISE EXCEPTION 'sanity check failed: alice must reach her own accounts';
  END IF;
END
$$;
-- Write attacks. Each is tried on its own; any success is recorded. A refusal
-- is either an RLS/privilege error or a key/constraint violation.
DO $$
DECLARE
  n bigint;
  hits text[] := '{}';
BEGIN
  -- 1. join Globex directly
  BEGIN
    INSERT INTO basejump.account_user (user_id, account_id, account_role)
    VALUES ('00000000-0000-0000-0000-00000000a11c', '00000000-0000-0000-0000-0000000000b2', 'owner');
    hits := array_append(hits, 'insert account_user'::text);
  EXCEPTION WHEN insufficient_privilege OR integrity_constraint_violation THEN
    RAISE NOTICE 'refused: %', SQLERRM;
  END;
  -- 2. re-point her own membership at Globex
  BEGIN
    UPDATE basejump.account_user SET account_id = '00000000-0000-0000-0000-0000000000b2'
    WHERE user_id = '00000000-0000-0000-0000-00000000a11c';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN hits := array_append(hits, 'update account_user'::text); END IF;
  EXCEPTION WHEN insufficient_privilege OR integrity_constraint_violation THEN
    RAISE NOTICE 'refused: %', SQLERRM;
  END;
  -- 3. mint an invitation to Globex for herself
  BEGIN
    INSERT INTO basejump.invitations (account_id, account_role, invited_by_user_id)
    VALUES ('00000000-0000-0000-0000-0000000000b2', 'owner', '00000000-0000-0000-0000-00000000a11c');
    hits := array_append(hits, 'insert invitation'::text);
  EXCEPTION WHEN insufficient_privilege OR integrity_constraint_violation THEN
    RAISE NOTICE 'refused: %', SQLERRM;
  END;
  -- 4. accept a guessed token
  BEGIN
    PERFORM public.accept_invitation('globex-invite');
    hits := array_append(hits, 'accept guessed invitation'::text);
  EXCEPTION WHEN insufficient_privilege OR integrity_constraint_violation THEN
    RAISE NOTICE 'refused: %', SQLERRM;
  END;
  -- 5. create a project in Globex
  BEGIN
    INSERT INTO public.projects (account_id, name)
    VALUES ('00000000-0000-0000-0000-0000000000b2', 'Planted by Acme');
    hits := array_append(hits, 'insert project'::text);
  EXCEPTION WHEN insufficient_privilege OR integrity_constraint_violation THEN
    RAISE NOTICE 'refused: %', SQLERRM;
  END;
  -- 6. move her projects into Globex (unfiltered PATCH)
  BEGIN
    UPDATE public.projects SET account_id = '00000000-0000-0000-0000-0000000000b2';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN hits := array_append(hits, 'move project'::text); END IF;
  EXCEPTION WHEN insufficient_privilege OR integrity_constraint_violation THEN
    RAISE NOTICE 'refused: %', SQLERRM;
  END;
  -- 7. attach an Acme-tagged note to Globex's project 2
  BEGIN
    INSERT INTO public.project_notes (project_id, account_id, body)
    VALUES (2, '00000000-0000-0000-0000-0000000000a1', 'Planted by Acme');
    hits := array_append(hits, 'note on foreign project'::text);
  EXCEPTION WHEN insufficient_privilege OR integrity_constraint_violation THEN
    RAISE NOTICE 'refused: %', SQLERRM;
  END;
  -- 8. rename Globex / delete its projects and notes (unfiltered)
  BEGIN
    UPDATE basejump.accounts SET name = 'Pwned';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 2 THEN hits := array_append(hits, 'rename foreign account'::text); END IF;  -- alice owns Acme and her personal account
  EXCEPTION WHEN insufficient_privilege OR integrity_constraint_violation THEN
    RAISE NOTICE 'refused: %', SQLERRM;
  END;
  -- (alice has no notes in her personal account, so every row matched here is foreign)
  BEGIN
    DELETE FROM public.project_notes
    WHERE account_id NOT IN ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-00000000a11c');
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN hits := array_append(hits, 'delete foreign notes'::text); END IF;
    DELETE FROM public.projects
    WHERE account_id NOT IN ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-00000000a11c');
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN hits := array_append(hits, 'delete foreign projects'::text); END IF;
    DELETE FROM basejump.account_user WHERE account_id = '00000000-0000-0000-0000-0000000000b2';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN hits := array_append(hits, 'delete foreign memberships'::text); END IF;
  EXCEPTION WHEN insufficient_privilege OR integrity_constraint_violation THEN
    RAISE NOTICE 'refused: %', SQLERRM;
  END;
  PERFORM set_config('corpus.hits', array_to_string(hits, ', '), true);
  PERFORM set_config('corpus.leaked', (cardinality(hits) > 0)::text, true);
END
$$;
-- Read attacks and the verdict. Alice may see only Acme (a1) and her
-- personal account (her user id); any other row she can see is a leak.
SELECT current_setting('corpus.leaked', true)::boolean
       OR EXISTS (SELECT 1 FROM public.projects
                  WHERE account_id NOT IN ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-00000000a11c'))
       OR EXISTS (SELECT 1 FROM public.project_notes
                  WHERE account_id NOT IN ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-00000000a11c'))
       OR EXISTS (SELECT 1 FROM basejump.accounts
                  WHERE id NOT IN ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-00000000a11c'))
       OR EXISTS (SELECT 1 FROM basejump.account_user
                  WHERE account_id NOT IN ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-00000000a11c'))
       OR EXISTS (SELECT 1 FROM basejump.invitations
                  WHERE account_id <> '00000000-0000-0000-0000-0000000000a1')
       OR EXISTS (SELECT 1 FROM basejump.get_accounts_with_role()
                  WHERE get_accounts_with_role NOT IN ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-00000000a11c'))
       OR basejump.has_role_on_account('00000000-0000-0000-0000-0000000000b2')
       OR basejump.has_role_on_account('00000000-0000-0000-0000-0000000000c3')
       AS leaked;
