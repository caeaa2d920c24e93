package dev.inspector.service;

/** The three emergency rollbacks of the rollout process, section 6. */
public enum RollbackOption {
    /** Option 1: is_killswitch = true, default_enabled = false. Blocks everywhere, whatever else says. */
    KILLSWITCH("Trip the killswitch"),
    /** Option 2: every existing channel row off. Tenant overrides still win. */
    CHANNELS_OFF("Turn every channel off"),
    /** Option 3: an "off" override for every tenant. */
    OVERRIDE_ALL_OFF("Override every tenant off");

    private final String label;

    RollbackOption(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The change-history action name. */
    public String action() {
        return "rollback:" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
