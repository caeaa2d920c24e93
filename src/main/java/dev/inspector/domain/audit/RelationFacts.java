package dev.inspector.domain.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the catalogs say about one relation the audit looks at: one that holds tenant data (it has
 * the tenant column), the tenants relation itself, or one that policies and helpers read (a
 * membership or profile table). Read by the persistence layer, judged by the rules; nothing here
 * knows SQL.
 *
 * @param tenantColumn       the column naming the row's tenant; empty for a relation without one
 * @param columns            every column's name
 * @param tenantishColumns   columns that name a tenant: the tenant column and those referencing the tenants relation
 * @param userColumns        columns that name a user: those referencing the user directory, or called user_id
 * @param apiPrivileges      per API role, the table privileges it effectively has (inherited ones included)
 * @param apiUpdatableColumns per API role, the columns it may UPDATE
 * @param apiInheritsOwner   API roles that have the privileges of the owner (and so its exemption from RLS)
 * @param readsFrom          for views and materialized views: the relations they read
 * @param definition         for views: their query, as PostgreSQL prints it
 * @param tenantColumnType   the tenant column's type (uuid, bigint, text…); "" without one
 * @param readableByAuditor  whether the connected role may SELECT it (the data checks read it as that role)
 */
public record RelationFacts(String schema, String name, RelationKind kind, Optional<String> tenantColumn,
                            Set<String> columns, Set<String> tenantishColumns, Set<String> userColumns,
                            boolean rlsEnabled, boolean rlsForced,
                            String owner, boolean ownerCanLogin, boolean ownerBypassesRls,
                            boolean tenantColumnNullable, boolean tenantColumnReferencesTenants,
                            boolean tenantColumnIndexed, boolean securityInvoker,
                            Map<String, Set<String>> apiPrivileges, Map<String, Set<String>> apiUpdatableColumns,
                            Set<String> apiInheritsOwner, List<PolicyFacts> policies, List<String> readsFrom,
                            String definition, List<TriggerFacts> triggers, String tenantColumnType,
                            boolean readableByAuditor) {

    public RelationFacts {
        tenantColumn = tenantColumn == null ? Optional.empty() : tenantColumn;
        columns = Set.copyOf(columns);
        tenantishColumns = Set.copyOf(tenantishColumns);
        userColumns = Set.copyOf(userColumns);
        apiPrivileges = Map.copyOf(apiPrivileges);
        apiUpdatableColumns = Map.copyOf(apiUpdatableColumns);
        apiInheritsOwner = Set.copyOf(apiInheritsOwner);
        policies = List.copyOf(policies);
        readsFrom = List.copyOf(readsFrom);
        definition = definition == null ? "" : definition;
        triggers = List.copyOf(triggers);
        tenantColumnType = tenantColumnType == null ? "" : tenantColumnType;
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    /** Whether it holds rows of several tenants (it has the tenant column). */
    public boolean holdsTenantData() {
        return tenantColumn.isPresent();
    }

    public boolean readableByApi() {
        return apiPrivileges.values().stream().anyMatch(p -> p.contains("SELECT"));
    }

    public boolean writableByApi() {
        return apiPrivileges.values().stream()
                .anyMatch(p -> p.contains("INSERT") || p.contains("UPDATE") || p.contains("DELETE"));
    }

    public boolean exposedToApi() {
        return readableByApi() || writableByApi();
    }

    /** Whether the role may run the command (SELECT, INSERT, UPDATE, DELETE, TRUNCATE) on it. */
    public boolean allows(String role, String command) {
        return apiPrivileges.getOrDefault(role, Set.of()).contains(command);
    }

    /** The tenant column, for rules that only run where there is one. */
    public String tenant() {
        return tenantColumn.orElseThrow(() -> new IllegalStateException(qualifiedName() + " has no tenant column"));
    }
}
