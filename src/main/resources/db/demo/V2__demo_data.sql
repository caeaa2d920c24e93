-- =============================================================================
-- V2__demo_data.sql: demo data for the embedded / --init-demo SaaS database.
--
-- Runs after V1__saas_schema.sql in the same Flyway run (one transaction) on an
-- empty database. Every id is fixed or derived with md5(), and every timestamp
-- except those of the brand-new flag (and its one grant) is a fixed literal, so the demo is the
-- same on every machine: no random values, no generated uuids, no upserts.
--
-- What the demo contains:
--   * 10 tenants (uuid 00000000-0000-0000-0000-0000000000NN):
--       01 Default Tenant           internal
--       02 Talbi Logistics LLC      pilot
--       03..10 eight general logistics companies
--   * 30 users (auth.users + profiles, uuid 00000000-0000-0000-0001-0000000000NN):
--       01 Amira Haddad   platform admin, member of Default Tenant
--       02 Jonas Berg     platform admin, tenant_id NULL (no tenant at all)
--       14 Ethan Cole     member of Blue Ridge Haulage, but holds a grant in
--                         Northwind Freight: the "not a member" case
--       others: 2-4 ordinary users per tenant
--   * 15 feature flags (uuid 00000000-0000-0000-0002-0000000000NN), one for
--     every state a flag can be in; see the summary at the end of this file.
--   * tenant overrides (tenant_feature_flags) and user grants
--     (tenant_feature_access), some of them revoked (is_enabled = false).
--   * tenant-owned business data, generated deterministically:
--       95 customers, 78 vehicles, 92 drivers, 262 loads. Every load's customer
--       and vehicle belong to the load's own tenant.
--   * exactly two DELIBERATE isolation flaws for the demo audit to find:
--       (1) one customers row with tenant_id NULL ('Orphaned import row');
--       (2) public.drivers has RLS never enabled (made so by V1, not here).
--     There is no other flaw on purpose.
-- =============================================================================


-- -----------------------------------------------------------------------------
-- Tenants
-- -----------------------------------------------------------------------------
INSERT INTO public.tenants (id, name, release_channel, created_at) VALUES
  ('00000000-0000-0000-0000-000000000001', 'Default Tenant',          'internal', '2024-01-02 09:00:00+00'),
  ('00000000-0000-0000-0000-000000000002', 'Talbi Logistics LLC',     'pilot',    '2024-02-12 09:00:00+00'),
  ('00000000-0000-0000-0000-000000000003', 'Northwind Freight Co.',   'general',  '2024-03-04 09:00:00+00'),
  ('00000000-0000-0000-0000-000000000004', 'Blue Ridge Haulage',      'general',  '2024-04-15 09:00:00+00'),
  ('00000000-0000-0000-0000-000000000005', 'Cascade Cold Chain',      'general',  '2024-05-06 09:00:00+00'),
  ('00000000-0000-0000-0000-000000000006', 'Prairie Line Trucking',   'general',  '2024-06-17 09:00:00+00'),
  ('00000000-0000-0000-0000-000000000007', 'Harbor Point Logistics',  'general',  '2024-08-05 09:00:00+00'),
  ('00000000-0000-0000-0000-000000000008', 'Summit Express Carriers', 'general',  '2024-09-23 09:00:00+00'),
  ('00000000-0000-0000-0000-000000000009', 'Lone Star Flatbed',       'general',  '2024-11-11 09:00:00+00'),
  ('00000000-0000-0000-0000-000000000010', 'Great Lakes Intermodal',  'general',  '2025-01-20 09:00:00+00');


