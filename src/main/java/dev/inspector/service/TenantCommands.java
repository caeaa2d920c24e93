package dev.inspector.service;

import static dev.inspector.service.ChangeWriter.lockExisting;
import static dev.inspector.service.ChangeWriter.requireReason;

import dev.inspector.domain.ChangeKind;
import dev.inspector.domain.ConsoleFeature;
import dev.inspector.domain.SchemaReport;
import dev.inspector.persistence.Database;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.failure.StateChangedException;
import dev.inspector.persistence.GrantWrites;
import dev.inspector.persistence.TenantWrites;
import java.util.Objects;
import java.util.Optional;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What is done to a tenant rather than to a flag: grants and revokes of users' access to a premium
 * feature ({@code tenant_feature_access}, which the UI gate reads after the tenant has the feature),
 * one user or many at once, a revoke keeping the row with {@code is_enabled = false}; and moving the
 * tenant to another release channel. Each is one recorded change, restorable like any other.
 */
public final class TenantCommands {

    private final ChangeWriter writer;
    private final SchemaReport schema;

    TenantCommands(Database database, SchemaReport schema, String osUser, String consoleId, Rehearsal rehearsal) {
        this.writer = new ChangeWriter(database, osUser, consoleId, rehearsal);
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

    /**
     * Moves the tenant to {@code to}, provided its channel is still {@code seen} (what the preview
     * was computed from); otherwise nothing is written and the refusal says what it is now.
     */
    public WriteOutcome moveTenant(UUID tenantId, Optional<String> seen, ReleaseChannel to, String reason) {
        ChangeWriter.require(schema, ConsoleFeature.TENANT_CHANNELS);
        requireReason(reason, "moving a tenant");
        return writer.write(ChangeKind.MOVE_TENANT_ACTION, null, reason, writes -> {
            TenantWrites tenants = new TenantWrites(writes);
            Optional<String> now = tenants.lockChannel(tenantId).orElseThrow(() ->
                    new StateChangedException("The tenant " + tenantId + " does not exist (any more). Nothing was written."));
            if (!Objects.equals(now, seen)) {
                throw new StateChangedException("The tenant's channel was changed meanwhile: it is now "
                        + now.orElse("none") + ", not " + seen.orElse("none") + ". Nothing was written.");
            }
            if (now.equals(Optional.of(to.dbValue()))) {
                return "The tenant is on " + to.dbValue() + " already: nothing changed.";
            }
            tenants.setChannel(tenantId, to.dbValue());
            return "";
        });
    }
}
