package dev.inspector.domain.audit;

import java.util.Set;

/**
 * One row-security policy as PostgreSQL prints it back ({@code pg_get_expr}): canonical text in
 * which columns of the policy's own table are unqualified outside sub-selects and qualified with
 * the table's name inside them.
 *
 * @param command ALL, SELECT, INSERT, UPDATE or DELETE
 * @param roles   the roles it applies to; "public" for every role
 */
public record PolicyFacts(String name, String command, boolean permissive, Set<String> roles, String using,
                          String withCheck) {

    public PolicyFacts {
        roles = Set.copyOf(roles);
        using = using == null ? "" : using;
        withCheck = withCheck == null ? "" : withCheck;
    }

    public boolean appliesToPublic() {
        return roles.contains("public");
    }

    /** Whether it governs {@code cmd} (SELECT, INSERT, UPDATE, DELETE). */
    public boolean governs(String cmd) {
        return command.equals("ALL") || command.equals(cmd);
    }

    /** "USING (…) WITH CHECK (…)", for evidence. */
    public String clauses() {
        return (using.isEmpty() ? "" : "USING " + using) + (withCheck.isEmpty() ? "" : (using.isEmpty() ? "" : " ")
                + "WITH CHECK " + withCheck);
    }
}
