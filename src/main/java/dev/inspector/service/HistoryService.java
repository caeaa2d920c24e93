package dev.inspector.service;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.persistence.ChangeLog;
import dev.inspector.persistence.Database;
import java.util.List;
import java.util.Optional;

/** Reads the change history. */
public final class HistoryService {

    private static final int SCAN = 500;
    private final Database database;

    public HistoryService(Database database) {
        this.database = database;
    }

    public List<ChangeRecord> recent(Optional<String> flagKey, int limit) {
        return ChangeLog.read(database.dsl(), flagKey, limit);
    }

    /**
     * The newest rollback of the flag, unless a restore came after it. Other changes in between do
     * not hide it; restoring then checks row by row that nothing it would undo has moved.
     */
    public Optional<ChangeRecord> latestRollback(String flagKey) {
        for (ChangeRecord change : recent(Optional.of(flagKey), SCAN)) {
            if (change.action().equals("restore")) {
                return Optional.empty();
            }
            if (change.action().startsWith("rollback:")) {
                return Optional.of(change);
            }
        }
        return Optional.empty();
    }
}
