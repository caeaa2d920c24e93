package dev.inspector.service;

import java.util.ArrayList;
import java.util.List;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteType;

/**
 * A dry run of one write on one thread: the write runs in its transaction as usual, the statements
 * that change the SaaS tables are kept as SQL an admin can read, and the transaction is rolled
 * back, so nothing is written and nothing is recorded. One per session; another thread's writes
 * are not affected.
 */
final class Rehearsal {

    private volatile Thread thread;
    private final List<String> statements = new ArrayList<>();
    private final List<String> undo = new ArrayList<>();

    boolean active() {
        return thread == Thread.currentThread();
    }

    synchronized void begin() {
        if (thread != null) {
            throw new IllegalStateException("a dry run is already under way");
        }
        statements.clear();
        undo.clear();
        thread = Thread.currentThread();
    }

    synchronized DryRunPlan end(WriteOutcome outcome) {
        thread = null;
        return new DryRunPlan(List.copyOf(statements), List.copyOf(undo), outcome.message(), outcome.rows());
    }

    /** For a write that reports no outcome (creating a flag): as many rows as there are undo statements. */
    synchronized DryRunPlan endCounted() {
        thread = null;
        return new DryRunPlan(List.copyOf(statements), List.copyOf(undo), "", undo.size());
    }

    synchronized void abandon() {
        thread = null;
    }

    /**
     * Keeps what changes the SaaS tables and the archive; reads, locks and the console's own
     * history bookkeeping are left out.
     */
    void executed(ExecuteContext ctx) {
        if (ctx.type() != ExecuteType.WRITE && ctx.type() != ExecuteType.BATCH) {
            return;
        }
        String sql = ctx.query() != null ? ctx.dsl().renderInlined(ctx.query()) : ctx.sql();
        if (sql != null && (!sql.contains("\"inspector\".") || sql.contains("\"inspector\".\"flag_archive\""))) {
            statements.add(sql + ";");
        }
    }

    void undo(List<String> statements) {
        undo.addAll(statements);
    }

    /** Thrown inside the transaction to roll it back once the write has run. */
    static final class RolledBack extends RuntimeException {
        final int rows;
        final String unchanged;

        RolledBack(int rows, String unchanged) {
            super(null, null, false, false);
            this.rows = rows;
            this.unchanged = unchanged;
        }
    }
}
