package dev.inspector.service;

import static dev.inspector.service.ChangeWriter.lockExisting;
import static dev.inspector.service.ChangeWriter.requireReason;

import dev.inspector.domain.ChangeKind;
import dev.inspector.domain.ConsoleFeature;
import dev.inspector.domain.SchemaReport;
import dev.inspector.persistence.Database;
import dev.inspector.persistence.GrantWrites;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Grants and revokes users' access to a premium feature in a tenant ({@code tenant_feature_access},
 * which the UI gate reads after the tenant has the feature). One user or many at once, one recorded
 * change, restorable like any other. A revoke keeps the row with {@code is_enabled = false}.
 */
public final class GrantCommands {

    private final ChangeWriter writer;
    private final SchemaReport schema;

    GrantCommands(Database database, SchemaReport schema, String osUser, String consoleId) {
        this.writer = new ChangeWriter(database, osUser, consoleId);
        this.schema = schema;
    }

    /**
     * Sets the grant of every given user of the tenant to {@code enabled}: granted (true) or revoked
     * (false). Users who have it so already are left alone; if all have, nothing is recorded and the
     * outcome says so.
     */
    public WriteOutcome setGrants(String flagKey, UUID tenantId, Collection<UUID> users, boolean enabled,
                                  String reason) {
        ChangeWriter.require(schema, ConsoleFeature.USER_GRANTS);
        requireReason(reason, enabled ? "a grant" : "a revoke");
        if (users.isEmpty()) {
            throw new IllegalArgumentException("No user was named: nothing to " + (enabled ? "grant" : "revoke") + ".");
        }
        List<UUID> sorted = users.stream().distinct().sorted().toList();
        return writer.write(enabled ? ChangeKind.GRANT_ACTION : ChangeKind.REVOKE_ACTION, flagKey, reason, writes -> {
            lockExisting(writes, flagKey);
            new GrantWrites(writes).setGrants(tenantId, flagKey, sorted, enabled);
            return (sorted.size() == 1 ? "The user " + (enabled ? "has" : "lacks") : "Every named user "
                    + (enabled ? "has" : "lacks")) + " access to " + flagKey + " in this tenant already: nothing changed.";
        });
    }
}
