package dev.inspector.persistence;

import dev.inspector.domain.failure.DatabaseException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Turns what the driver throws into one sentence an admin can act on. */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    public static DatabaseException explain(ConnectionSettings settings, Throwable failure) {
        String where = settings.label();
        String who = settings.user() == null ? "the default user" : "user '" + settings.user() + "'";
        SQLException sql = find(failure, SQLException.class);
        String state = sql == null ? null : sql.getSQLState();
        String message;
        if (find(failure, UnknownHostException.class) != null) {
            message = "Unknown host in " + where + ": check the host name.";
        } else if (find(failure, ConnectException.class) != null || "08001".equals(state) && mentions(failure, "refused")) {
            message = "Nothing accepts connections at " + where + ": is PostgreSQL running, and is the port right?";
        } else if (find(failure, NoRouteToHostException.class) != null) {
            message = "No route to " + where + ".";
        } else if (find(failure, SocketTimeoutException.class) != null || mentions(failure, "timed out")) {
            message = "Connecting to " + where + " timed out: the host does not answer.";
        } else if ("28P01".equals(state) || mentions(failure, "password authentication failed")) {
            // a pooler (PgBouncer) reports a rejected password with its own state, in the same words
            message = "The database at " + where + " rejected the password of " + who + ".";
        } else if ("28000".equals(state)) {
            message = "The database at " + where + " does not let " + who + " connect (" + firstLine(sql) + ").";
        } else if ("3D000".equals(state)) {
            message = "There is no such database: " + where + ".";
        } else if (state != null && state.startsWith("08")) {
            message = "The connection to " + where + " failed: " + firstLine(sql);
        } else if (sql != null) {
            message = "The database at " + where + " answered: " + firstLine(sql);
        } else {
            message = "Could not connect to " + where + ": " + failure.getMessage();
        }
        return new DatabaseException(message, failure);
    }

    private static boolean mentions(Throwable failure, String word) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains(word)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
