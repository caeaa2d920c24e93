package dev.inspector.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/** The rollout process's rule for flag keys: lowercase snake_case, 3 to 64 characters. */
public final class FlagKeys {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    private FlagKeys() {
    }

    /** Why the key is not acceptable, or empty when it is. */
    public static Optional<String> problem(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("Enter a key.");
        }
        if (key.length() < 3 || key.length() > 64) {
            return Optional.of("A key has 3 to 64 characters; this one has " + key.length() + ".");
        }
        if (!SNAKE_CASE.matcher(key).matches()) {
            return Optional.of("A key is lowercase snake_case: letters a-z, digits and single underscores, "
                    + "starting with a letter (e.g. route_optimizer_v2).");
        }
        return Optional.empty();
    }
}
