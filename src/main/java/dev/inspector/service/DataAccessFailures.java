package dev.inspector.service;

import dev.inspector.domain.failure.DatabaseException;
import java.sql.SQLException;

/** Words for a query that failed after the connection was open (server gone, timeout, permission, a lock). */
public final class DataAccessFailures {

    private DataAccessFailures() {
    }

    public static DatabaseException explain(String what, RuntimeException e) {
        SQLException sql = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
                break;
            }
        }
        String state = sql == null ? "" : String.valueOf(sql.getSQLState());
        String reason;
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            reason = "the database connection was lost. Nothing was changed; check that the server is up and try again.";
        } else if (state.equals("40P01") || state.equals("40001")) {
            reason = "another session was changing the same rows at the same moment, twice in a row. Nothing was "
                    + "written; try again.";
        } else if (state.equals("55P03")) {
            reason = "another session holds a lock on these rows (waited 5 seconds). Nothing was written; try again "
                    + "in a moment.";
        } else if (state.equals("42501")) {
            reason = "the connected role lacks the privilege (" + firstLine(sql) + "). Nothing was written.";
        } else if (state.equals("57014")) {
            reason = "the query was cancelled or timed out.";
        } else if (state.equals("42P01") || state.equals("42703")) {
            reason = "a table or column it needs is missing (" + firstLine(sql) + ").";
        } else if (state.equals("22001")) {
            reason = "a value is longer than its column allows (" + firstLine(sql) + "). Nothing was written.";
        } else {
            reason = sql == null ? String.valueOf(e.getMessage()) : firstLine(sql);
        }
        return new DatabaseException(what + " failed: " + reason, e);
    }

    /** PostgreSQL's message without the "Where:"/"Detail:" lines that follow it. */
    static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).strip();
    }
}
