package dev.inspector.persistence;

import static dev.inspector.persistence.jooq.inspector.Tables.FLAG_ARCHIVE;

import dev.inspector.persistence.jooq.inspector.tables.FlagArchive;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The console's list of archived flags ({@code inspector.flag_archive}): archiving adds a row,
 * unarchiving deletes it, each inside a recording transaction with its row image, so a restore
 * puts back exactly what was there. The SaaS tables are never written by an archive.
 */
public final class ArchiveWrites {

    /** Recorded as the table of an archive's row, so restores and undo SQL find the console's schema. */
    public static final String TABLE = "inspector.flag_archive";
    private static final FlagArchive A = FLAG_ARCHIVE.as("r");

    private final DSLContext tx;
    private final ChangeLog log;

    public ArchiveWrites(FlagWrites writes) {
        this.tx = writes.tx();
        this.log = writes.log();
    }

    /** Whether the flag is archived, its row locked if so. */
    public boolean lockArchived(String flagKey) {
        return tx.selectOne().from(A).where(A.FLAG_KEY.eq(flagKey)).forUpdate().fetchOptional().isPresent();
    }

    public void archive(String flagKey) {
        tx.insertInto(FLAG_ARCHIVE, FLAG_ARCHIVE.FLAG_KEY).values(flagKey).execute();
        log.row(TABLE, flagKey, flagKey, null, null, null, image(flagKey));
    }

    public void unarchive(String flagKey) {
        String before = image(flagKey);
        tx.deleteFrom(FLAG_ARCHIVE).where(FLAG_ARCHIVE.FLAG_KEY.eq(flagKey)).execute();
        log.row(TABLE, flagKey, flagKey, null, null, before, null);
    }

    private String image(String flagKey) {
        return FlagWrites.text(tx.select(FlagWrites.ROW_IMAGE).from(A).where(A.FLAG_KEY.eq(flagKey)).fetchOne(FlagWrites.ROW_IMAGE));
    }

    /**
     * The archived flags with when each was archived, by key; empty where the console's schema is
     * older than the archive or the role may not read it (nothing is hidden then).
     */
    public static Map<String, Instant> archived(DSLContext dsl) {
        Map<String, Instant> keys = new TreeMap<>();
        try {
            if (Boolean.TRUE.equals(dsl.fetchValue("select to_regclass('inspector.flag_archive') is not null and "
                    + "has_table_privilege('inspector.flag_archive', 'SELECT')"))) {
                dsl.select(A.FLAG_KEY, A.ARCHIVED_AT).from(A)
                        .forEach(r -> keys.put(r.value1(), r.value2().toInstant()));
            }
        } catch (DataAccessException unreadable) {
            return Map.of();
        }
        return keys;
    }
}
