package dev.inspector.domain;

import java.util.List;

/**
 * What the console can do, each with the tables of the reference schema it needs. A database that
 * lacks a table loses exactly the features that name it, and is told which; a rollback that does
 * not touch a missing table is never blocked by it.
 */
public enum ConsoleFeature {
    FLAG_LIST("the flag list", false, "feature_flags"),
    KILLSWITCH("the killswitch", false, "feature_flags"),
    CHANNELS("channel rows, promotions and the channel rollback", true, "feature_flags", "release_channel_feature_flags"),
    OVERRIDES("tenant overrides and the override rollback", true, "feature_flags", "tenants", "tenant_feature_flags"),
    SERVER_GATE("the server gate (tenant numbers, the matrix, the simulator, the kill and promotion numbers)", false,
            "tenants", "feature_flags", "release_channel_feature_flags", "tenant_feature_flags"),
    USER_GRANTS("user grants in the UI gate", true, "tenant_feature_access"),
    TENANT_CHANNELS("moving a tenant to another channel", false, "tenants"),
    USER_DIRECTORY("user names, tenant membership and platform admins", true, "profiles"),
    /** Every write records itself there, every restore reads it: no console schema, no writes. */
    HISTORY("writes, restores and the change history", true, SchemaReport.CONSOLE_SCHEMA);

    private final String description;
    private final boolean plural;
    private final List<String> tables;

    ConsoleFeature(String description, boolean plural, String... tables) {
        this.description = description;
        this.plural = plural;
        this.tables = List.of(tables);
    }

    public String description() {
        return description;
    }

    /** "need" or "needs", agreeing with the description. */
    public String need() {
        return plural ? "need" : "needs";
    }

    public List<String> tables() {
        return tables;
    }
}
