package dev.inspector.bench;

import java.util.Locale;
import org.jooq.DSLContext;

/**
 * The data of the performance figures, generated set-based in the database (seconds, not minutes):
 * {@code tenants} tenants (1 % internal, 3 % pilot, the rest general) × {@code flags} flags with
 * channel rows for about 90 % of the flag × channel pairs, 5 % of the cells overridden (exactly
 * {@code flags / 20} flags per tenant), killswitch flags (every 25th, half of them tripped),
 * {@code users} users in the tenants (every 500th a platform admin of no tenant) and one grant per
 * user. Deterministic: {@code md5} of running numbers, no random values. Added beside the demo rows.
 */
final class BenchData {

    final int tenants;
    final int flags;
    final int users;

    BenchData(int tenants, int flags, int users) {
        this.tenants = tenants;
        this.flags = flags;
        this.users = users;
    }

    static BenchData fromArgs(String[] args, int tenants, int flags, int users) {
        return new BenchData(arg(args, 0, tenants), arg(args, 1, flags), arg(args, 2, users));
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index].replaceAll("[_,]", "")) : fallback;
    }

    /** A tenant of the generated data that is on the general channel. */
    static String sampleTenantName() {
        return "Bench Tenant 000007";
    }

    /** A flag of the generated data with a channel row for general. */
    static String sampleFlagKey() {
        return "bench_flag_0002";
    }

    void populate(DSLContext dsl) {
        int perTenant = Math.max(1, flags / 20);
        dsl.execute(String.format(Locale.ROOT, """
                INSERT INTO public.tenants (id, name, release_channel)
                SELECT md5('bench-tenant-' || i)::uuid, 'Bench Tenant ' || lpad(i::text, 6, '0'),
                       CASE WHEN i %% 100 = 0 THEN 'internal' WHEN i %% 33 = 0 THEN 'pilot' ELSE 'general' END
                FROM generate_series(1, %d) AS i""", tenants));
        dsl.execute(String.format(Locale.ROOT, """
                INSERT INTO public.feature_flags (id, key, name, description, default_enabled, is_killswitch)
                SELECT md5('bench-flag-' || f)::uuid, 'bench_flag_' || lpad(f::text, 4, '0'), 'Bench flag ' || f, '',
                       CASE WHEN f %% 25 = 0 THEN f %% 50 = 25 ELSE f %% 3 = 0 END, f %% 25 = 0
                FROM generate_series(1, %d) AS f""", flags));
        dsl.execute(String.format(Locale.ROOT, """
                INSERT INTO public.release_channel_feature_flags (feature_flag_id, release_channel, enabled)
                SELECT md5('bench-flag-' || f)::uuid, (ARRAY['internal', 'pilot', 'general'])[c + 1], (f + c) %% 2 = 0
                FROM generate_series(1, %d) AS f, generate_series(0, 2) AS c
                WHERE (f * 3 + c) %% 10 <> 0""", flags));
        for (int from = 1; from <= tenants; from += 10_000) {   // in slices: one statement stays within the socket timeout
            dsl.execute(String.format(Locale.ROOT, """
                    INSERT INTO public.tenant_feature_flags (tenant_id, feature_flag_id, enabled)
                    SELECT md5('bench-tenant-' || t)::uuid, md5('bench-flag-' || (1 + (t * 37 + k * 20) %% %d))::uuid,
                           (t * 31 + k * 17) %% 2 = 0
                    FROM generate_series(%d, %d) AS t, generate_series(0, %d) AS k
                    ON CONFLICT DO NOTHING""", flags, from, Math.min(tenants, from + 9_999), perTenant - 1));
        }
        dsl.execute(String.format(Locale.ROOT, """
                INSERT INTO auth.users (id, email)
                SELECT md5('bench-user-' || u)::uuid, 'user' || u || '@bench.example'
                FROM generate_series(1, %d) AS u""", users));
        dsl.execute(String.format(Locale.ROOT, """
                INSERT INTO public.profiles (id, tenant_id, full_name, email, is_platform_admin)
                SELECT md5('bench-user-' || u)::uuid,
                       CASE WHEN u %% 500 = 0 THEN NULL ELSE md5('bench-tenant-' || (1 + u %% %d))::uuid END,
                       'Bench User ' || u, 'user' || u || '@bench.example', u %% 500 = 0
                FROM generate_series(1, %d) AS u""", tenants, users));
        dsl.execute(String.format(Locale.ROOT, """
                INSERT INTO public.tenant_feature_access (tenant_id, user_id, feature_key, is_enabled)
                SELECT md5('bench-tenant-' || (1 + u %% %d))::uuid, md5('bench-user-' || u)::uuid,
                       'bench_flag_' || lpad((1 + (u * 7) %% %d)::text, 4, '0'), u %% 5 <> 0
                FROM generate_series(1, %d) AS u WHERE u %% 500 <> 0""", tenants, flags, users));
        dsl.execute("ANALYZE");
    }

    String describe(DSLContext dsl) {
        return String.format(Locale.ROOT, "%,d tenants × %,d flags, %,d overrides, %,d users, %,d grants",
                count(dsl, "public.tenants"), count(dsl, "public.feature_flags"),
                count(dsl, "public.tenant_feature_flags"), count(dsl, "public.profiles"),
                count(dsl, "public.tenant_feature_access"));
    }

    private static long count(DSLContext dsl, String table) {
        return dsl.fetchOne("SELECT count(*) FROM " + table).get(0, Long.class);
    }
}