-- -----------------------------------------------------------------------------
-- Users: auth.users first, then one profile each.
-- -----------------------------------------------------------------------------
INSERT INTO auth.users (id, email, created_at) VALUES
  ('00000000-0000-0000-0001-000000000001', 'amira.haddad@platform.example',                '2024-01-02 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000002', 'jonas.berg@platform.example',                  '2024-01-02 10:05:00+00'),
  ('00000000-0000-0000-0001-000000000003', 'priya.nair@platform.example',                  '2024-01-08 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000004', 'lucas.moreau@platform.example',                '2024-01-15 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000005', 'youssef.talbi@talbi-logistics.example',        '2024-02-12 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000006', 'salma.talbi@talbi-logistics.example',          '2024-02-12 10:10:00+00'),
  ('00000000-0000-0000-0001-000000000007', 'karim.benali@talbi-logistics.example',         '2024-02-13 08:30:00+00'),
  ('00000000-0000-0000-0001-000000000008', 'nadia.rahmani@talbi-logistics.example',        '2024-02-20 08:30:00+00'),
  ('00000000-0000-0000-0001-000000000009', 'grace.whitfield@northwind-freight.example',    '2024-03-04 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000010', 'marcus.reed@northwind-freight.example',        '2024-03-05 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000011', 'olivia.chen@northwind-freight.example',        '2024-03-11 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000012', 'daniel.brooks@blueridge-haulage.example',      '2024-04-15 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000013', 'hannah.pierce@blueridge-haulage.example',      '2024-04-16 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000014', 'ethan.cole@blueridge-haulage.example',         '2024-04-22 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000015', 'sofia.alvarez@cascade-coldchain.example',      '2024-05-06 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000016', 'liam.oconnor@cascade-coldchain.example',       '2024-05-07 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000017', 'mei.tanaka@cascade-coldchain.example',         '2024-05-13 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000018', 'caleb.johnson@prairieline-trucking.example',   '2024-06-17 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000019', 'rachel.lindqvist@prairieline-trucking.example','2024-06-18 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000020', 'andre.williams@harborpoint-logistics.example', '2024-08-05 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000021', 'fatima.okafor@harborpoint-logistics.example',  '2024-08-06 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000022', 'tomas.herrera@harborpoint-logistics.example',  '2024-08-12 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000023', 'brianna.scott@summit-express.example',         '2024-09-23 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000024', 'victor.petrov@summit-express.example',         '2024-09-24 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000025', 'dakota.reyes@lonestar-flatbed.example',        '2024-11-11 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000026', 'emily.hawthorne@lonestar-flatbed.example',     '2024-11-12 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000027', 'jamal.carter@lonestar-flatbed.example',        '2024-11-18 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000028', 'katarzyna.nowak@greatlakes-intermodal.example','2025-01-20 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000029', 'ryan.mitchell@greatlakes-intermodal.example',  '2025-01-21 10:00:00+00'),
  ('00000000-0000-0000-0001-000000000030', 'aisha.mensah@greatlakes-intermodal.example',   '2025-01-27 10:00:00+00');

INSERT INTO public.profiles (id, tenant_id, full_name, email, is_platform_admin) VALUES
  -- Platform operators. Amira is a platform admin AND a member of Default Tenant;
  -- Jonas is a platform admin with no tenant at all (tenant_id NULL).
  ('00000000-0000-0000-0001-000000000001', '00000000-0000-0000-0000-000000000001', 'Amira Haddad',      'amira.haddad@platform.example',                true),
  ('00000000-0000-0000-0001-000000000002', NULL,                                   'Jonas Berg',        'jonas.berg@platform.example',                  true),
  ('00000000-0000-0000-0001-000000000003', '00000000-0000-0000-0000-000000000001', 'Priya Nair',        'priya.nair@platform.example',                  false),
  ('00000000-0000-0000-0001-000000000004', '00000000-0000-0000-0000-000000000001', 'Lucas Moreau',      'lucas.moreau@platform.example',                false),
  -- Talbi Logistics LLC (pilot)
  ('00000000-0000-0000-0001-000000000005', '00000000-0000-0000-0000-000000000002', 'Youssef Talbi',     'youssef.talbi@talbi-logistics.example',        false),
  ('00000000-0000-0000-0001-000000000006', '00000000-0000-0000-0000-000000000002', 'Salma Talbi',       'salma.talbi@talbi-logistics.example',          false),
  ('00000000-0000-0000-0001-000000000007', '00000000-0000-0000-0000-000000000002', 'Karim Benali',      'karim.benali@talbi-logistics.example',         false),
  ('00000000-0000-0000-0001-000000000008', '00000000-0000-0000-0000-000000000002', 'Nadia Rahmani',     'nadia.rahmani@talbi-logistics.example',        false),
  -- General tenants
  ('00000000-0000-0000-0001-000000000009', '00000000-0000-0000-0000-000000000003', 'Grace Whitfield',   'grace.whitfield@northwind-freight.example',    false),
  ('00000000-0000-0000-0001-000000000010', '00000000-0000-0000-0000-000000000003', 'Marcus Reed',       'marcus.reed@northwind-freight.example',        false),
  ('00000000-0000-0000-0001-000000000011', '00000000-0000-0000-0000-000000000003', 'Olivia Chen',       'olivia.chen@northwind-freight.example',        false),
  ('00000000-0000-0000-0001-000000000012', '00000000-0000-0000-0000-000000000004', 'Daniel Brooks',     'daniel.brooks@blueridge-haulage.example',      false),
  ('00000000-0000-0000-0001-000000000013', '00000000-0000-0000-0000-000000000004', 'Hannah Pierce',     'hannah.pierce@blueridge-haulage.example',      false),
  -- Ethan Cole is a member of Blue Ridge Haulage only. He still holds a grant
  -- in Northwind Freight (see tenant_feature_access): the "not a member" demo user.
  ('00000000-0000-0000-0001-000000000014', '00000000-0000-0000-0000-000000000004', 'Ethan Cole',        'ethan.cole@blueridge-haulage.example',         false),
  ('00000000-0000-0000-0001-000000000015', '00000000-0000-0000-0000-000000000005', 'Sofia Alvarez',     'sofia.alvarez@cascade-coldchain.example',      false),
  ('00000000-0000-0000-0001-000000000016', '00000000-0000-0000-0000-000000000005', 'Liam O''Connor',    'liam.oconnor@cascade-coldchain.example',       false),
  ('00000000-0000-0000-0001-000000000017', '00000000-0000-0000-0000-000000000005', 'Mei Tanaka',        'mei.tanaka@cascade-coldchain.example',         false),
  ('00000000-0000-0000-0001-000000000018', '00000000-0000-0000-0000-000000000006', 'Caleb Johnson',     'caleb.johnson@prairieline-trucking.example',   false),
  ('00000000-0000-0000-0001-000000000019', '00000000-0000-0000-0000-000000000006', 'Rachel Lindqvist',  'rachel.lindqvist@prairieline-trucking.example',false),
  ('00000000-0000-0000-0001-000000000020', '00000000-0000-0000-0000-000000000007', 'Andre Williams',    'andre.williams@harborpoint-logistics.example', false),
  ('00000000-0000-0000-0001-000000000021', '00000000-0000-0000-0000-000000000007', 'Fatima Okafor',     'fatima.okafor@harborpoint-logistics.example',  false),
  ('00000000-0000-0000-0001-000000000022', '00000000-0000-0000-0000-000000000007', 'Tomás Herrera',     'tomas.herrera@harborpoint-logistics.example',  false),
  ('00000000-0000-0000-0001-000000000023', '00000000-0000-0000-0000-000000000008', 'Brianna Scott',     'brianna.scott@summit-express.example',         false),
  ('00000000-0000-0000-0001-000000000024', '00000000-0000-0000-0000-000000000008', 'Victor Petrov',     'victor.petrov@summit-express.example',         false),
  ('00000000-0000-0000-0001-000000000025', '00000000-0000-0000-0000-000000000009', 'Dakota Reyes',      'dakota.reyes@lonestar-flatbed.example',        false),
  ('00000000-0000-0000-0001-000000000026', '00000000-0000-0000-0000-000000000009', 'Emily Hawthorne',   'emily.hawthorne@lonestar-flatbed.example',     false),
  ('00000000-0000-0000-0001-000000000027', '00000000-0000-0000-0000-000000000009', 'Jamal Carter',      'jamal.carter@lonestar-flatbed.example',        false),
  ('00000000-0000-0000-0001-000000000028', '00000000-0000-0000-0000-000000000010', 'Katarzyna Nowak',   'katarzyna.nowak@greatlakes-intermodal.example',false),
  ('00000000-0000-0000-0001-000000000029', '00000000-0000-0000-0000-000000000010', 'Ryan Mitchell',     'ryan.mitchell@greatlakes-intermodal.example',  false),
  ('00000000-0000-0000-0001-000000000030', '00000000-0000-0000-0000-000000000010', 'Aisha Mensah',      'aisha.mensah@greatlakes-intermodal.example',   false);


