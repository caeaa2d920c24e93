package dev.inspector.domain.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A flag's stage with what the history says about it: the last change that could have moved it
 * (so how long it has been where it is) and its last promotion, which the process asks the admin
 * to watch for 48 hours.
 *
 * @param lastChange the newest recorded change of the flag's state; empty when the history has none
 * @param lastPromotion the newest recorded promotion
 */
public record FlagLifecycle(LifecycleStage stage, Optional<StageMark> lastChange, Optional<StageMark> lastPromotion) {

    /** How long the process asks to watch a flag after a promotion. */
    public static final Duration WATCH = Duration.ofHours(48);

    public static FlagLifecycle unknown(LifecycleStage stage) {
        return new FlagLifecycle(stage, Optional.empty(), Optional.empty());
    }

    /** Whole days in the current stage; empty when the history does not say since when. */
    public Optional<Long> daysInStage(Instant now) {
        return lastChange.map(mark -> Duration.between(mark.at(), now).toDays());
    }

    /** The promotion still under watch: within the last 48 hours. */
    public Optional<StageMark> watchedPromotion(Instant now) {
        return lastPromotion.filter(mark -> !mark.at().isBefore(now.minus(WATCH)));
    }

    /**
     * On for every tenant for longer than {@code days}: its flag can leave the code. A flag fully on
     * since before the history began counts too: it has been so at least that long.
     */
    public boolean cleanupCandidate(Instant now, int days) {
        return stage == LifecycleStage.FULLY_ON && daysInStage(now).map(d -> d >= days).orElse(true);
    }

    /** "pilot · 12 d", "general · promoted 5 h ago by alice", "fully on". */
    public String words(Instant now) {
        Optional<StageMark> watched = watchedPromotion(now);
        if (watched.isPresent()) {
            long hours = Duration.between(watched.get().at(), now).toHours();
            return stage.words() + " · promoted " + (hours == 0 ? "just now" : hours + " h ago")
                    + (watched.get().who().isEmpty() ? "" : " by " + watched.get().who());
        }
        return stage.words() + daysInStage(now).map(d -> " · " + d + " d").orElse("");
    }
}
