package dev.inspector.domain;

/**
 * A killswitch blocks a feature everywhere only when it is globally disabled: {@code is_killswitch}
 * with {@code default_enabled = true} is armed (ready to trip) but blocks nothing.
 */
public enum KillswitchState {
    NONE, ARMED, TRIPPED
}
