package dev.inspector.domain.resolution;

import java.util.List;
import java.util.Objects;

/**
 * The verdict of a gate with its explanation.
 *
 * @param enabled       the verdict
 * @param reason        why
 * @param serverDecider the server-gate layer that settled the tenant-level value; for a UI
 *                      decision this is still the server layer (the user layer is in
 *                      {@code reason}), so the matrix and the UI can share colours
 * @param trace         every step looked at, in order; the last one and only it decided
 */
public record Decision(boolean enabled, ReasonCode reason, Decider serverDecider, List<TraceStep> trace) {

    public Decision {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(serverDecider, "serverDecider");
        trace = List.copyOf(trace);
        if (trace.isEmpty()) {
            throw new IllegalArgumentException("a decision needs at least its deciding step");
        }
        for (int i = 0; i < trace.size(); i++) {
            TraceStep step = trace.get(i);
            if (step.number() != i + 1) {
                throw new IllegalArgumentException("trace step " + (i + 1) + " is numbered " + step.number());
            }
            if (step.decided() != (i == trace.size() - 1)) {
                throw new IllegalArgumentException("exactly the last trace step must decide: " + trace);
            }
        }
    }

    /** The step that settled the verdict. */
    public TraceStep decidingStep() {
        return trace.get(trace.size() - 1);
    }

    public String openFeatureReason() {
        return reason.openFeatureReason();
    }

    /** One line for a status bar or a log, e.g. "off (KILLSWITCH_TRIPPED): killswitch tripped ...". */
    public String summary() {
        return (enabled ? "on" : "off") + " (" + reason + "): " + decidingStep().observed();
    }
}
