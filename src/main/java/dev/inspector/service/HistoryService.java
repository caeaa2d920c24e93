package dev.inspector.service;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.persistence.ChangeHistoryReader;
import dev.inspector.persistence.Database;
import java.util.List;
import java.util.Optional;
import org.jooq.exception.DataAccessException;

/** Reads the change history. */
public final class HistoryService {

    private final Database database;

    public HistoryService(Database database) {
        this.database = database;
    }

    /** The newest change sets first, optionally only those touching one flag. */
    public List<ChangeRecord> recent(Optional<String> flagKey, int limit) {
        try {
            return new ChangeHistoryReader(database.dsl()).recent(flagKey, limit);
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("Reading the change history", e);
        }
    }

    /** The change sets of a period, newest first, at most {@code limit}. */
    public List<ChangeRecord> between(java.time.OffsetDateTime from, java.time.OffsetDateTime until, int limit) {
        try {
            return new ChangeHistoryReader(database.dsl()).between(from, until, limit);
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("Reading the change history", e);
        }
    }

    /** Archived flags and, per flag, its newest state change and promotion: three small queries. */
    public dev.inspector.domain.lifecycle.LifecycleFacts lifecycle() {
        try {
            var dsl = database.dsl();
            return new dev.inspector.domain.lifecycle.LifecycleFacts(dev.inspector.persistence.ArchiveWrites.archived(dsl),
                    dev.inspector.persistence.StageMarks.lastChange(dsl),
                    dev.inspector.persistence.StageMarks.lastPromotion(dsl));
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("Reading the change history", e);
        }
    }

    /** When, by whom and why the flag's killswitch was last tripped, if a recorded change did it. */
    public Optional<dev.inspector.domain.KillswitchAction.Trip> latestTrip(String flagKey) {
        try {
            return new ChangeHistoryReader(database.dsl()).latestTrip(flagKey);
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("Reading the change history", e);
        }
    }

    public Optional<ChangeRecord> find(long changeSetId) {
        try {
            return new ChangeHistoryReader(database.dsl()).find(changeSetId);
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("Reading the change history", e);
        }
    }
}
