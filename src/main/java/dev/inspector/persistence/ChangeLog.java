package dev.inspector.persistence;

import static dev.inspector.persistence.jooq.inspector.Tables.CHANGE_ENTRY;
import static dev.inspector.persistence.jooq.inspector.Tables.CHANGE_SET;
import static dev.inspector.persistence.jooq.inspector.Tables.RESTORED_CHANGE;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * The change set of one user action, written on the caller's transaction so a change and its
 * record commit or roll back together. Rows are collected as the action writes them and stored
 * at {@link #close()}, and only when some row really changed: an action that found everything as
 * it wanted records nothing.
 */
public final class ChangeLog {

    /** The channel other consoles LISTEN on; the payload is "changeSetId consoleId flagKey". */
    public static final String CHANNEL = "inspector_changes";

    private final DSLContext tx;
    private final String flagKey;
    private String reason;
    private final String osUser;
    private final String consoleId;
    private final List<Entry> rows = new ArrayList<>();
    private final List<Long> restores = new ArrayList<>();
    private String action;

    private record Entry(String table, String rowKey, String flagKey, UUID tenantId, UUID userId,
                         String before, String after) {
    }

    private ChangeLog(DSLContext tx, String action, String flagKey, String reason, String osUser, String consoleId) {
        this.tx = tx;
        this.action = action;
        this.flagKey = flagKey;
        this.reason = reason == null ? "" : reason;
        this.osUser = osUser;
        this.consoleId = consoleId;
    }

    /** Starts a change set for one user action; {@code current_user} is recorded by the database itself. */
    public static ChangeLog begin(DSLContext tx, String action, String flagKey, String reason, String osUser,
                                  String consoleId) {
        return new ChangeLog(tx, action, flagKey, reason, osUser, consoleId);
    }

    /** The action may be known only once the rows are read, e.g. a switch that turns out to be a rollback. */
    public void action(String name) {
        this.action = Objects.requireNonNull(name);
    }

    public String action() {
        return action;
    }

    /** The reason, when the action composes it itself (a restore without one names what it undid). */
    public void reason(String text) {
        this.reason = text == null ? "" : text;
    }

    /** Records a row image pair; a pair that is equal as JSON changed nothing and is left out. */
    public void row(String table, String rowKey, String rowFlag, UUID tenantId, UUID userId, String before,
                    String after) {
        if (before == null && after == null || before != null && after != null && RowImages.same(before, after)) {
            return;
        }
        rows.add(new Entry(table, rowKey, rowFlag, tenantId, userId, before, after));
    }

    /** This change undoes {@code changeSetId}; a change can be undone only once. */
    public void restores(long changeSetId) {
        restores.add(changeSetId);
    }

    public int rowCount() {
        return rows.size();
    }

    /** The SQL that would put every recorded row back, newest first, for an admin to read before writing. */
    public List<String> undo(DSLContext dsl) {
        List<String> statements = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            Entry row = rows.get(i);
            statements.add(UndoSql.of(dsl, row.table(), row.before(), row.after()));
        }
        return statements;
    }

    /**
     * Stores the change set with its rows and tells other consoles (pg_notify is delivered on
     * commit only, so a change that rolls back is never announced). Empty when no row changed.
     */
    public Optional<Long> close() {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long id = tx.insertInto(CHANGE_SET, CHANGE_SET.OS_USER, CHANGE_SET.ACTION, CHANGE_SET.FLAG_KEY, CHANGE_SET.REASON,
                        CHANGE_SET.CONSOLE_ID)
                .values(osUser, action, flagKey, reason, consoleId)
                .returning(CHANGE_SET.ID)
                .fetchSingle(CHANGE_SET.ID);
        var insert = tx.insertInto(CHANGE_ENTRY, CHANGE_ENTRY.CHANGE_SET_ID, CHANGE_ENTRY.TABLE_NAME,
                CHANGE_ENTRY.ROW_KEY, CHANGE_ENTRY.FLAG_KEY, CHANGE_ENTRY.TENANT_ID, CHANGE_ENTRY.USER_ID,
                CHANGE_ENTRY.BEFORE_VALUE, CHANGE_ENTRY.AFTER_VALUE);
        for (Entry row : rows) {
            insert = insert.values(id, row.table(), row.rowKey(), row.flagKey(), row.tenantId(), row.userId(),
                    jsonb(row.before()), jsonb(row.after()));
        }
        insert.execute();
        for (long undone : restores) {
            tx.insertInto(RESTORED_CHANGE, RESTORED_CHANGE.CHANGE_SET_ID, RESTORED_CHANGE.RESTORED_BY)
                    .values(undone, id).execute();
        }
        String payload = id + " " + consoleId + " " + (flagKey == null ? "" : flagKey);
        tx.select(DSL.function("pg_notify", Object.class, DSL.val(CHANNEL), DSL.val(payload))).fetch();
        return Optional.of(id);
    }

    private static JSONB jsonb(String text) {
        return text == null ? null : JSONB.valueOf(text);
    }
}