-- -----------------------------------------------------------------------------
-- Feature flags: one per interesting state (summary at the end of the file).
-- -----------------------------------------------------------------------------
INSERT INTO public.feature_flags (id, key, name, description, default_enabled, is_killswitch, created_at, updated_at) VALUES
  ('00000000-0000-0000-0002-000000000001', 'route_optimizer_v2', 'Route Optimizer v2',
   'Second-generation multi-day route planner with traffic- and HOS-aware ETAs. Being built and tested internally.',
   false, false, '2025-10-06 09:00:00+00', '2025-10-06 09:00:00+00'),
  ('00000000-0000-0000-0002-000000000002', 'ai_load_matching', 'AI Load Matching',
   'Suggests the best truck and driver for each open load from location, capacity and hours left. Premium: needs a user grant.',
   false, false, '2025-08-18 09:00:00+00', '2025-11-03 09:00:00+00'),
  ('00000000-0000-0000-0002-000000000003', 'eld_hos_dashboard', 'ELD Hours-of-Service Dashboard',
   'Shows each driver''s remaining driving and on-duty hours from the ELD feed, with violation warnings.',
   false, false, '2025-09-01 09:00:00+00', '2025-11-17 09:00:00+00'),
  ('00000000-0000-0000-0002-000000000004', 'live_tracking_map', 'Live Tracking Map',
   'Real-time map of every truck on the road, refreshed every 30 seconds from the telematics provider.',
   false, false, '2025-02-03 09:00:00+00', '2025-05-12 09:00:00+00'),
  ('00000000-0000-0000-0002-000000000005', 'document_scanning', 'Document Scanning (POD / BOL)',
   'Drivers photograph proofs of delivery and bills of lading; OCR attaches them to the load.',
   false, false, '2025-03-10 09:00:00+00', '2025-06-23 09:00:00+00'),
  ('00000000-0000-0000-0002-000000000006', 'customer_portal', 'Customer Self-Service Portal',
   'Shippers log in to follow their loads and download documents. Promoted to general by setting the global default.',
   true, false, '2025-01-13 09:00:00+00', '2025-04-28 09:00:00+00'),
  ('00000000-0000-0000-0002-000000000007', 'fuel_card_sync', 'Fuel Card Sync',
   'Imports fuel card transactions nightly and matches them to trucks. KILLED: the provider API started returning duplicate transactions.',
   false, true, '2025-06-02 09:00:00+00', '2025-12-15 22:40:00+00'),
  ('00000000-0000-0000-0002-000000000008', 'carrier_payments', 'Carrier Payments',
   'Pays owner-operators and partner carriers by ACH. Guarded by an armed killswitch so it can be stopped in seconds.',
   true, true, '2025-04-07 09:00:00+00', '2025-07-21 09:00:00+00'),
  ('00000000-0000-0000-0002-000000000009', 'dark_mode', 'Dark Mode',
   'Dark colour theme for dispatchers on night shift. Never got channel rows: everyone gets the global default.',
   true, false, '2024-12-02 09:00:00+00', '2024-12-02 09:00:00+00'),
  ('00000000-0000-0000-0002-000000000010', 'detention_billing', 'Detention Billing',
   'Adds detention and layover charges to invoices from geofenced arrival and departure times.',
   false, false, '2025-07-14 09:00:00+00', '2025-10-20 09:00:00+00'),
  ('00000000-0000-0000-0002-000000000011', 'temperature_alerts', 'Reefer Temperature Alerts',
   'Alerts dispatch when a reefer trailer leaves its set-point range. Just created: internal testing only.',
   false, false, now(), now()),
  ('00000000-0000-0000-0002-000000000012', 'multi_stop_loads', 'Multi-Stop Loads',
   'Loads with several pickups and drops, each with its own appointment window.',
   false, false, '2025-02-24 09:00:00+00', '2025-06-09 09:00:00+00'),
  ('00000000-0000-0000-0002-000000000013', 'advanced_analytics', 'Advanced Analytics',
   'Lane profitability, empty-mile and on-time reports. Premium: each user needs a grant.',
   false, false, '2025-03-31 09:00:00+00', '2025-08-04 09:00:00+00'),
  ('00000000-0000-0000-0002-000000000014', 'edi_status_feed', 'EDI 214 Status Feed',
   'Sends EDI 214 shipment status messages to shippers. Off by default, switched on per tenant on request.',
   false, false, '2025-05-19 09:00:00+00', '2025-05-19 09:00:00+00'),
  ('00000000-0000-0000-0002-000000000015', 'driver_mobile_app_v3', 'Driver Mobile App v3',
   'New driver app with offline mode and in-app messaging. In pilot with Talbi Logistics.',
   false, false, '2025-09-29 09:00:00+00', '2025-12-01 09:00:00+00');


