package dev.inspector.domain.change;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A moment an admin types to look into the past: {@code 2026-12-01} (midnight), {@code 2026-12-01 14:30}
 * or {@code 2026-12-01T14:30:00} in the local time zone, or with an offset ({@code …Z}, {@code …+01:00}).
 */
public final class PastMoment {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private PastMoment() {
    }

    /** The moment, or empty when the text is none of the forms above. */
    public static Optional<OffsetDateTime> parse(String text, ZoneId zone) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(t.replace(' ', 'T')));
        } catch (DateTimeException notOffset) {
            // the forms without an offset follow
        }
        try {
            return Optional.of(LocalDateTime.parse(t.replace(' ', 'T')).atZone(zone).toOffsetDateTime());
        } catch (DateTimeException notLocal) {
            // nor with seconds
        }
        try {
            return Optional.of(LocalDateTime.parse(t, MINUTES).atZone(zone).toOffsetDateTime());
        } catch (DateTimeException notMinutes) {
            // a day alone?
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay(zone).toOffsetDateTime());
        } catch (DateTimeException notDay) {
            return Optional.empty();
        }
    }

    /** Why a text is refused, or empty when it is a usable past moment. */
    public static Optional<String> problem(String text, ZoneId zone, Instant now) {
        Optional<OffsetDateTime> moment = parse(text, zone);
        if (moment.isEmpty()) {
            return Optional.of("'" + text + "' is not a moment: write e.g. 2026-12-01, 2026-12-01 14:30 or 2026-12-01T14:30:00Z.");
        }
        if (moment.get().toInstant().isAfter(now)) {
            return Optional.of(text.strip() + " is in the future: the console can only look back.");
        }
        return Optional.empty();
    }
}
