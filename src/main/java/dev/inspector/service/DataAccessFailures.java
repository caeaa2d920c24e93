package dev.inspector.service;

import dev.inspector.persistence.DatabaseException;
import java.sql.SQLException;

/** Words for a query that failed after the connection was open (server gone, timeout, permission). */
final class DataAccessFailures {

    private DataAccessFailures() {
    }

    static DatabaseException explain(String what, RuntimeException e) {
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
        } else if (state.equals("42501")) {
            reason = "the connected role lacks the privilege (" + sql.getMessage() + ").";
        } else if (state.equals("57014")) {
            reason = "the query was cancelled or timed out.";
        } else if (state.equals("42P01") || state.equals("42703")) {
            reason = "a table or column it needs is missing (" + sql.getMessage() + ").";
        } else {
            reason = sql == null ? String.valueOf(e.getMessage()) : sql.getMessage();
        }
        return new DatabaseException(what + " failed: " + reason, e);
    }
}
