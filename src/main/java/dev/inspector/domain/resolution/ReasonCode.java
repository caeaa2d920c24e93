package dev.inspector.domain.resolution;

/**
 * Why a gate said what it said.
 *
 * <p>{@link #openFeatureReason()} maps each code onto the OpenFeature resolution-reason
 * vocabulary, so that decisions can be compared with what an OpenFeature provider would report:
 * <ul>
 *   <li>{@code DISABLED}: {@link #KILLSWITCH_TRIPPED}. OpenFeature reserves it for "the flag is
 *       disabled in the management system", which is exactly a tripped killswitch.</li>
 *   <li>{@code TARGETING_MATCH}: {@link #TENANT_OVERRIDE}, {@link #PLATFORM_ADMIN},
 *       {@link #USER_GRANT} and {@link #GRANT_REVOKED}: a rule or row aimed at this particular
 *       tenant or user matched. A revoked grant is still a row that names the user, so it is a
 *       match whose value happens to be {@code false}.</li>
 *   <li>{@code DEFAULT}: {@link #CHANNEL_DEFAULT}, {@link #GLOBAL_DEFAULT} and
 *       {@link #NO_USER_GRANT}: nothing aimed at this tenant or user matched and a configured
 *       fallback applied (the channel's row, the flag's default, or the UI's default deny).</li>
 *   <li>{@code ERROR}: {@link #FLAG_NOT_FOUND} and {@link #TENANT_NOT_FOUND}: evaluation could not
 *       run; the verdict is the safe {@code false}.</li>
 * </ul>
 */
public enum ReasonCode {
    KILLSWITCH_TRIPPED("DISABLED"),
    TENANT_OVERRIDE("TARGETING_MATCH"),
    CHANNEL_DEFAULT("DEFAULT"),
    GLOBAL_DEFAULT("DEFAULT"),
    PLATFORM_ADMIN("TARGETING_MATCH"),
    USER_GRANT("TARGETING_MATCH"),
    GRANT_REVOKED("TARGETING_MATCH"),
    NO_USER_GRANT("DEFAULT"),
    FLAG_NOT_FOUND("ERROR"),
    TENANT_NOT_FOUND("ERROR");

    private final String openFeatureReason;

    ReasonCode(String openFeatureReason) {
        this.openFeatureReason = openFeatureReason;
    }

    /** The OpenFeature resolution reason for this code; see the class comment for the choice. */
    public String openFeatureReason() {
        return openFeatureReason;
    }

    /** Whether evaluation failed rather than decided. */
    public boolean isError() {
        return this == FLAG_NOT_FOUND || this == TENANT_NOT_FOUND;
    }
}
