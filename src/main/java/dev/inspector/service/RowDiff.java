package dev.inspector.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jooq.tools.json.JSONParser;
import org.jooq.tools.json.ParseException;

/**
 * What a recorded row change changed, in one line: the history stores whole row images (to_jsonb
 * of the row), where the one field that moved is hard to spot. Timestamps go last: they move with
 * every write and say little.
 */
public final class RowDiff {

    private RowDiff() {
    }

    /** "enabled: false → true"; "new row: enabled = true, …"; "deleted: …"; the raw text if it is not a JSON object. */
    public static String describe(String before, String after) {
        Map<String, Object> old = parse(before);
        Map<String, Object> now = parse(after);
        if ((before != null && old == null) || (after != null && now == null)) {
            return Objects.toString(before, "(none)") + " → " + Objects.toString(after, "(none)");
        }
        if (old == null && now == null) {
            return "";
        }
        if (old == null) {
            return "new row: " + fields(now);
        }
        if (now == null) {
            return "deleted: " + fields(old);
        }
        List<String> changed = new ArrayList<>();
        List<String> stamps = new ArrayList<>();
        TreeMap<String, Object> keys = new TreeMap<>(old);
        keys.putAll(now);
        for (String key : keys.keySet()) {
            Object a = old.get(key);
            Object b = now.get(key);
            if (!Objects.equals(a, b)) {
                (key.endsWith("_at") ? stamps : changed).add(key + ": " + a + " → " + b);
            }
        }
        changed.addAll(stamps);
        return changed.isEmpty() ? "no field changed" : String.join("; ", changed);
    }

    private static String fields(Map<String, Object> row) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(row).forEach((k, v) -> {
            if (!k.endsWith("_at") && !k.endsWith("id")) {
                parts.add(k + " = " + v);
            }
        });
        return String.join(", ", parts);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            Object value = new JSONParser().parse(json);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }
}
