package dev.inspector.domain.audit.rules;

import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.RelationKind;
import dev.inspector.domain.audit.Severity;
import java.util.Collection;
import java.util.TreeSet;

/** Small helpers the rules share: a schema finding, and words for kinds and role lists. */
final class Findings {

    private Findings() {
    }

    static Finding schema(String id, Severity severity, String relation, String finding, String evidence, String fix) {
        return new Finding(id, severity, CheckGroup.SCHEMA, relation, "", finding, evidence, fix);
    }

    static String kindWords(RelationFacts r) {
        return switch (r.kind()) {
            case TABLE -> "table";
            case PARTITIONED_TABLE -> "partitioned table";
            case PARTITION -> "partition";
            case VIEW -> "view";
            case MATERIALIZED_VIEW -> "materialized view";
            case FOREIGN_TABLE -> "foreign table";
        };
    }

    static boolean isTable(RelationFacts r) {
        return r.kind() == RelationKind.TABLE || r.kind() == RelationKind.PARTITIONED_TABLE
                || r.kind() == RelationKind.PARTITION;
    }

    static String list(Collection<String> items) {
        return String.join(", ", new TreeSet<>(items));
    }
}
