package dev.inspector.service;

import dev.inspector.domain.audit.CheckGroup;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What to audit. {@code tenants} are ids or names to impersonate; empty means every tenant with at
 * least one ordinary member, up to {@link #DEFAULT_TENANTS}. Write probes run only when
 * {@link CheckGroup#CROSS_TENANT_WRITE} is asked for.
 */
public record AuditRequest(String tenantColumn, Set<CheckGroup> groups, List<String> tenants,
                           Set<String> nullTenantAllowed, String tenantRolePattern) {

    public static final int DEFAULT_TENANTS = 5;

    /**
     * Where a NULL tenant id is legitimate by default: platform admins belong to no tenant, and their
     * profile says so. Reported as info there, not as a flaw.
     */
    public static final Set<String> DEFAULT_NULL_TENANT_ALLOWED = Set.of("public.profiles");

    public AuditRequest(String tenantColumn, Set<CheckGroup> groups, List<String> tenants) {
        this(tenantColumn, groups, tenants, DEFAULT_NULL_TENANT_ALLOWED, null);
    }

    /**
     * The same request for a role-per-tenant setup: the probes act as the database role the pattern
     * names for each tenant ({@code {id}} = the tenant id), instead of Supabase's authenticated role.
     */
    public AuditRequest withTenantRoles(String pattern) {
        return new AuditRequest(tenantColumn, groups, tenants, nullTenantAllowed,
                pattern == null || pattern.isBlank() ? null : pattern.strip());
    }

    public AuditRequest {
        nullTenantAllowed = Set.copyOf(nullTenantAllowed);
        tenantColumn = tenantColumn == null || tenantColumn.isBlank() ? "tenant_id" : tenantColumn.strip();
        groups = groups.isEmpty() ? Set.copyOf(defaultGroups()) : Set.copyOf(groups);
        tenants = List.copyOf(tenants);
    }

    /** Everything but the write probes, which are opt-in. */
    public static Set<CheckGroup> defaultGroups() {
        return EnumSet.of(CheckGroup.SCHEMA, CheckGroup.DATA, CheckGroup.CROSS_TENANT_READ);
    }
}