-- -----------------------------------------------------------------------------
-- Channel defaults. Flags dark_mode and edi_status_feed have NO rows on purpose;
-- customer_portal has no general row and detention_billing no pilot row.
-- -----------------------------------------------------------------------------
INSERT INTO public.release_channel_feature_flags (feature_flag_id, release_channel, enabled, updated_at)
SELECT ff.id, v.release_channel, v.enabled, ff.updated_at
FROM (VALUES
  -- internal only
  ('route_optimizer_v2',   'internal', true),
  ('route_optimizer_v2',   'pilot',    false),
  ('route_optimizer_v2',   'general',  false),
  -- in pilot
  ('ai_load_matching',     'internal', true),
  ('ai_load_matching',     'pilot',    true),
  ('ai_load_matching',     'general',  false),
  ('eld_hos_dashboard',    'internal', true),
  ('eld_hos_dashboard',    'pilot',    true),
  ('eld_hos_dashboard',    'general',  false),
  ('driver_mobile_app_v3', 'internal', true),
  ('driver_mobile_app_v3', 'pilot',    true),
  ('driver_mobile_app_v3', 'general',  false),
  -- general through the general channel row
  ('live_tracking_map',    'internal', true),
  ('live_tracking_map',    'pilot',    true),
  ('live_tracking_map',    'general',  true),
  ('document_scanning',    'internal', true),
  ('document_scanning',    'pilot',    true),
  ('document_scanning',    'general',  true),
  ('multi_stop_loads',     'internal', true),
  ('multi_stop_loads',     'pilot',    true),
  ('multi_stop_loads',     'general',  true),
  ('advanced_analytics',   'internal', true),
  ('advanced_analytics',   'pilot',    true),
  ('advanced_analytics',   'general',  true),
  -- general through feature_flags.default_enabled = true: no general row
  ('customer_portal',      'internal', true),
  ('customer_portal',      'pilot',    true),
  -- TRIPPED killswitch: channel rows still say on, the killswitch wins
  ('fuel_card_sync',       'internal', true),
  ('fuel_card_sync',       'pilot',    true),
  ('fuel_card_sync',       'general',  true),
  -- ARMED killswitch (not tripped): on everywhere
  ('carrier_payments',     'internal', true),
  ('carrier_payments',     'pilot',    true),
  ('carrier_payments',     'general',  true),
  -- pilot row missing: the pilot tenant falls back to default_enabled = false
  ('detention_billing',    'internal', true),
  ('detention_billing',    'general',  true),
  -- brand new: step 1 of the rollout process
  ('temperature_alerts',   'internal', true),
  ('temperature_alerts',   'pilot',    false),
  ('temperature_alerts',   'general',  false)
) AS v (key, release_channel, enabled)
JOIN public.feature_flags ff ON ff.key = v.key;


