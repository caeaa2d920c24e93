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
 * @param readOnly       tables the connected role may read but not change, each with the privileges it lacks
 * @param role           the connected role, for the words
 */
public record SchemaReport(List<String> problems, List<String> notes, Set<String> unusableTables,
                           java.util.Map<String, String> readOnly, String role) {

    public SchemaReport {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        unusableTables = Set.copyOf(unusableTables);
        readOnly = java.util.Map.copyOf(readOnly);
        role = role == null ? "" : role;
    }

    public SchemaReport(List<String> problems, List<String> notes, Set<String> unusableTables) {
        this(problems, notes, unusableTables, java.util.Map.of(), "");
    }

    public SchemaReport(List<String> problems, Set<String> unusableTables) {
        this(problems, List.of(), unusableTables);
    }

    /** Whether the role may make the changes the feature makes (its tables, and the console's history). */
    public boolean mayChange(ConsoleFeature feature) {
        return feature.tables().stream().noneMatch(readOnly::containsKey);
    }

    /**
     * "Role 'reader' may not change public.feature_flags (it lacks UPDATE) and the console's own
     * schema (it lacks INSERT); the killswitch needs more privileges." The first feature names the action.
     */
    public String notPermitted(ConsoleFeature feature, ConsoleFeature... alsoNeeded) {
        java.util.LinkedHashSet<String> tables = new java.util.LinkedHashSet<>(feature.tables());
        for (ConsoleFeature other : alsoNeeded) {
            tables.addAll(other.tables());
        }
        List<String> lacking = tables.stream().filter(readOnly::containsKey)
                .map(t -> (t.equals(CONSOLE_SCHEMA) ? "the console's own schema" : "public." + t) + " (it lacks "
                        + readOnly.get(t) + ")").toList();
        String joined = lacking.size() <= 1 ? String.join("", lacking)
                : String.join(", ", lacking.subList(0, lacking.size() - 1)) + " and " + lacking.get(lacking.size() - 1);
        return "Role '" + role + "' may not change " + joined + "; " + feature.description() + " "
                + feature.need() + " more privileges.";
    }

    /** "Role 'reader' may only read public.feature_flags, …: the actions that change them are refused", if so. */
    public java.util.Optional<String> readOnlyNote() {
        return notes.stream().filter(n -> n.startsWith("Role '") && n.contains(" may only read ")).findFirst();
    }

    /** This report with what the role may not change, and a note saying which actions that leaves out. */
    public SchemaReport withReadOnly(java.util.Map<String, String> lacking, String connectedRole) {
        List<String> withNote = new java.util.ArrayList<>(notes);
        if (!lacking.isEmpty()) {
            withNote.add("Role '" + connectedRole + "' may only read " + String.join(", ", lacking.keySet().stream().sorted()
                    .map(t -> t.equals(CONSOLE_SCHEMA) ? "the console's own schema" : "public." + t).toList())
                    + ": the actions that change them are refused");
        }
        return new SchemaReport(problems, withNote, unusableTables, lacking, connectedRole);
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
                + String.join(" and ", missing) + ", which this database lacks, has incomplete, or does not let this role read.";
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
        return new SchemaReport(problems, withNote, unusable, readOnly, role);
    }

    /** One line for the status bar: the problems, then the notes. */
    public String summary() {
        return java.util.stream.Stream.concat(problems.stream(), notes.stream()).collect(Collectors.joining("; "));
    }
}
