package dev.inspector.domain.resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the steps of one explained evaluation; one instance per call, never shared. */
final class Trace {

    private final List<TraceStep> steps = new ArrayList<>();

    void look(Stage stage, String observed) {
        add(stage, observed, Optional.empty(), false);
    }

    void look(Stage stage, String observed, boolean value) {
        add(stage, observed, Optional.of(value), false);
    }

    Decision decide(Stage stage, String observed, boolean enabled, ReasonCode reason, Decider serverDecider) {
        add(stage, observed, Optional.of(enabled), true);
        return new Decision(enabled, reason, serverDecider, steps);
    }

    private void add(Stage stage, String observed, Optional<Boolean> value, boolean decided) {
        steps.add(new TraceStep(steps.size() + 1, stage, observed, value, decided));
    }
}
