package dev.inspector.ui.isolation;

/**
 * How far the audit got with one relation: data check and one probe per impersonated tenant.
 *
 * @param current whether the audit works on it right now
 */
public record RelationProgress(String relation, int done, int expected, boolean current) {

    public double fraction() {
        return expected <= 0 ? 0 : Math.min(1.0, (double) done / expected);
    }

    public String stepsText() {
        return Math.min(done, expected) + " / " + expected;
    }
}
