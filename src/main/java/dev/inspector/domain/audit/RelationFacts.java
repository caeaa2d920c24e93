package dev.inspector.domain.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the catalogs say about one relation that has a tenant column. Read by the persistence
 * layer, judged by {@link SchemaRules}; nothing here knows SQL.
 *
 * @param apiPrivileges  per API role (anon, authenticated), the table privileges it effectively has
 * @param readsFrom      for views and materialized views: the tenant relations they read
 */
public record RelationFacts(String schema, String name, RelationKind kind, String tenantColumn,
                            boolean rlsEnabled, boolean rlsForced,
                            String owner, boolean ownerCanLogin, boolean ownerBypassesRls,
                            boolean tenantColumnNullable, boolean tenantColumnReferencesTenants,
                            boolean tenantColumnIndexed, boolean securityInvoker,
                            Map<String, Set<String>> apiPrivileges, List<PolicyFacts> policies,
                            List<String> readsFrom) {

    public RelationFacts {
        apiPrivileges = Map.copyOf(apiPrivileges);
        policies = List.copyOf(policies);
        readsFrom = List.copyOf(readsFrom);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    public boolean readableByApi() {
        return apiPrivileges.values().stream().anyMatch(p -> p.contains("SELECT"));
    }

    public boolean writableByApi() {
        return apiPrivileges.values().stream()
                .anyMatch(p -> p.contains("INSERT") || p.contains("UPDATE") || p.contains("DELETE"));
    }
}
