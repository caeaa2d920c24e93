package dev.inspector.ui.simulator;

import dev.inspector.domain.resolution.Decision;

/** One line of the all-flags table: both verdicts of one flag for the chosen tenant and user. */
public record FlagRow(String key, Decision server, Decision ui) {

    public Verdict serverVerdict() {
        return Verdict.of(server);
    }

    public Verdict uiVerdict() {
        return Verdict.of(ui);
    }
}
