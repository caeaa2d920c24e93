package dev.inspector.domain.lifecycle;

import dev.inspector.domain.FlagOverview;
import dev.inspector.domain.ReleaseChannel;

/**
 * Where a flag is on the way the process takes it: internal, pilot, general, then on for everyone
 * (time to remove the flag from the code), then archived. Derived from the flag's state, never
 * stored, so it cannot disagree with what the servers do.
 */
public enum LifecycleStage {
    NOT_RELEASED("not released"),
    INTERNAL("internal"),
    PILOT("pilot"),
    GENERAL("general"),
    FULLY_ON("fully on"),
    ARCHIVED("archived");

    private final String words;

    LifecycleStage(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /**
     * The stage of a flag: archived if archived; fully on when the server gate says on for every
     * tenant; else the widest channel whose row says on (the global default counts as general).
     *
     * @param enabledTenants tenants the server gate says on for; -1 when unknown
     */
    public static LifecycleStage of(FlagOverview flag, boolean archived, int enabledTenants, int tenantCount) {
        if (archived) {
            return ARCHIVED;
        }
        if (tenantCount > 0 && enabledTenants == tenantCount) {
            return FULLY_ON;
        }
        if (flag.flag().defaultEnabled() || flag.channel(ReleaseChannel.GENERAL).orElse(false)) {
            return GENERAL;
        }
        if (flag.channel(ReleaseChannel.PILOT).orElse(false)) {
            return PILOT;
        }
        if (flag.channel(ReleaseChannel.INTERNAL).orElse(false)) {
            return INTERNAL;
        }
        return NOT_RELEASED;
    }
}
