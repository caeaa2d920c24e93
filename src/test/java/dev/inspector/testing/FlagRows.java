package dev.inspector.testing;

/**
 * Every stored byte of a flag, for "exactly as before" assertions: its feature_flags row, its channel
 * rows and its overrides, each as PostgreSQL's JSON of the whole row (every column the table has,
 * timestamps included), in a fixed order.
 */
public final class FlagRows {

    private FlagRows() {
    }

    public static String of(TestDatabase db, String flagKey) {
        Object state = db.dsl().fetchValue("""
                SELECT (SELECT to_jsonb(f)::text FROM public.feature_flags f WHERE f.key = ?)
                    || ' | ' || coalesce((SELECT string_agg(to_jsonb(c)::text, ',' ORDER BY c.release_channel)
                                 FROM public.release_channel_feature_flags c
                                 JOIN public.feature_flags f ON f.id = c.feature_flag_id WHERE f.key = ?), '')
                    || ' | ' || coalesce((SELECT string_agg(to_jsonb(o)::text, ',' ORDER BY o.tenant_id)
                                 FROM public.tenant_feature_flags o
                                 JOIN public.feature_flags f ON f.id = o.feature_flag_id WHERE f.key = ?), '')
                """, flagKey, flagKey, flagKey);
        return String.valueOf(state);
    }
}
