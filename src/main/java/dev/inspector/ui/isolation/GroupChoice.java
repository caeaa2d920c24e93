package dev.inspector.ui.isolation;

import dev.inspector.domain.audit.CheckGroup;

/** An entry of the group filter; a null group means every group. */
public record GroupChoice(CheckGroup group) {

    public static final GroupChoice ALL = new GroupChoice(null);

    public boolean accepts(CheckGroup candidate) {
        return group == null || group == candidate;
    }

    public String label() {
        if (group == null) {
            return "All check groups";
        }
        return switch (group) {
            case SCHEMA -> "Schema";
            case DATA -> "Data";
            case CROSS_TENANT_READ -> "Cross-tenant reads";
            case CROSS_TENANT_WRITE -> "Cross-tenant writes";
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
