package dev.inspector.domain;

import java.util.Locale;

/** The three emergency rollbacks of the rollout process, section 6. They compose: each records only what it changed. */
public enum RollbackOption {
    /** Option 1: is_killswitch = true, default_enabled = false. Blocks everywhere, whatever else says. */
    KILLSWITCH("Trip the killswitch", ConsoleFeature.KILLSWITCH),
    /** Option 2: every channel row off. Tenant overrides still win. */
    CHANNELS_OFF("Turn every channel off", ConsoleFeature.CHANNELS),
    /** Option 3: an "off" override for every tenant. */
    OVERRIDE_ALL_OFF("Override every tenant off", ConsoleFeature.OVERRIDES);

    private final String label;
    private final ConsoleFeature needs;

    RollbackOption(String label, ConsoleFeature needs) {
        this.label = label;
        this.needs = needs;
    }

    public String label() {
        return label;
    }

    /** The part of the schema the option writes; a database without it cannot offer this option. */
    public ConsoleFeature needs() {
        return needs;
    }

    /** The change-history action name. */
    public String action() {
        return "rollback:" + name().toLowerCase(Locale.ROOT);
    }
}
