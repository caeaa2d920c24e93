package dev.inspector.ui.release;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.FlagOverview;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.lifecycle.FlagLifecycle;
import java.util.Optional;

/**
 * A line of the flag table: the flag as the admin sees it, with the numbers the gate snapshot
 * gives. The numbers are -1 when the snapshot could not be read (a database without the user
 * tables still shows its flags).
 */
public record FlagRow(FlagOverview overview, int overrideCount, int enabledTenants, int tenantCount,
                      FlagLifecycle lifecycle) {

    public FeatureFlag flag() {
        return overview.flag();
    }

    public String key() {
        return overview.flag().key();
    }

    public Optional<Boolean> channel(ReleaseChannel channel) {
        return overview.channel(channel);
    }

    public boolean hasStats() {
        return tenantCount >= 0;
    }

    /** Share of tenants for which the server gate says on, 0..1; empty without a snapshot or tenants. */
    public Optional<Double> enabledShare() {
        return tenantCount > 0 ? Optional.of((double) enabledTenants / tenantCount) : Optional.empty();
    }
}