-- -----------------------------------------------------------------------------
-- Tenant overrides (highest priority after the killswitch).
-- -----------------------------------------------------------------------------
INSERT INTO public.tenant_feature_flags (tenant_id, feature_flag_id, enabled, updated_at)
SELECT v.tenant_id::uuid, ff.id, v.enabled, v.updated_at::timestamptz
FROM (VALUES
  -- ON override: a general tenant gets a pilot-only flag early
  ('00000000-0000-0000-0000-000000000003', 'ai_load_matching',     true,  '2025-11-10 14:00:00+00'),  -- Northwind Freight
  ('00000000-0000-0000-0000-000000000005', 'eld_hos_dashboard',    true,  '2025-11-24 14:00:00+00'),  -- Cascade Cold Chain
  -- ON override on a flag that has no channel rows and default false
  ('00000000-0000-0000-0000-000000000010', 'edi_status_feed',      true,  '2025-06-02 14:00:00+00'),  -- Great Lakes Intermodal
  -- OFF overrides: a tenant opts out
  ('00000000-0000-0000-0000-000000000002', 'driver_mobile_app_v3', false, '2025-12-08 14:00:00+00'),  -- Talbi (pilot) opts out
  ('00000000-0000-0000-0000-000000000009', 'document_scanning',    false, '2025-07-07 14:00:00+00'),  -- Lone Star Flatbed
  ('00000000-0000-0000-0000-000000000008', 'multi_stop_loads',     false, '2025-06-30 14:00:00+00'),  -- Summit Express
  ('00000000-0000-0000-0000-000000000004', 'carrier_payments',     false, '2025-08-11 14:00:00+00'),  -- Blue Ridge Haulage
  -- ON override on the TRIPPED killswitch: must still resolve to BLOCKED
  ('00000000-0000-0000-0000-000000000006', 'fuel_card_sync',       true,  '2025-12-01 14:00:00+00')   -- Prairie Line Trucking
) AS v (tenant_id, key, enabled, updated_at)
JOIN public.feature_flags ff ON ff.key = v.key;


-- -----------------------------------------------------------------------------
-- User grants (tenant_feature_access). is_enabled = false is a revoked grant.
-- -----------------------------------------------------------------------------
INSERT INTO public.tenant_feature_access (tenant_id, user_id, feature_key, is_enabled, granted_at) VALUES
  -- Talbi Logistics (pilot): ai_load_matching for two users, revoked for a third
  ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0001-000000000005', 'ai_load_matching',   true,  '2025-11-03 10:00:00+00'),  -- Youssef Talbi
  ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0001-000000000007', 'ai_load_matching',   true,  '2025-11-03 10:00:00+00'),  -- Karim Benali
  ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0001-000000000008', 'ai_load_matching',   false, '2025-11-03 10:00:00+00'),  -- Nadia Rahmani (revoked)
  ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0001-000000000006', 'advanced_analytics', true,  '2025-08-04 10:00:00+00'),  -- Salma Talbi
  -- Northwind Freight: ai_load_matching via its tenant override; advanced_analytics
  ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0001-000000000009', 'ai_load_matching',   true,  '2025-11-10 15:00:00+00'),  -- Grace Whitfield
  ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0001-000000000009', 'advanced_analytics', true,  '2025-08-05 10:00:00+00'),  -- Grace Whitfield
  ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0001-000000000010', 'advanced_analytics', false, '2025-08-05 10:00:00+00'),  -- Marcus Reed (revoked)
  -- WRONG TENANT: Ethan Cole is a member of Blue Ridge Haulage, not of Northwind
  ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0001-000000000014', 'advanced_analytics', true,  '2025-09-15 10:00:00+00'),  -- Ethan Cole
  -- Cascade Cold Chain: eld_hos_dashboard via its tenant override
  ('00000000-0000-0000-0000-000000000005', '00000000-0000-0000-0001-000000000015', 'eld_hos_dashboard',  true,  '2025-11-24 15:00:00+00'),  -- Sofia Alvarez
  ('00000000-0000-0000-0000-000000000005', '00000000-0000-0000-0001-000000000017', 'eld_hos_dashboard',  false, '2025-11-24 15:00:00+00'),  -- Mei Tanaka (revoked)
  -- Harbor Point Logistics
  ('00000000-0000-0000-0000-000000000007', '00000000-0000-0000-0001-000000000020', 'advanced_analytics', true,  '2025-08-18 10:00:00+00'),  -- Andre Williams
  ('00000000-0000-0000-0000-000000000007', '00000000-0000-0000-0001-000000000021', 'carrier_payments',   true,  '2025-07-22 10:00:00+00'),  -- Fatima Okafor
  -- Blue Ridge Haulage: revoked grant on a flag the tenant has switched off anyway
  ('00000000-0000-0000-0000-000000000004', '00000000-0000-0000-0001-000000000012', 'carrier_payments',   false, '2025-07-22 10:00:00+00'),  -- Daniel Brooks (revoked)
  -- Prairie Line Trucking: grant on the TRIPPED killswitch flag: still blocked
  ('00000000-0000-0000-0000-000000000006', '00000000-0000-0000-0001-000000000018', 'fuel_card_sync',     true,  '2025-12-01 15:00:00+00'),  -- Caleb Johnson
  -- Great Lakes Intermodal: edi_status_feed via its tenant override
  ('00000000-0000-0000-0000-000000000010', '00000000-0000-0000-0001-000000000028', 'edi_status_feed',    true,  '2025-06-02 15:00:00+00'),  -- Katarzyna Nowak
  -- Default Tenant: internal testers
  ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0001-000000000003', 'temperature_alerts', true,  now()),                     -- Priya Nair, granted with the new flag
  -- Grants held by PLATFORM ADMINS (redundant: a platform admin is always allowed)
  ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0001-000000000001', 'route_optimizer_v2', true,  '2025-10-06 10:00:00+00'),  -- Amira Haddad, own tenant
  ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0001-000000000002', 'advanced_analytics', true,  '2025-08-04 10:00:00+00');  -- Jonas Berg, tenant_id NULL


