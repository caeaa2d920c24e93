package dev.inspector.domain.resolution;

/** The things a gate looks at, in the order it looks at them; names a {@link TraceStep}. */
public enum Stage {
    FLAG_LOOKUP("Flag"),
    TENANT_LOOKUP("Tenant"),
    KILLSWITCH("Killswitch"),
    TENANT_OVERRIDE("Tenant override"),
    CHANNEL_DEFAULT("Channel default"),
    GLOBAL_DEFAULT("Global default"),
    MEMBERSHIP("Membership"),
    PLATFORM_ADMIN("Platform admin"),
    USER_GRANT("User grant");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
