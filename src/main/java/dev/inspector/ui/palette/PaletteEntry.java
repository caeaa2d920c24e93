package dev.inspector.ui.palette;

import java.util.Locale;
import java.util.Objects;

/**
 * One thing the palette can find: a flag, a jump from a flag, a tenant, a user, an action or a
 * recorded change; what choosing it does is {@code run}.
 *
 * @param kind   "Flag", "Matrix", "Tenant", "User", "Action", "Change", …
 * @param detail more words to match and to show, e.g. a user's email and tenant
 */
public record PaletteEntry(String kind, String title, String detail, Runnable run) {

    public PaletteEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(run, "run");
    }

    /**
     * How well the entry matches the words typed (every word must occur): 0 for no match, higher
     * for a title that starts with the first word, then for one that contains it.
     */
    int score(String[] words) {
        String title = this.title.toLowerCase(Locale.ROOT);
        String all = kind.toLowerCase(Locale.ROOT) + " " + title + " " + detail.toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (!all.contains(word)) {
                return 0;
            }
        }
        if (words.length == 0) {
            return 1;
        }
        return title.startsWith(words[0]) ? 3 : title.contains(words[0]) ? 2 : 1;
    }

    @Override
    public String toString() {
        return kind + "  " + title + (detail.isEmpty() ? "" : "  ·  " + detail);
    }
}