-- -----------------------------------------------------------------------------
-- Tenant-owned business data, generated deterministically.
-- Each statement carries the same small table of per-tenant sizes:
--   no = last two digits of the tenant uuid, code = prefix of plates and load refs,
--   nc/nv/nd/nl = number of customers / vehicles / drivers / loads.
-- Row ids are md5('<kind>-<tenant no>-<i>')::uuid, so a load can name its
-- customer and vehicle of the SAME tenant without a lookup.
-- -----------------------------------------------------------------------------

-- Customers: 94 tenant rows.
INSERT INTO public.customers (id, tenant_id, name, city, created_at)
WITH sizes (no, code, nc, nv, nd, nl) AS (VALUES
  (1, 'DEF',  4,  3,  4, 10), (2, 'TAL', 14, 12, 15, 45), (3, 'NWF', 12, 10, 12, 35),
  (4, 'BRH', 10,  8,  9, 28), (5, 'CCC',  9,  8, 10, 26), (6, 'PLT',  8,  6,  7, 20),
  (7, 'HPL', 11,  9, 11, 30), (8, 'SEC',  7,  6,  6, 18), (9, 'LSF',  9,  7,  8, 22),
  (10,'GLI', 10,  9, 10, 28))
SELECT md5('customer-' || s.no || '-' || i)::uuid,
       t.id,
       (ARRAY['Acme', 'Riverside', 'Golden State', 'Pioneer', 'Midwest', 'Coastal', 'Evergreen', 'Keystone',
              'Red Rock', 'Silver Lake', 'Granite', 'Maple Leaf', 'Iron Horse', 'Blue Sky', 'Sunbelt', 'Heartland'])
         [1 + (s.no * 5 + i) % 16]
       || ' ' ||
       (ARRAY['Foods', 'Building Supply', 'Paper Mills', 'Steel', 'Farms', 'Beverages', 'Electronics',
              'Lumber', 'Auto Parts', 'Chemicals', 'Packaging', 'Furniture'])
         [1 + (s.no * 7 + i * 5) % 12],
       (ARRAY['Chicago', 'Dallas', 'Atlanta', 'Denver', 'Memphis', 'Kansas City', 'Columbus', 'Phoenix',
              'Seattle', 'Nashville', 'Indianapolis', 'Louisville', 'Salt Lake City', 'Omaha', 'Houston',
              'Charlotte', 'Detroit', 'Minneapolis', 'St. Louis', 'Sacramento'])
         [1 + (s.no * 3 + i * 7) % 20],
       t.created_at + (i * interval '3 days')
FROM sizes s
JOIN public.tenants t ON t.id = ('00000000-0000-0000-0000-0000000000' || lpad(s.no::text, 2, '0'))::uuid
CROSS JOIN LATERAL generate_series(1, s.nc) AS i;

-- DELIBERATE ISOLATION FLAW (1) for the demo audit: exactly one customers row
-- without a tenant. RLS (tenant_id = auth.tenant_id()) hides it from every
-- tenant user, but it belongs to nobody. The audit's NULL tenant_id check
-- must report customers: 1.
INSERT INTO public.customers (id, tenant_id, name, city, created_at) VALUES
  ('00000000-0000-0000-0003-000000000001', NULL, 'Orphaned import row', NULL, '2025-09-09 03:14:00+00');

