package dev.inspector.domain.failure;

/**
 * A database problem told in plain words, ready to show to an admin. The cause keeps the details
 * for the log.
 */
public class DatabaseException extends RuntimeException {

    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
