package dev.inspector.domain.audit;

import java.util.Set;

/**
 * One row-security policy. Which columns and functions it depends on comes from pg_depend; the
 * expression texts are kept for evidence and for what the catalogs cannot say (which clause uses
 * which column, and JWT paths such as user_metadata).
 *
 * @param command        ALL, SELECT, INSERT, UPDATE or DELETE
 * @param dependsOnTenantColumn whether any of its expressions references the tenant column
 * @param dependsOnCaller        whether it calls a caller-identity function (auth.uid(), auth.jwt(),
 *                               current_setting(...), current_user ...)
 */
public record PolicyFacts(String name, String command, boolean permissive, Set<String> roles,
                          String using, String withCheck, boolean dependsOnTenantColumn, boolean dependsOnCaller) {

    public PolicyFacts {
        roles = Set.copyOf(roles);
        using = using == null ? "" : using;
        withCheck = withCheck == null ? "" : withCheck;
    }

    public boolean appliesToPublic() {
        return roles.contains("public");
    }

    public boolean governsWrites() {
        return !command.equals("SELECT");
    }
}