-- Vehicles: 78 rows.
INSERT INTO public.vehicles (id, tenant_id, plate, model, capacity_kg, created_at)
WITH sizes (no, code, nc, nv, nd, nl) AS (VALUES
  (1, 'DEF',  4,  3,  4, 10), (2, 'TAL', 14, 12, 15, 45), (3, 'NWF', 12, 10, 12, 35),
  (4, 'BRH', 10,  8,  9, 28), (5, 'CCC',  9,  8, 10, 26), (6, 'PLT',  8,  6,  7, 20),
  (7, 'HPL', 11,  9, 11, 30), (8, 'SEC',  7,  6,  6, 18), (9, 'LSF',  9,  7,  8, 22),
  (10,'GLI', 10,  9, 10, 28)),
models (m, model, capacity_kg) AS (VALUES
  (0, 'Freightliner Cascadia',  20000), (1, 'Volvo VNL 860',       20500), (2, 'Kenworth T680', 20000),
  (3, 'Peterbilt 579',          19500), (4, 'International LT',    19000), (5, 'Mack Anthem',   20500),
  (6, 'Isuzu NPR-HD',            5400), (7, 'Freightliner M2 106', 11000))
SELECT md5('vehicle-' || s.no || '-' || i)::uuid,
       t.id,
       s.code || '-' || (100 + i * 7 + s.no),
       m.model,
       m.capacity_kg,
       t.created_at + (i * interval '5 days')
FROM sizes s
JOIN public.tenants t ON t.id = ('00000000-0000-0000-0000-0000000000' || lpad(s.no::text, 2, '0'))::uuid
CROSS JOIN LATERAL generate_series(1, s.nv) AS i
JOIN models m ON m.m = (s.no + i * 3) % 8;

-- Drivers: 92 rows. (Flaw (2) concerns this table, see below.)
INSERT INTO public.drivers (id, tenant_id, full_name, license_no, created_at)
WITH sizes (no, code, nc, nv, nd, nl) AS (VALUES
  (1, 'DEF',  4,  3,  4, 10), (2, 'TAL', 14, 12, 15, 45), (3, 'NWF', 12, 10, 12, 35),
  (4, 'BRH', 10,  8,  9, 28), (5, 'CCC',  9,  8, 10, 26), (6, 'PLT',  8,  6,  7, 20),
  (7, 'HPL', 11,  9, 11, 30), (8, 'SEC',  7,  6,  6, 18), (9, 'LSF',  9,  7,  8, 22),
  (10,'GLI', 10,  9, 10, 28))
SELECT md5('driver-' || s.no || '-' || i)::uuid,
       t.id,
       (ARRAY['James', 'Maria', 'Robert', 'Linda', 'Miguel', 'Tanya', 'William', 'Keisha', 'Hector', 'Donna',
              'Samuel', 'Rosa', 'Curtis', 'Yolanda', 'Bogdan', 'Shirley', 'Terrence', 'Ana'])
         [1 + (s.no * 7 + i) % 18]
       || ' ' ||
       (ARRAY['Garcia', 'Smith', 'Johnson', 'Martinez', 'Brown', 'Davis', 'Lopez', 'Wilson', 'Anderson',
              'Thomas', 'Jackson', 'White', 'Harris', 'Kowalski', 'Nguyen', 'Robinson', 'Walker', 'Young',
              'King', 'Wright', 'Hill', 'Green', 'Adams'])
         [1 + (s.no * 11 + i * 5) % 23],
       (ARRAY['IL', 'TX', 'GA', 'CO', 'TN', 'MO', 'OH', 'AZ', 'WA', 'MI'])[s.no]
         || '-CDL-' || lpad(((s.no * 104729 + i * 7919) % 1000000)::text, 6, '0'),
       t.created_at + (i * interval '4 days')
FROM sizes s
JOIN public.tenants t ON t.id = ('00000000-0000-0000-0000-0000000000' || lpad(s.no::text, 2, '0'))::uuid
CROSS JOIN LATERAL generate_series(1, s.nd) AS i;

-- DELIBERATE ISOLATION FLAW (2) for the demo audit: public.drivers holds
-- tenant data (tenant_id NOT NULL) but V1 never enabled Row Level Security on
-- it and gave authenticated SELECT/INSERT/UPDATE/DELETE. Any tenant user can
-- read all 92 drivers of all tenants. Nothing to do here: it is left so on purpose.

-- Loads: 262 rows. The customer and the vehicle of load i of tenant n are
-- customer (i % nc) + 1 and vehicle (i % nv) + 1 OF THE SAME TENANT n; the
-- joins below check that both exist, so a bad size table fails loudly
-- (a row count short of 262) instead of pointing across tenants.
INSERT INTO public.loads (id, tenant_id, customer_id, vehicle_id, reference, origin, destination,
                          weight_kg, status, created_at)
WITH sizes (no, code, nc, nv, nd, nl) AS (VALUES
  (1, 'DEF',  4,  3,  4, 10), (2, 'TAL', 14, 12, 15, 45), (3, 'NWF', 12, 10, 12, 35),
  (4, 'BRH', 10,  8,  9, 28), (5, 'CCC',  9,  8, 10, 26), (6, 'PLT',  8,  6,  7, 20),
  (7, 'HPL', 11,  9, 11, 30), (8, 'SEC',  7,  6,  6, 18), (9, 'LSF',  9,  7,  8, 22),
  (10,'GLI', 10,  9, 10, 28)),
