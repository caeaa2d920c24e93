package dev.inspector.domain.change;

import dev.inspector.domain.ChangeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which rollbacks of a flag Restore undoes, from its change history newest first. Restore is a
 * stack: each Restore undoes the newest rollback that still stands, so repeating it walks back
 * step by step to the state before the first. "Before the incident" undoes, in one step, every
 * standing rollback back to the last change that was neither a rollback nor a restore.
 */
public final class RestoreStack {

    private RestoreStack() {
    }

    /** The rollback the next Restore undoes: the newest one that no restore has undone yet. */
    public static Optional<ChangeHeader> next(List<ChangeHeader> newestFirst) {
        return newestFirst.stream()
                .filter(c -> c.kind() == ChangeKind.ROLLBACK && c.standing())
                .findFirst();
    }

    /**
     * The standing rollbacks of the current incident, newest first (the order they are undone in).
     * Restores and rollbacks they undid belong to the incident; any other change ends it.
     */
    public static List<ChangeHeader> incident(List<ChangeHeader> newestFirst) {
        List<ChangeHeader> undo = new ArrayList<>();
        for (ChangeHeader change : newestFirst) {
            ChangeKind kind = change.kind();
            if (kind == ChangeKind.RESTORE) {
                continue;
            }
            if (kind != ChangeKind.ROLLBACK) {
                break;
            }
            if (change.standing()) {
                undo.add(change);
            }
        }
        return List.copyOf(undo);
    }
}
