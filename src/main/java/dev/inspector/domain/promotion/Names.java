package dev.inspector.domain.promotion;

import java.util.List;

/** Counts and tenant lists in words, short enough for one line of a checklist. */
final class Names {

    private static final int SHOWN = 5;

    private Names() {
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** "A, B, C" or "A, B, C, D, E and 7 more". */
    static String list(List<String> names) {
        if (names.size() <= SHOWN) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, SHOWN)) + " and " + (names.size() - SHOWN) + " more";
    }
}
