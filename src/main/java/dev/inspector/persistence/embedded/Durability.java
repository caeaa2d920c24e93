package dev.inspector.persistence.embedded;

/**
 * Whether the embedded server flushes every commit to disk. The console's own database is always
 * durable; throw-away databases (the test suite's) skip the flushes, which makes them much faster
 * and lets them stop quickly.
 */
public enum Durability {
    DURABLE, THROWAWAY
}
