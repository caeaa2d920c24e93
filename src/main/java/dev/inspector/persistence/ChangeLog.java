package dev.inspector.persistence;

import static dev.inspector.persistence.jooq.inspector.Tables.CHANGE_ENTRY;
import static dev.inspector.persistence.jooq.inspector.Tables.CHANGE_SET;

import dev.inspector.domain.ChangeRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * The change history in the console's schema. Writes happen on the caller's transaction, so a
 * change and its record commit or roll back together.
 */
public final class ChangeLog {

    /** The channel other consoles LISTEN on; the payload is the flag key (or empty). */
    public static final String CHANNEL = "inspector_changes";

    private final DSLContext tx;
    private final long changeSetId;
    private final List<ChangeRecord.RowChange> rows = new ArrayList<>();
    private final String flagKey;

    private ChangeLog(DSLContext tx, long changeSetId, String flagKey) {
        this.tx = tx;
        this.changeSetId = changeSetId;
        this.flagKey = flagKey;
    }

    /** Opens a change set for one user action; {@code current_user} is recorded by the database itself. */
    public static ChangeLog open(DSLContext tx, String action, String flagKey, String reason, String osUser) {
        long id = tx.insertInto(CHANGE_SET, CHANGE_SET.OS_USER, CHANGE_SET.ACTION, CHANGE_SET.FLAG_KEY, CHANGE_SET.REASON)
                .values(osUser, action, flagKey, reason == null ? "" : reason)
                .returning(CHANGE_SET.ID)
                .fetchSingle(CHANGE_SET.ID);
        return new ChangeLog(tx, id, flagKey);
    }

    public long id() {
        return changeSetId;
    }

    public void row(String table, String rowKey, String before, String after) {
        rows.add(new ChangeRecord.RowChange(table, rowKey, before, after));
    }

    /** Writes the row images and tells other consoles; call last, inside the transaction. */
    public void close() {
        if (!rows.isEmpty()) {
            var insert = tx.insertInto(CHANGE_ENTRY, CHANGE_ENTRY.CHANGE_SET_ID, CHANGE_ENTRY.TABLE_NAME,
                    CHANGE_ENTRY.ROW_KEY, CHANGE_ENTRY.BEFORE_VALUE, CHANGE_ENTRY.AFTER_VALUE);
            for (ChangeRecord.RowChange row : rows) {
                insert = insert.values(changeSetId, row.table(), row.rowKey(), jsonb(row.before()), jsonb(row.after()));
            }
            insert.execute();
        }
        // pg_notify is delivered only on commit, so other consoles never see a change that rolled back
        tx.select(DSL.function("pg_notify", Object.class, DSL.val(CHANNEL), DSL.val(flagKey == null ? "" : flagKey)))
                .fetch();
    }

    private static JSONB jsonb(String text) {
        return text == null ? null : JSONB.valueOf(text);
    }

    /** The newest change sets first, optionally for one flag, with their row images. Two queries. */
    public static List<ChangeRecord> read(DSLContext dsl, Optional<String> flagKey, int limit) {
        return read(dsl, flagKey.map(CHANGE_SET.FLAG_KEY::eq).orElse(DSL.noCondition()), limit);
    }

    private static List<ChangeRecord> read(DSLContext dsl, Condition where, int limit) {
        var sets = dsl.selectFrom(CHANGE_SET).where(where).orderBy(CHANGE_SET.ID.desc()).limit(limit).fetch();
        Map<Long, List<ChangeRecord.RowChange>> rowsBySet = new LinkedHashMap<>();
        sets.forEach(r -> rowsBySet.put(r.getId(), new ArrayList<>()));
        if (!rowsBySet.isEmpty()) {
            dsl.selectFrom(CHANGE_ENTRY).where(CHANGE_ENTRY.CHANGE_SET_ID.in(rowsBySet.keySet())).orderBy(CHANGE_ENTRY.ID)
                    .forEach(e -> rowsBySet.get(e.getChangeSetId()).add(new ChangeRecord.RowChange(e.getTableName(),
                            e.getRowKey(), text(e.getBeforeValue()), text(e.getAfterValue()))));
        }
        return sets.map(r -> new ChangeRecord(r.getId(), r.getHappenedAt(), r.getDbRole(), r.getOsUser(),
                r.getAction(), r.getFlagKey(), r.getReason(), rowsBySet.get(r.getId())));
    }

    public static Optional<ChangeRecord> find(DSLContext dsl, long changeSetId) {
        return read(dsl, CHANGE_SET.ID.eq(changeSetId), 1).stream().findFirst();
    }

    private static String text(JSONB json) {
        return json == null ? null : json.data();
    }
}
