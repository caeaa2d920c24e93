package dev.inspector.service;

import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.TenancyHints;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to audit, and what the admin said about the tenancy model (the rest is detected).
 * {@code tenants} are ids or names to impersonate; empty means the first tenants with a member, up
 * to {@link #DEFAULT_TENANTS}. Write probes run only when {@link CheckGroup#CROSS_TENANT_WRITE} is
 * asked for, and not where a trigger may act outside the transaction unless {@code probeTriggers}.
 */
public record AuditRequest(TenancyHints tenancy, Set<CheckGroup> groups, List<String> tenants, boolean probeTriggers) {

    public static final int DEFAULT_TENANTS = 5;

    public AuditRequest {
        Objects.requireNonNull(tenancy, "tenancy");
        groups = groups.isEmpty() ? Set.copyOf(defaultGroups()) : Set.copyOf(groups);
        tenants = List.copyOf(tenants);
    }

    /** A request that detects the model, but for the tenant column when one is named. */
    public AuditRequest(String tenantColumn, Set<CheckGroup> groups, List<String> tenants) {
        this(TenancyHints.detect().withTenantColumn(tenantColumn), groups, tenants, false);
    }

    /**
     * The same request for a role-per-tenant setup: the probes act as the database role the pattern
     * names for each tenant ({id}, {name} or {slug} of the tenant) instead of the authenticated role.
     */
    public AuditRequest withTenantRoles(String pattern) {
        return new AuditRequest(tenancy.withTenantRoles(pattern == null || pattern.isBlank() ? null : pattern),
                groups, tenants, probeTriggers);
    }

    /** Everything but the write probes, which are opt-in. */
    public static Set<CheckGroup> defaultGroups() {
        return EnumSet.of(CheckGroup.SCHEMA, CheckGroup.DATA, CheckGroup.CROSS_TENANT_READ);
    }
}
