package dev.inspector.domain.audit.reading;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a clause (or a whole policy set) means for tenant isolation: how strongly it binds rows to
 * the caller, which of its inputs the caller can forge (user_metadata, a setting anyone may set, a
 * table the API role can write itself), and whether some part of it could not be read (a function
 * in C, an unknown function), in which case the verdict is a review, never an alarm.
 *
 * @param forgeable sources the caller controls, e.g. "user_metadata in the JWT", "setting app.tenant_id"
 * @param unreadable what could not be read, e.g. "function public.f (language c)"
 */
public record Reading(Strength strength, Set<String> forgeable, Set<String> unreadable) {

    public Reading {
        forgeable = Set.copyOf(forgeable);
        unreadable = Set.copyOf(unreadable);
    }

    public static Reading of(Strength strength) {
        return new Reading(strength, Set.of(), Set.of());
    }

    public boolean trusted() {
        return forgeable.isEmpty();
    }

    /** The row must satisfy both: the stronger binding holds; forgeable inputs of the chosen side travel with it. */
    public Reading and(Reading other) {
        Reading stronger = rank(this) >= rank(other) ? this : other;
        return new Reading(stronger.strength, stronger.forgeable, union(unreadable, other.unreadable));
    }

    /** Either admits the row: the weaker binding holds; every forgeable input counts. */
    public Reading or(Reading other) {
        Reading weaker = rank(this) <= rank(other) ? this : other;
        return new Reading(weaker.strength, union(forgeable, other.forgeable), union(unreadable, other.unreadable));
    }

    /** A trusted binding outranks the same binding through a forgeable input. */
    private static int rank(Reading r) {
        return r.strength.ordinal() * 2 + (r.trusted() ? 1 : 0);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    public Reading withForgeable(Set<String> sources) {
        return new Reading(strength, union(forgeable, sources), unreadable);
    }

    public Reading withUnreadable(Set<String> parts) {
        return new Reading(strength, forgeable, union(unreadable, parts));
    }
}
