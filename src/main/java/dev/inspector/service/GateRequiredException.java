package dev.inspector.service;

/**
 * A change that would turn a feature on for pilot or general outside the promotion gates; refused
 * before anything is written, with what to do instead.
 */
public class GateRequiredException extends IllegalArgumentException {

    public GateRequiredException(String message) {
        super(message);
    }
}
