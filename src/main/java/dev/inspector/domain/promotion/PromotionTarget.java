package dev.inspector.domain.promotion;

import dev.inspector.domain.ReleaseChannel;

/** The two promotions of the rollout process, each guarded by its own gate. */
public enum PromotionTarget {
    PILOT(ReleaseChannel.INTERNAL, ReleaseChannel.PILOT),
    GENERAL(ReleaseChannel.PILOT, ReleaseChannel.GENERAL);

    private final ReleaseChannel from;
    private final ReleaseChannel to;

    PromotionTarget(ReleaseChannel from, ReleaseChannel to) {
        this.from = from;
        this.to = to;
    }

    public ReleaseChannel from() {
        return from;
    }

    public ReleaseChannel to() {
        return to;
    }
}
