package dev.inspector.ui.release;

import dev.inspector.domain.lifecycle.LifecycleStage;
import java.time.Instant;

/**
 * Which part of the flags' lives the table shows. The daily view leaves archived flags out; the
 * others answer the process's questions: what to watch after a promotion, what can leave the code.
 */
public enum LifecycleFilter {
    ACTIVE("Active flags"),
    WATCH("Promoted in the last 48 h"),
    CLEANUP("Cleanup candidates"),
    ARCHIVED("Archived flags"),
    ALL("All flags, archived too");

    private final String label;

    LifecycleFilter(String label) {
        this.label = label;
    }

    /** @param cleanupDays how long a flag must have been on for every tenant to be a cleanup candidate */
    public boolean accepts(FlagRow row, Instant now, int cleanupDays) {
        boolean archived = row.lifecycle().stage() == LifecycleStage.ARCHIVED;
        return switch (this) {
            case ACTIVE -> !archived;
            case WATCH -> !archived && row.lifecycle().watchedPromotion(now).isPresent();
            case CLEANUP -> row.lifecycle().cleanupCandidate(now, cleanupDays);
            case ARCHIVED -> archived;
            case ALL -> true;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
