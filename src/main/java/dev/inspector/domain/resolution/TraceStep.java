package dev.inspector.domain.resolution;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of a decision's trace.
 *
 * @param number   1-based position in the trace
 * @param stage    what was looked at; {@link #name()} is its label, e.g. "Killswitch"
 * @param observed the row found, or its absence, in words
 * @param value    the value that row carried, if it carried one
 * @param decided  whether this step settled the final verdict (only the last step does)
 */
public record TraceStep(int number, Stage stage, String observed, Optional<Boolean> value, boolean decided) {

    public TraceStep {
        if (number < 1) {
            throw new IllegalArgumentException("trace steps are numbered from 1, got " + number);
        }
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(value, "value");
    }

    public String name() {
        return stage.label();
    }

    @Override
    public String toString() {
        String shown = value.map(v -> v ? " [on]" : " [off]").orElse("");
        return number + ". " + name() + ": " + observed + shown + (decided ? "  <- decided" : "");
    }
}
