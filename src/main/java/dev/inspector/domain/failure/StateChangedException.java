package dev.inspector.domain.failure;

/** The rows a write depends on are no longer as the admin or the history saw them; nothing was written. */
public class StateChangedException extends DatabaseException {

    public StateChangedException(String message) {
        super(message);
    }
}
