package dev.inspector.persistence;

import java.util.Arrays;
import java.util.Optional;

/**
 * How to put a row of each table the console writes back into a recorded state. The statements are
 * fixed text; the row images from the change history are always bound values, turned back into rows
 * by {@code jsonb_populate_record}, so no recorded content ever becomes SQL.
 */
enum RestorableTable {

    FEATURE_FLAGS("feature_flags", "f.key = i.key",
            "UPDATE public.feature_flags f SET name = i.name, description = i.description, "
                    + "default_enabled = i.default_enabled, is_killswitch = i.is_killswitch, updated_at = now() "
                    + "FROM jsonb_populate_record(NULL::public.feature_flags, ?::jsonb) i WHERE f.key = i.key",
            "INSERT INTO public.feature_flags (id, key, name, description, default_enabled, is_killswitch) "
                    + "SELECT id, key, name, description, default_enabled, is_killswitch "
                    + "FROM jsonb_populate_record(NULL::public.feature_flags, ?::jsonb)"),
    CHANNELS("release_channel_feature_flags",
            "f.feature_flag_id = i.feature_flag_id AND f.release_channel = i.release_channel",
            null,
            "INSERT INTO public.release_channel_feature_flags (feature_flag_id, release_channel, enabled) "
                    + "SELECT feature_flag_id, release_channel, enabled "
                    + "FROM jsonb_populate_record(NULL::public.release_channel_feature_flags, ?::jsonb) "
                    + "ON CONFLICT (feature_flag_id, release_channel) "
                    + "DO UPDATE SET enabled = excluded.enabled, updated_at = now()"),
    OVERRIDES("tenant_feature_flags",
            "f.tenant_id = i.tenant_id AND f.feature_flag_id = i.feature_flag_id",
            null,
            "INSERT INTO public.tenant_feature_flags (tenant_id, feature_flag_id, enabled) "
                    + "SELECT tenant_id, feature_flag_id, enabled "
                    + "FROM jsonb_populate_record(NULL::public.tenant_feature_flags, ?::jsonb) "
                    + "ON CONFLICT (tenant_id, feature_flag_id) "
                    + "DO UPDATE SET enabled = excluded.enabled, updated_at = now()");

    final String table;
    private final String match;
    private final String update;
    private final String upsert;

    RestorableTable(String table, String match, String update, String upsert) {
        this.table = table;
        this.match = match;
        this.update = update;
        this.upsert = upsert;
    }

    static Optional<RestorableTable> of(String table) {
        return Arrays.stream(values()).filter(t -> t.table.equals(table)).findFirst();
    }

    /** The row as it is now (locked), found by the key columns of {@code ?::jsonb}. */
    String currentImage() {
        return "SELECT to_jsonb(f)::text FROM public." + table + " f, "
                + "jsonb_populate_record(NULL::public." + table + ", ?::jsonb) i WHERE " + match + " FOR UPDATE OF f";
    }

    String delete() {
        return "DELETE FROM public." + table + " f USING jsonb_populate_record(NULL::public." + table
                + ", ?::jsonb) i WHERE " + match;
    }

    /** Writes the recorded image over an existing row, or inserts it. */
    String put(boolean rowExists) {
        return rowExists && update != null ? update : upsert;
    }
}
