package dev.inspector.ui.matrix;

/** How many tenants of one channel have a flag on, for the rollout chart. */
public record ChannelShare(String channel, int on, int total) {

    /** Percent of the channel's tenants with the flag on; 0 for a channel without tenants. */
    public double percentOn() {
        return total == 0 ? 0 : 100.0 * on / total;
    }
}
