package dev.inspector.domain;

import java.util.Locale;
import java.util.Optional;

/** The release channels of the rollout process, in promotion order. */
public enum ReleaseChannel {
    INTERNAL, PILOT, GENERAL;

    /** The spelling stored in {@code tenants.release_channel} and {@code release_channel_feature_flags}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Empty for null or for a value the rollout process does not know (a tenant can carry one).
     * The match is exact, as the SQL join on {@code release_channel} is: 'Pilot' is not pilot for
     * the servers, so it must not be for the console either.
     */
    public static Optional<ReleaseChannel> fromDb(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ReleaseChannel channel : values()) {
            if (channel.dbValue().equals(value)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    /** The channel a flag is promoted to from this one, if any. */
    public Optional<ReleaseChannel> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }
}
