package dev.inspector.ui.matrix;

import dev.inspector.domain.resolution.Decider;

/**
 * The style class of each server-gate layer. The legend, the grid's palette and the tests share
 * these names; the colours behind them live only in inspector.css.
 */
public final class DeciderStyle {

    private DeciderStyle() {
    }

    public static String styleClass(Decider decider) {
        return switch (decider) {
            case KILLSWITCH -> "decider-killswitch";
            case TENANT_OVERRIDE -> "decider-override";
            case CHANNEL_DEFAULT -> "decider-channel";
            case GLOBAL_DEFAULT -> "decider-global";
            case NOT_FOUND -> "decider-unknown";
        };
    }

    /** How the legend and the trace name a layer. */
    public static String label(Decider decider) {
        return switch (decider) {
            case KILLSWITCH -> "Killswitch tripped";
            case TENANT_OVERRIDE -> "Tenant override";
            case CHANNEL_DEFAULT -> "Channel default";
            case GLOBAL_DEFAULT -> "Global default";
            case NOT_FOUND -> "Not found";
        };
    }
}
