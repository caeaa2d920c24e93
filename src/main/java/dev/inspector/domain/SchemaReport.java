package dev.inspector.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the connected database lacks of the SaaS schema, in words, and which tables cannot be used.
 *
 * @param problems       tables or columns of the reference schema that are missing or of the wrong type
 * @param notes          optional tables that are absent, with what that means (no user directory, …)
 * @param unusableTables tables the console must not read: missing, incomplete, or absent optional ones
 */
public record SchemaReport(List<String> problems, List<String> notes, Set<String> unusableTables) {

    public SchemaReport {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        unusableTables = Set.copyOf(unusableTables);
    }

    public SchemaReport(List<String> problems, Set<String> unusableTables) {
        this(problems, List.of(), unusableTables);
    }

    /** Every table of the reference schema is there as documented (optional ones may be absent). */
    public boolean complete() {
        return problems.isEmpty();
    }

    public boolean canUse(String table) {
        return !unusableTables.contains(table);
    }

    public boolean supports(ConsoleFeature feature) {
        return feature.tables().stream().allMatch(this::canUse);
    }

    /** The tables a feature needs that this database cannot offer, e.g. [public.tenant_feature_flags]. */
    public List<String> missingFor(ConsoleFeature feature) {
        return feature.tables().stream().filter(t -> !canUse(t))
                .map(t -> t.equals(CONSOLE_SCHEMA) ? "the console's own schema " + CONSOLE_SCHEMA : "public." + t).toList();
    }

    /** "Tenant overrides and the override rollback need public.tenant_feature_flags, which this database lacks." */
    public String unavailable(ConsoleFeature feature) {
        List<String> missing = missingFor(feature);
        String what = feature.description();
        return Character.toUpperCase(what.charAt(0)) + what.substring(1) + " " + feature.need() + " "
                + String.join(" and ", missing) + ", which this database lacks or has incomplete.";
    }

    /** The pseudo-table that stands for the console's own schema (change history, restores, audit runs). */
    public static final String CONSOLE_SCHEMA = "inspector";

    /**
     * The same report for a session whose console schema is unusable ({@code problem} says why):
     * every write (which records itself) and every restore becomes unavailable; reading stays.
     */
    public SchemaReport withoutConsoleSchema(java.util.Optional<String> problem) {
        if (problem.isEmpty()) {
            return this;
        }
        java.util.Set<String> unusable = new java.util.HashSet<>(unusableTables);
        unusable.add(CONSOLE_SCHEMA);
        java.util.List<String> withNote = new java.util.ArrayList<>(notes);
        withNote.add(problem.get() + ": reading works; writes, restores, the change history and audit runs are unavailable");
        return new SchemaReport(problems, withNote, unusable);
    }

    /** One line for the status bar: the problems, then the notes. */
    public String summary() {
        return java.util.stream.Stream.concat(problems.stream(), notes.stream()).collect(Collectors.joining("; "));
    }
}
