-- The reference process's verification query, corrected: a tripped killswitch (is_killswitch and
-- globally disabled) blocks whatever any override or channel row says. Admins and other services
-- can ask PostgreSQL the same question the console's engine answers:
--   SELECT * FROM inspector.effective_feature_flags() WHERE feature_key = 'my_flag';
-- A function rather than a view: the console's schema goes into databases that may not have the
-- SaaS tables yet, and a PL/pgSQL body is only resolved when called.
/* [jooq ignore start] */
CREATE FUNCTION inspector.effective_feature_flags()
  RETURNS TABLE (tenant_id uuid, tenant_name text, release_channel text,
                 feature_flag_id uuid, feature_key text, enabled boolean, decided_by text)
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN QUERY
  SELECT t.id, t.name::text, t.release_channel::text, ff.id, ff.key::text,
         CASE WHEN ff.is_killswitch AND NOT ff.default_enabled THEN false
              ELSE COALESCE(tff.enabled, rcff.enabled, ff.default_enabled) END,
         CASE WHEN ff.is_killswitch AND NOT ff.default_enabled THEN 'KILLSWITCH'
              WHEN tff.enabled IS NOT NULL THEN 'TENANT_OVERRIDE'
              WHEN rcff.enabled IS NOT NULL THEN 'CHANNEL_DEFAULT'
              ELSE 'GLOBAL_DEFAULT' END
  FROM public.tenants t
  CROSS JOIN public.feature_flags ff
  LEFT JOIN public.tenant_feature_flags tff
         ON tff.tenant_id = t.id AND tff.feature_flag_id = ff.id
  LEFT JOIN public.release_channel_feature_flags rcff
         ON rcff.feature_flag_id = ff.id AND rcff.release_channel = t.release_channel;
END
$$;

COMMENT ON FUNCTION inspector.effective_feature_flags() IS
  'Server-gate state of every tenant x flag: tripped killswitch, tenant override, channel row, global default (Inspector).';
/* [jooq ignore stop] */
