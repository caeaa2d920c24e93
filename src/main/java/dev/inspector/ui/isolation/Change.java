package dev.inspector.ui.isolation;

/** A finding compared with the previous run (identity: check id, relation, tenant). */
public enum Change {
    NEW, UNCHANGED, FIXED
}
