package dev.inspector.domain.promotion;

import dev.inspector.domain.resolution.GateSnapshot;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the gates look at: the gate tables, the latest isolation audit (none until issue #5
 * exists), when the flag was last switched on for pilot according to the change history, and now.
 */
public record PromotionInputs(GateSnapshot snapshot, String flagKey, PromotionTarget target,
                              Optional<AuditSummary> latestAudit, Optional<OffsetDateTime> pilotEnabledAt,
                              OffsetDateTime now) {

    public PromotionInputs {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(flagKey, "flagKey");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(latestAudit, "latestAudit");
        Objects.requireNonNull(pilotEnabledAt, "pilotEnabledAt");
        Objects.requireNonNull(now, "now");
    }
}
