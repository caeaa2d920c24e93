package dev.inspector.domain.audit.reading;

import java.util.Optional;

/**
 * What the readers need to know about the names an expression uses: the functions of the database
 * (read recursively) and the relations it reads in sub-selects (whether RLS already narrows them to
 * the caller, or whether the caller can write them itself).
 */
public interface Sources {

    /**
     * The reading of a function of the database (empty: not one of its own, a built-in).
     * {@link Strength#CALLER_ONLY} means its result depends on who calls, {@link Strength#NONE} that
     * it does not.
     */
    Optional<Reading> function(String schemaOrNull, String name);

    /** What reading a relation in a sub-select means for the caller. */
    RelationTrust relation(String schemaOrNull, String name);

    /**
     * A relation's part in a sub-select: narrowed by its own RLS to the caller, or writable by the
     * caller. Its owner and FORCE flag tell whether that RLS binds a definer function reading it.
     */
    record RelationTrust(boolean callerFiltered, Optional<String> forgeableBecause, String owner, boolean forced) {

        public static final RelationTrust NEUTRAL = new RelationTrust(false, Optional.empty(), "", false);
    }

    /**
     * Who a body runs as: the caller (null), or the owner of a SECURITY DEFINER function, for whom
     * Row Level Security does not apply when they bypass it or own the relation without FORCE.
     */
    record Executor(String owner, boolean bypassesRls) {

        boolean boundBy(RelationTrust relation) {
            return !bypassesRls && !(owner.equals(relation.owner()) && !relation.forced());
        }
    }
}
