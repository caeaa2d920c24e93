package dev.inspector.ui.release;

import dev.inspector.domain.KillswitchState;

/** The killswitch filter of the flag table. */
public enum KillswitchFilter {
    ANY("Any killswitch", null),
    NONE("No killswitch", KillswitchState.NONE),
    ARMED("Killswitch armed", KillswitchState.ARMED),
    TRIPPED("Killswitch tripped", KillswitchState.TRIPPED);

    private final String label;
    private final KillswitchState state;

    KillswitchFilter(String label, KillswitchState state) {
        this.label = label;
        this.state = state;
    }

    public boolean accepts(FlagRow row) {
        return state == null || row.flag().killswitchState() == state;
    }

    @Override
    public String toString() {
        return label;
    }
}
