package dev.inspector.persistence;

import dev.inspector.domain.failure.DatabaseException;
import java.util.Map;
import org.jooq.tools.json.JSONParser;
import org.jooq.tools.json.ParseException;

/** Row images as the history stores them ({@code to_jsonb} of the row), turned into column → value maps. */
public final class RowImages {

    private RowImages() {
    }

    /** Column → value (String, Boolean, Long, Double or null); null for a null image. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            Object value = new JSONParser().parse(json);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (ParseException | RuntimeException e) {
            // fall through: a recorded image that is not a JSON object cannot be compared
        }
        throw new DatabaseException("A recorded row image is not a JSON object: " + abbreviate(json));
    }

    /** Equal as JSON objects: key order and spacing do not matter. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return parse(a).equals(parse(b));
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "…";
    }
}
