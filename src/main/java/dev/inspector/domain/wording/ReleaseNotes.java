package dev.inspector.domain.wording;

import dev.inspector.domain.ChangeKind;
import dev.inspector.domain.ChangeRecord;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Release notes for a period, in Markdown, from the change history: what was promoted, rolled back,
 * killed, restored or otherwise changed, when, by whom and why, oldest first within each section.
 * Markdown's special characters in what people typed are escaped, so a reason cannot break the page.
 */
public final class ReleaseNotes {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What an incident review reads first, then everything else in the history's own order. */
    private static final List<ChangeKind> ORDER = order();

    private ReleaseNotes() {
    }

    private static List<ChangeKind> order() {
        List<ChangeKind> first = List.of(ChangeKind.PROMOTION, ChangeKind.PROMOTION_OVERRIDDEN, ChangeKind.ROLLBACK,
                ChangeKind.KILLSWITCH, ChangeKind.RESTORE);
        List<ChangeKind> all = new ArrayList<>(first);
        for (ChangeKind kind : ChangeKind.values()) {
            if (!first.contains(kind)) {
                all.add(kind);
            }
        }
        return List.copyOf(all);
    }

    public static String markdown(List<ChangeRecord> changes, LocalDate from, LocalDate until, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        out.append("# Release notes, ").append(from).append(" to ").append(until).append("\n\n");
        if (changes.isEmpty()) {
            return out.append("No recorded changes in this period.\n").toString();
        }
        List<ChangeRecord> oldestFirst = new ArrayList<>(changes);
        oldestFirst.sort(Comparator.comparing(ChangeRecord::happenedAt).thenComparing(ChangeRecord::id));
        for (ChangeKind kind : ORDER) {
            List<ChangeRecord> inSection = oldestFirst.stream().filter(c -> section(c) == kind).toList();
            if (inSection.isEmpty()) {
                continue;
            }
            out.append("## ").append(title(kind)).append("\n\n");
            for (ChangeRecord c : inSection) {
                out.append("- ").append(c.happenedAt().atZoneSameInstant(zone).format(WHEN)).append(" · ")
                        .append(c.flagKey() == null ? "" : "`" + c.flagKey() + "` · ")
                        .append(escape(c.action())).append(" by ").append(escape(c.osUser()))
                        .append(c.reason().isBlank() ? "" : ": " + escape(c.reason()))
                        .append(" (change ").append(c.id()).append(")\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String title(ChangeKind kind) {
        return switch (kind) {
            case PROMOTION -> "Promoted";
            case PROMOTION_OVERRIDDEN -> "Promoted over a failed gate";
            case ROLLBACK -> "Rolled back";
            case KILLSWITCH -> "Killswitch";
            case RESTORE -> "Restored";
            case OTHER -> "Other changes";
            default -> kind.label();
        };
    }

    private static ChangeKind section(ChangeRecord c) {
        return ChangeKind.of(c.action());
    }

    /**
     * Backslash before every character Markdown gives a meaning inside a line (emphasis, code, links,
     * HTML, tables); line breaks become spaces, so nothing typed starts a heading or a list.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.replace('\n', ' ').replace('\r', ' ').toCharArray()) {
            if ("\\`*_[]<>|~".indexOf(ch) >= 0) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }
}