cities (c) AS (VALUES (ARRAY['Chicago, IL', 'Dallas, TX', 'Atlanta, GA', 'Denver, CO', 'Memphis, TN',
                             'Kansas City, MO', 'Columbus, OH', 'Phoenix, AZ', 'Seattle, WA', 'Nashville, TN',
                             'Indianapolis, IN', 'Louisville, KY', 'Salt Lake City, UT', 'Omaha, NE',
                             'Houston, TX', 'Charlotte, NC', 'Detroit, MI', 'Minneapolis, MN',
                             'St. Louis, MO', 'Sacramento, CA'])),
gen AS (
  SELECT s.no, s.code, i,
         (s.no * 3 + i) % 20 AS o,                                  -- origin index 0..19
         ((s.no * 3 + i) % 20 + 1 + (i * 7) % 19) % 20 AS d,        -- never equal to o
         md5('customer-' || s.no || '-' || (i % s.nc + 1))::uuid AS customer_id,
         md5('vehicle-'  || s.no || '-' || (i % s.nv + 1))::uuid AS vehicle_id
  FROM sizes s CROSS JOIN LATERAL generate_series(1, s.nl) AS i)
SELECT md5('load-' || g.no || '-' || g.i)::uuid,
       v.tenant_id,
       c.id,
       v.id,
       g.code || '-L' || lpad((2500 + g.i)::text, 5, '0'),
       ci.c[g.o + 1],
       ci.c[g.d + 1],
       v.capacity_kg * (35 + (g.i * 37 + g.no * 11) % 61) / 100,   -- 35..95 % of the truck's capacity
       CASE WHEN g.i % 10 IN (0, 1)    THEN 'planned'
            WHEN g.i % 10 IN (2, 3, 4) THEN 'in_transit'
            WHEN g.i % 10 = 9          THEN 'cancelled'
            ELSE 'delivered' END,
       timestamptz '2025-11-03 06:00:00+00' + (g.i * interval '17 hours') + (g.no * interval '41 minutes')
FROM gen g
CROSS JOIN cities ci
JOIN public.customers c ON c.id = g.customer_id
JOIN public.vehicles  v ON v.id = g.vehicle_id AND v.tenant_id = c.tenant_id;


-- =============================================================================
-- Summary of the flag states (for the README). "channels" lists
-- release_channel_feature_flags rows as internal/pilot/general; "-" = no row.
-- Resolution: killswitch first, then tenant override, then channel row, then
-- default_enabled. Talbi = pilot, Default Tenant = internal, others = general.
--
--  key                   default kill  channels  state
--  route_optimizer_v2    false   no    on/off/off   internal only
--  temperature_alerts    false   no    on/off/off   internal only, brand new (created_at = now())
--  ai_load_matching      false   no    on/on/off    in pilot; override ON for Northwind (general)
--  eld_hos_dashboard     false   no    on/on/off    in pilot; override ON for Cascade Cold Chain (general)
--  driver_mobile_app_v3  false   no    on/on/off    in pilot; override OFF for Talbi: the pilot tenant opted out
--  live_tracking_map     false   no    on/on/on     general
--  document_scanning     false   no    on/on/on     general; override OFF for Lone Star Flatbed
--  multi_stop_loads      false   no    on/on/on     general; override OFF for Summit Express
--  advanced_analytics    false   no    on/on/on     general, premium (user grants decide per user)
--  customer_portal       true    no    on/on/-      general through the global default (no general row)
--  dark_mode             true    no    -/-/-        no channel rows at all: on everywhere by default
--  edi_status_feed       false   no    -/-/-        no channel rows, off by default; override ON for Great Lakes
--  detention_billing     false   no    on/-/on      pilot row missing: on for internal and general,
--                                                   OFF for the pilot tenant (falls to default false)
--  carrier_payments      true    ARMED on/on/on     killswitch armed, not tripped: on; override OFF for Blue Ridge
--  fuel_card_sync        false   TRIPPED on/on/on   killswitch tripped: BLOCKED everywhere, even for
--                                                   Prairie Line's ON override and Caleb Johnson's grant
--
-- Caveat: the verification query of the rollout process (section 4, step 2)
-- ignores is_killswitch, so it shows fuel_card_sync as enabled for every tenant.
--
-- User grants (tenant_feature_access): 18 rows, 4 revoked (Nadia Rahmani,
-- Marcus Reed, Mei Tanaka, Daniel Brooks); Ethan Cole's grant is in Northwind,
-- a tenant he is not a member of; Amira Haddad and Jonas Berg (platform admins)
-- hold redundant grants, Jonas's in Talbi although he has no tenant.
--
-- What the demo isolation audit should find, and nothing else:
--   (1) customers: 1 row with tenant_id NULL ('Orphaned import row').
--   (2) public.drivers: RLS not enabled, so a tenant user reads all 92 drivers.
-- =============================================================================
