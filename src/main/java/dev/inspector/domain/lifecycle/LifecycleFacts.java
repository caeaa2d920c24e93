package dev.inspector.domain.lifecycle;

import dev.inspector.domain.FlagOverview;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the console's schema knows about the flags' way: which are archived, and per flag its
 * newest recorded state change and promotion. Empty where the console has no history here.
 */
public record LifecycleFacts(Map<String, Instant> archived, Map<String, StageMark> lastChange,
                             Map<String, StageMark> lastPromotion) {

    public LifecycleFacts {
        archived = Map.copyOf(archived);
        lastChange = Map.copyOf(lastChange);
        lastPromotion = Map.copyOf(lastPromotion);
    }

    public static LifecycleFacts none() {
        return new LifecycleFacts(Map.of(), Map.of(), Map.of());
    }

    public boolean archived(String flagKey) {
        return archived.containsKey(flagKey);
    }

    /** The flag's lifecycle; an archive counts as its newest change when the history has none later. */
    public FlagLifecycle of(FlagOverview flag, int enabledTenants, int tenantCount) {
        String key = flag.flag().key();
        LifecycleStage stage = LifecycleStage.of(flag, archived(key), enabledTenants, tenantCount);
        return new FlagLifecycle(stage, Optional.ofNullable(lastChange.get(key)), Optional.ofNullable(lastPromotion.get(key)));
    }
}
