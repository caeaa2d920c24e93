package dev.inspector.ui.matrix;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import java.util.Optional;

/** Which tenants the matrix shows by release channel; NONE is a tenant with no channel the process knows. */
public enum ChannelChoice {
    ALL("All channels"), INTERNAL("internal"), PILOT("pilot"), GENERAL("general"), NONE("no channel");

    private final String label;

    ChannelChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean admits(Tenant tenant) {
        return this == ALL || this == of(tenant);
    }

    public static ChannelChoice of(Tenant tenant) {
        Optional<ReleaseChannel> channel = tenant.channel();
        return channel.map(c -> switch (c) {
            case INTERNAL -> INTERNAL;
            case PILOT -> PILOT;
            case GENERAL -> GENERAL;
        }).orElse(NONE);
    }
}
