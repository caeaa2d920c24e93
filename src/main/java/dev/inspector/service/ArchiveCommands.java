package dev.inspector.service;

import static dev.inspector.service.ChangeWriter.lockExisting;
import static dev.inspector.service.ChangeWriter.requireReason;

import dev.inspector.domain.ChangeKind;
import dev.inspector.domain.ConsoleFeature;
import dev.inspector.domain.SchemaReport;
import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.persistence.ArchiveWrites;
import dev.inspector.persistence.Database;
import java.time.Instant;
import java.util.Map;
import org.jooq.exception.DataAccessException;

/**
 * Archiving a flag: it leaves the daily views, keeps its rows and its history, and comes back with
 * Unarchive or a restore of the archive. No delete: a flag is removed from the database by the
 * admin's own migration once its code is gone, never in one click here.
 */
public final class ArchiveCommands {

    private final ChangeWriter writer;
    private final SchemaReport schema;
    private final Database database;

    ArchiveCommands(Database database, SchemaReport schema, String osUser, String consoleId, Rehearsal rehearsal) {
        this.writer = new ChangeWriter(database, osUser, consoleId, rehearsal);
        this.schema = schema;
        this.database = database;
    }

    /** The archived flags with when each was archived; empty where the console's schema has no archive yet. */
    public Map<String, Instant> archived() {
        try {
            return ArchiveWrites.archived(database.dsl());
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("Reading the archived flags", e);
        }
    }

    public WriteOutcome archive(String flagKey, String reason) {
        return set(flagKey, true, reason);
    }

    public WriteOutcome unarchive(String flagKey, String reason) {
        return set(flagKey, false, reason);
    }

    private WriteOutcome set(String flagKey, boolean archive, String reason) {
        ChangeWriter.require(schema, ConsoleFeature.FLAG_LIST);
        requireReason(reason, archive ? "archiving a flag" : "unarchiving a flag");
        if (!database.dsl().fetchOptional("select 1 where to_regclass('inspector.flag_archive') is not null").isPresent()) {
            throw new DatabaseException("The console's schema here is older than this console and has no archive yet: "
                    + "connect once as its owner (e.g. inspector_admin) to bring it up to date. Nothing was written.");
        }
        return writer.write(archive ? ChangeKind.ARCHIVE_ACTION : ChangeKind.UNARCHIVE_ACTION, flagKey, reason, writes -> {
            lockExisting(writes, flagKey);
            ArchiveWrites archives = new ArchiveWrites(writes);
            boolean now = archives.lockArchived(flagKey);
            if (now == archive) {
                return "The flag '" + flagKey + "' is " + (archive ? "archived" : "not archived") + " already: nothing changed.";
            }
            if (archive) {
                archives.archive(flagKey);
            } else {
                archives.unarchive(flagKey);
            }
            return "";
        });
    }
}
