package dev.inspector.service;

import static dev.inspector.service.ChangeWriter.lockExisting;

import dev.inspector.domain.ChangeKind;
import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.change.ChangeHeader;
import dev.inspector.domain.change.RestoreStack;
import dev.inspector.persistence.ChangeHistoryReader;
import dev.inspector.persistence.Database;
import dev.inspector.persistence.FlagWrites;
import dev.inspector.persistence.Restorer;
import dev.inspector.domain.failure.StateChangedException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.exception.DataAccessException;

/**
 * Putting things back. Restore is a stack: it undoes the newest rollback of a flag that still
 * stands, and repeated, walks back step by step; "to before the incident" undoes every standing
 * rollback of the current incident in one recorded step; "undo" puts back any one change. Each
 * refuses, writing nothing, when a row it would put back moved on since.
 */
public final class RestoreCommands {

    /** How far back the stack is looked for; an incident has a handful of rollbacks, not hundreds. */
    static final int SCAN = 500;

    private final Database database;
    private final ChangeWriter writer;

    public RestoreCommands(Database database, String osUser, String consoleId) {
        this(database, osUser, consoleId, new Rehearsal());
    }

    RestoreCommands(Database database, String osUser, String consoleId, Rehearsal rehearsal) {
        this.database = database;
        this.writer = new ChangeWriter(database, osUser, consoleId, rehearsal);
    }

    /** The rollback the next Restore of the flag undoes, with its rows; empty when none stands. */
    public Optional<ChangeRecord> next(String flagKey) {
        return read(reader -> RestoreStack.next(reader.headers(flagKey, SCAN)).flatMap(h -> reader.find(h.id())));
    }

    /** The standing rollbacks "to before the incident" would undo, newest first. */
    public List<ChangeRecord> incident(String flagKey) {
        return read(reader -> RestoreStack.incident(reader.headers(flagKey, SCAN)).stream()
                .map(h -> reader.find(h.id()).orElseThrow()).toList());
    }

    /**
     * Undoes the newest standing rollback of the flag. With {@code expected}, only if that is still
     * the one the admin was shown.
     */
    public WriteOutcome restoreLatest(String flagKey, Optional<Long> expected, String reason) {
        return writer.write(ChangeKind.RESTORE_ACTION, flagKey, reason, writes -> {
            lockExisting(writes, flagKey);
            ChangeHistoryReader reader = new ChangeHistoryReader(writes.tx());
            Optional<ChangeHeader> next = RestoreStack.next(reader.headers(flagKey, SCAN));
            if (next.isEmpty()) {
                if (expected.isPresent()) {
                    throw new StateChangedException("Change " + expected.get() + " of " + flagKey
                            + " was restored meanwhile. Nothing was written.");
                }
                return flagKey + " has no rollback left to restore: nothing changed.";
            }
            if (expected.isPresent() && expected.get() != next.get().id()) {
                throw new StateChangedException("The newest rollback of " + flagKey + " is now change " + next.get().id()
                        + ", not change " + expected.get() + ". Nothing was restored; the view shows the current state.");
            }
            ChangeRecord change = reader.find(next.get().id()).orElseThrow();
            defaultReason(writes, reason, "Restore of change " + change.id() + " (" + change.action() + ")");
            new Restorer(writes.tx(), writes.log()).undo(change);
            return "";
        });
    }

    /** Undoes, in one recorded step, every standing rollback of the flag's current incident. */
    public WriteOutcome restoreIncident(String flagKey, String reason) {
        return writer.write(ChangeKind.RESTORE_INCIDENT, flagKey, reason, writes -> {
            lockExisting(writes, flagKey);
            ChangeHistoryReader reader = new ChangeHistoryReader(writes.tx());
            List<ChangeHeader> rollbacks = RestoreStack.incident(reader.headers(flagKey, SCAN));
            if (rollbacks.isEmpty()) {
                return flagKey + " has no rollback left to restore: nothing changed.";
            }
            defaultReason(writes, reason, "Restore to before the incident: changes " + rollbacks.stream()
                    .map(h -> Long.toString(h.id())).collect(Collectors.joining(", ")));
            Restorer restorer = new Restorer(writes.tx(), writes.log());
            for (ChangeHeader header : rollbacks) {
                restorer.undo(reader.find(header.id()).orElseThrow());
            }
            return "";
        });
    }

    /** Puts back exactly what one recorded change changed, if it still stands and its rows did not move on. */
    public WriteOutcome undo(long changeSetId, String reason) {
        ChangeRecord seen = read(reader -> reader.find(changeSetId)).orElseThrow(() ->
                new IllegalArgumentException("There is no change " + changeSetId + " in the history."));
        if (!seen.kind().undoable()) {
            throw new IllegalArgumentException("Change " + changeSetId + " (" + seen.action() + ") cannot be undone"
                    + (seen.kind() == ChangeKind.RESTORE ? ": it is a restore itself." : "."));
        }
        Set<String> flags = seen.flagKeys();
        String single = flags.size() == 1 ? flags.iterator().next() : null;
        return writer.write(ChangeKind.RESTORE_ACTION, single, reason, writes -> {
            writes.lockFlags(flags);
            ChangeRecord change = new ChangeHistoryReader(writes.tx()).find(changeSetId).orElseThrow();
            if (change.restoredBy().isPresent()) {
                throw new StateChangedException("Change " + changeSetId + " was undone already, by change "
                        + change.restoredBy().get() + ". Nothing was written.");
            }
            defaultReason(writes, reason, "Undo of change " + changeSetId + " (" + change.action() + ")");
            new Restorer(writes.tx(), writes.log()).undo(change);
            return "";
        });
    }

    private static void defaultReason(FlagWrites writes, String reason, String fallback) {
        if (reason == null || reason.isBlank()) {
            writes.log().reason(fallback);
        }
    }

    private <T> T read(java.util.function.Function<ChangeHistoryReader, T> query) {
        try {
            return query.apply(new ChangeHistoryReader(database.dsl()));
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("Reading the change history", e);
        }
    }
}
