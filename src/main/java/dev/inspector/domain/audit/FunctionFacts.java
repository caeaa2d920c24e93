package dev.inspector.domain.audit;

import java.util.Optional;
import java.util.Set;

/**
 * A function the audit reads: its body (SQL or PL/pgSQL source), how it runs (as its owner or as
 * the caller, with which search_path) and who may call it.
 *
 * @param searchPath   the pinned search_path setting, if any (e.g. "" or "public, pg_temp")
 * @param executableBy the API roles that may execute it
 * @param platform     whether it belongs to a platform schema (auth, storage, …) rather than the product
 */
public record FunctionFacts(String schema, String name, String signature, String language, boolean securityDefiner,
                            String owner, boolean ownerBypassesRls, Optional<String> searchPath, String body,
                            Set<String> executableBy, boolean returnsTrigger, boolean platform) {

    public FunctionFacts {
        searchPath = searchPath == null ? Optional.empty() : searchPath;
        body = body == null ? "" : body;
        executableBy = Set.copyOf(executableBy);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    /** Whether its body can be read at all (SQL and PL/pgSQL can; C and internal functions cannot). */
    public boolean readable() {
        return language.equals("sql") || language.equals("plpgsql");
    }

    /**
     * Whether a name it leaves unqualified may resolve to a temporary table the caller created:
     * pg_temp is searched first unless the pinned search_path names it, and an empty one leaves
     * nothing to resolve but pg_catalog.
     */
    public boolean unqualifiedNamesHijackable() {
        if (searchPath.isEmpty()) {
            return true;
        }
        String path = searchPath.get().replace("\"", "").replace(" ", "");
        if (path.isEmpty()) {
            return false;
        }
        return !path.contains("pg_temp");
    }
}
