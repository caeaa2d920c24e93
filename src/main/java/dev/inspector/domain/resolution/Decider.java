package dev.inspector.domain.resolution;

/**
 * The layer of the server gate that settled a tenant × flag cell; the tenant matrix colours cells
 * by it. {@link #NOT_FOUND} never occurs inside a matrix (every row and column exists there); it
 * is what an explained decision for an unknown tenant or flag reports.
 */
public enum Decider {
    KILLSWITCH, TENANT_OVERRIDE, CHANNEL_DEFAULT, GLOBAL_DEFAULT, NOT_FOUND;

    // values() copies its array on every call; the matrix decodes cells in tight loops.
    private static final Decider[] BY_ORDINAL = values();

    static Decider ofOrdinal(int ordinal) {
        return BY_ORDINAL[ordinal];
    }
}
