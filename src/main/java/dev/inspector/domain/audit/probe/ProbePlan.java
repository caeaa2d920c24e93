package dev.inspector.domain.audit.probe;

import java.util.List;
import java.util.Set;

/**
 * What the probes should try, decided from the catalog facts before any probe runs: which
 * relations to read and write as each impersonated user, what the policies trust that a user can
 * forge, which memberships a user could write to join another tenant, which roles the API role can
 * become, and which writes are left out and why.
 *
 * @param reads      relations to read as each user (tenant data, the tenants relation)
 * @param writes     relations to try writing into other tenants (empty unless write probes were asked for)
 * @param joins      relations through which a user may name another tenant for themselves
 * @param escalation roles the API role can SET ROLE to that RLS does not bind
 */
public record ProbePlan(List<Target> reads, List<Target> writes, List<Skip> skipped, List<Join> joins,
                        Forgery forgery, List<String> escalation) {

    public ProbePlan {
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
        skipped = List.copyOf(skipped);
        joins = List.copyOf(joins);
        escalation = List.copyOf(escalation);
    }

    /**
     * A relation to probe.
     *
     * @param privileges what the API role may do on it (for a role per tenant: everything, the database decides)
     * @param registry   whether it is the tenants relation, whose tenant column is its id
     * @param updateColumn a column the API role may UPDATE (the tenant column where it may), for update probes
     * @param tenantType   the tenant column's type, so ids are compared as that type (an index stays usable)
     */
    public record Target(String relation, String tenantColumn, Set<String> privileges, boolean registry,
                         String updateColumn, String tenantType) {
        public Target {
            privileges = Set.copyOf(privileges);
        }

        public boolean allows(String command) {
            return privileges.contains(command);
        }
    }

    /** A relation a user may write a tenant into: its user column, and the columns that name a tenant. */
    public record Join(String relation, String userColumn, List<String> tenantColumns, boolean insert, boolean update) {
        public Join {
            tenantColumns = List.copyOf(tenantColumns);
        }
    }

    /**
     * What the policies trust that the caller controls: custom settings (set_config), request
     * headers and their keys, keys of user_metadata (in the JWT, or auth.users.raw_user_meta_data).
     */
    public record Forgery(Set<String> settings, Set<String> headerKeys, Set<String> metadataKeys, boolean metadataRead,
                          boolean rawUserMetaData) {
        public Forgery {
            settings = Set.copyOf(settings);
            headerKeys = Set.copyOf(headerKeys);
            metadataKeys = Set.copyOf(metadataKeys);
        }

        /** Whether the policies read anything a caller can forge at all. */
        public boolean any() {
            return !settings.isEmpty() || !headerKeys.isEmpty() || metadataRead;
        }

        /** "setting app.tenant_id, request headers, user_metadata". */
        public String words() {
            List<String> parts = new java.util.ArrayList<>();
            settings.stream().sorted().forEach(s -> parts.add("setting " + s));
            if (!headerKeys.isEmpty()) {
                parts.add("request headers");
            }
            if (metadataRead) {
                parts.add("user_metadata" + (rawUserMetaData ? " (auth.users.raw_user_meta_data)" : ""));
            }
            return String.join(", ", parts);
        }
    }

    /** A relation left out of the write probes, and why. */
    public record Skip(String relation, String reason) {
    }
}
