-- Exactly the tables and columns of the reference document (feature-rollout-process.md, section 3),
-- with the keys its own SQL relies on (ON CONFLICT (feature_flag_id, release_channel),
-- ON CONFLICT (tenant_id, feature_flag_id)) and nothing else: no profiles, no updated_at, no
-- created_at, no foreign keys, no Row Level Security. Text columns are plain text.
CREATE TABLE public.tenants (
  id              uuid PRIMARY KEY,
  name            text NOT NULL,
  release_channel text
);

CREATE TABLE public.feature_flags (
  id              uuid PRIMARY KEY,
  key             text NOT NULL UNIQUE,
  name            text,
  description     text,
  default_enabled boolean NOT NULL DEFAULT false,
  is_killswitch   boolean NOT NULL DEFAULT false
);

CREATE TABLE public.release_channel_feature_flags (
  feature_flag_id uuid NOT NULL,
  release_channel text NOT NULL,
  enabled         boolean NOT NULL,
  UNIQUE (feature_flag_id, release_channel)
);

CREATE TABLE public.tenant_feature_flags (
  tenant_id       uuid NOT NULL,
  feature_flag_id uuid NOT NULL,
  enabled         boolean NOT NULL,
  UNIQUE (tenant_id, feature_flag_id)
);

CREATE TABLE public.tenant_feature_access (
  tenant_id   uuid NOT NULL,
  user_id     uuid NOT NULL,
  feature_key text NOT NULL,
  is_enabled  boolean NOT NULL
);

INSERT INTO public.tenants (id, name, release_channel) VALUES
  ('10000000-0000-0000-0000-000000000001', 'Default Tenant', 'internal'),
  ('10000000-0000-0000-0000-000000000002', 'Talbi Logistics LLC', 'pilot'),
  ('10000000-0000-0000-0000-000000000003', 'Acme Freight', 'general'),
  ('10000000-0000-0000-0000-000000000004', 'Globex Haulage', 'general'),
  ('10000000-0000-0000-0000-000000000005', 'Initech Cargo', 'general');

INSERT INTO public.feature_flags (id, key, name, description, default_enabled, is_killswitch) VALUES
  ('20000000-0000-0000-0000-000000000001', 'route_planner', 'Route planner', 'internal only', false, false),
  ('20000000-0000-0000-0000-000000000002', 'load_board', 'Load board', 'in pilot', false, false),
  ('20000000-0000-0000-0000-000000000003', 'live_map', 'Live map', 'general, one opt-out', false, false),
  ('20000000-0000-0000-0000-000000000004', 'payments', 'Payments', 'armed killswitch', true, true),
  ('20000000-0000-0000-0000-000000000005', 'analytics', 'Analytics', 'premium: user grants', false, false);

INSERT INTO public.release_channel_feature_flags (feature_flag_id, release_channel, enabled) VALUES
  ('20000000-0000-0000-0000-000000000001', 'internal', true),
  ('20000000-0000-0000-0000-000000000001', 'pilot', false),
  ('20000000-0000-0000-0000-000000000001', 'general', false),
  ('20000000-0000-0000-0000-000000000002', 'internal', true),
  ('20000000-0000-0000-0000-000000000002', 'pilot', true),
  ('20000000-0000-0000-0000-000000000002', 'general', false),
  ('20000000-0000-0000-0000-000000000003', 'internal', true),
  ('20000000-0000-0000-0000-000000000003', 'pilot', true),
  ('20000000-0000-0000-0000-000000000003', 'general', true),
  ('20000000-0000-0000-0000-000000000004', 'internal', true),
  ('20000000-0000-0000-0000-000000000004', 'pilot', true),
  ('20000000-0000-0000-0000-000000000004', 'general', true),
  ('20000000-0000-0000-0000-000000000005', 'internal', true),
  ('20000000-0000-0000-0000-000000000005', 'pilot', true),
  ('20000000-0000-0000-0000-000000000005', 'general', true);

INSERT INTO public.tenant_feature_flags (tenant_id, feature_flag_id, enabled) VALUES
  ('10000000-0000-0000-0000-000000000004', '20000000-0000-0000-0000-000000000003', false),
  ('10000000-0000-0000-0000-000000000003', '20000000-0000-0000-0000-000000000002', true);

INSERT INTO public.tenant_feature_access (tenant_id, user_id, feature_key, is_enabled) VALUES
  ('10000000-0000-0000-0000-000000000003', '30000000-0000-0000-0000-000000000001', 'analytics', true),
  ('10000000-0000-0000-0000-000000000003', '30000000-0000-0000-0000-000000000002', 'analytics', false),
  ('10000000-0000-0000-0000-000000000004', '30000000-0000-0000-0000-000000000003', 'analytics', true);
