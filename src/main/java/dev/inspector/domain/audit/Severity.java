package dev.inspector.domain.audit;

/** How bad a finding is, worst first; the order is used for "at or above" thresholds. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
