package dev.inspector.persistence;

import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.TransactionalCallable;
import org.jooq.exception.DataAccessException;

/**
 * One write transaction as every console write runs it: a bounded wait for row locks, so a session
 * that sits on a row cannot freeze the console, and one retry when PostgreSQL ends it with a
 * deadlock or a serialization failure. Console writes lock in one global order and cannot deadlock
 * each other; such a failure comes from some other session, and a second attempt usually passes.
 */
public final class WriteTransaction {

    /** How long a write waits for a row another session holds before giving up, nothing written. */
    public static final String LOCK_TIMEOUT = "5s";
    static final String DEADLOCK = "40P01";
    static final String SERIALIZATION_FAILURE = "40001";

    private WriteTransaction() {
    }

    public static <T> T run(DSLContext dsl, TransactionalCallable<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return dsl.transactionResult(cfg -> {
                    cfg.dsl().execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
                    return work.run(cfg);
                });
            } catch (DataAccessException e) {
                String state = sqlState(e);
                if (attempt == 1 && (DEADLOCK.equals(state) || SERIALIZATION_FAILURE.equals(state))) {
                    continue;
                }
                throw e;
            }
        }
    }

    /** The SQLSTATE of the first SQLException in the chain, or null. */
    public static String sqlState(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
