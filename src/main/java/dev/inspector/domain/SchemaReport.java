package dev.inspector.domain;

import java.util.List;
import java.util.Set;

/** What the connected database lacks of the SaaS schema, in words, and which tables are unusable. */
public record SchemaReport(List<String> problems, Set<String> unusableTables) {

    public SchemaReport {
        problems = List.copyOf(problems);
        unusableTables = Set.copyOf(unusableTables);
    }

    public boolean complete() {
        return problems.isEmpty();
    }

    public boolean canUse(String table) {
        return !unusableTables.contains(table);
    }
}
