package dev.inspector.service;

import dev.inspector.domain.wording.OnOff;
import dev.inspector.domain.ConsoleFeature;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.SchemaReport;
import dev.inspector.persistence.ChangeLog;
import dev.inspector.persistence.Database;
import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.persistence.FlagWrites;
import dev.inspector.domain.failure.StateChangedException;
import dev.inspector.persistence.WriteTransaction;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.exception.DataAccessException;

/**
 * The one way a console write reaches the database: one transaction (bounded lock waits, one retry
 * after a deadlock caused elsewhere) that records who, what and why together with the rows, and
 * records nothing when no row changed. Failures leave as one plain sentence that says nothing was
 * written.
 */
final class ChangeWriter {

    /** Longer than any reason an admin types; a promotion adds its gates to the typed words. */
    static final int MAX_REASON = 4000;

    @FunctionalInterface
    interface Work {
        /** Writes through {@code writes}; returns what to tell the admin if it turned out to change nothing. */
        String run(FlagWrites writes);
    }

    private final Database database;
    private final String osUser;
    private final String consoleId;
    private final Rehearsal rehearsal;

    ChangeWriter(Database database, String osUser, String consoleId, Rehearsal rehearsal) {
        this.database = database;
        this.osUser = osUser;
        this.consoleId = consoleId;
        this.rehearsal = rehearsal;
    }

    WriteOutcome write(String action, String flagKey, String reason, Work work) {
        checkReasonLength(reason);
        boolean rehearsing = rehearsal.active();
        try {
            return WriteTransaction.run(database.dsl(), cfg -> {
                DSLContext tx = rehearsing ? cfg.derive(ExecuteListener.onExecuteEnd(rehearsal::executed)).dsl() : cfg.dsl();
                ChangeLog log = ChangeLog.begin(tx, action, flagKey, reason, osUser, consoleId);
                String unchanged = work.run(new FlagWrites(tx, log));
                int rows = log.rowCount();
                if (rehearsing) {
                    rehearsal.undo(log.undo(tx));
                    throw new Rehearsal.RolledBack(rows, unchanged);
                }
                Optional<Long> id = log.close();
                return new WriteOutcome(id, rows, id.isPresent() ? "" : unchanged);
            });
        } catch (Rehearsal.RolledBack dry) {
            return dryOutcome(dry);
        } catch (DatabaseException | IllegalArgumentException e) {
            throw e;
        } catch (DataAccessException e) {
            // jOOQ may wrap what the transaction body threw; hand our own exceptions on unchanged
            if (e.getCause() instanceof Rehearsal.RolledBack dry) {
                return dryOutcome(dry);
            }
            if (e.getCause() instanceof DatabaseException de) {
                throw de;
            }
            if (e.getCause() instanceof IllegalArgumentException ie) {
                throw ie;
            }
            throw DataAccessFailures.explain("Writing " + (flagKey == null ? "the change" : "'" + flagKey + "'"), e);
        }
    }

    private static WriteOutcome dryOutcome(Rehearsal.RolledBack dry) {
        return new WriteOutcome(Optional.empty(), dry.rows, dry.rows == 0 ? dry.unchanged : "");
    }

    static void checkReasonLength(String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("The reason is too long: at most " + MAX_REASON
                    + " characters, this one has " + reason.length() + ". Nothing was written.");
        }
    }

    /** Every write records itself in the console's schema, so it needs that too; refused before anything is sent. */
    static void require(SchemaReport schema, ConsoleFeature feature) {
        for (ConsoleFeature needed : new ConsoleFeature[] {
                ConsoleFeature.HISTORY, feature}) {
            if (!schema.supports(needed)) {
                throw new DatabaseException(schema.unavailable(needed) + " Nothing was written.");
            }
        }
        if (!schema.mayChange(feature) || !schema.mayChange(ConsoleFeature.HISTORY)) {
            throw new DatabaseException(schema.notPermitted(feature, ConsoleFeature.HISTORY)
                    + " Nothing was written.");
        }
    }

    static void requireReason(String reason, String why) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why: " + why + " is recorded with its reason.");
        }
    }

    static FeatureFlag lockExisting(FlagWrites writes, String key) {
        return writes.lockFlag(key).orElseThrow(() ->
                new StateChangedException("The flag '" + key + "' does not exist (any more). Nothing was written."));
    }

    static FeatureFlag lockAsSeen(FlagWrites writes, FeatureFlag seen) {
        FeatureFlag current = lockExisting(writes, seen.key());
        if (!current.equals(seen)) {
            throw new StateChangedException("The flag '" + seen.key() + "' was changed meanwhile (now: default "
                    + OnOff.word(current.defaultEnabled()) + ", killswitch " + current.killswitchState()
                    .name().toLowerCase(java.util.Locale.ROOT) + "). Nothing was written; the view shows the current state.");
        }
        return current;
    }
}
