package dev.inspector.domain.audit;

import java.util.List;
import java.util.Set;

/**
 * Everything the schema checks need, read from the catalogs in one go.
 *
 * @param apiRoles             the roles end users act as (anon, authenticated) that exist here
 * @param bypassRolesForApi    roles with SUPERUSER or BYPASSRLS that an API role is a member of
 */
public record DatabaseFacts(List<RelationFacts> relations, Set<String> apiRoles, Set<String> bypassRolesForApi,
                            List<FunctionFacts> functions, List<ForeignKey> tenantForeignKeys) {

    public DatabaseFacts {
        relations = List.copyOf(relations);
        apiRoles = Set.copyOf(apiRoles);
        bypassRolesForApi = Set.copyOf(bypassRolesForApi);
        functions = List.copyOf(functions);
        tenantForeignKeys = List.copyOf(tenantForeignKeys);
    }

    /** A single-column foreign key from one tenant relation to another (not the one to tenants). */
    public record ForeignKey(String child, String childColumn, String parent, String parentColumn) {
    }

    /** A SECURITY DEFINER function an API role can execute. */
    public record FunctionFacts(String signature, boolean searchPathPinned, Set<String> executableBy) {
        public FunctionFacts {
            executableBy = Set.copyOf(executableBy);
        }
    }
}
