package dev.inspector.persistence;

import dev.inspector.domain.failure.StateChangedException;
import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.change.RowRestore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Undoes recorded change sets row by row, putting back only the columns each change moved, after
 * checking (under lock) that those columns still hold what the change left. Recorded images are
 * always bound values, turned back into typed rows by {@code jsonb_populate_record}; table and
 * column names are quoted identifiers, so no recorded content ever becomes SQL.
 */
public final class Restorer {

    /** The tables the console writes, in the global lock order, with the columns that identify a row. */
    enum RestorableTable {
        FEATURE_FLAGS("feature_flags", "id"),
        CHANNELS("release_channel_feature_flags", "feature_flag_id", "release_channel"),
        OVERRIDES("tenant_feature_flags", "tenant_id", "feature_flag_id"),
        GRANTS("tenant_feature_access", "tenant_id", "user_id", "feature_key"),
        TENANTS("tenants", "id"),
        /** The console's own list of archived flags; the only table outside the SaaS schema a change writes. */
        FLAG_ARCHIVE("inspector.flag_archive", "flag_key");

        final String table;
        final List<String> keyColumns;

        RestorableTable(String table, String... keyColumns) {
            this.table = table;
            this.keyColumns = List.of(keyColumns);
        }

        static Optional<RestorableTable> of(String table) {
            return Arrays.stream(values()).filter(t -> t.table.equals(table)).findFirst();
        }

        /** The schema: {@code public} unless the recorded name says otherwise ({@code inspector.flag_archive}). */
        String schema() {
            int dot = table.indexOf('.');
            return dot < 0 ? "public" : table.substring(0, dot);
        }

        String bareName() {
            return table.substring(table.indexOf('.') + 1);
        }

        Name qualified() {
            return DSL.name(schema(), bareName());
        }
    }

    private final DSLContext tx;
    private final ChangeLog log;
    private final Map<RestorableTable, Set<String>> insertable = new HashMap<>();

    public Restorer(DSLContext tx, ChangeLog log) {
        this.tx = tx;
        this.log = log;
    }

    /** Undoes one change set and links it to the change being recorded; refuses without writing if a row moved on. */
    public void undo(ChangeRecord change) {
        List<ChangeRecord.RowChange> rows = new ArrayList<>(change.rows());
        for (ChangeRecord.RowChange row : sortedForLocking(rows, change)) {
            current(table(row, change), image(row)); // lock in the global order before anything is written
        }
        Collections.reverse(rows);
        for (ChangeRecord.RowChange row : rows) {
            RestorableTable table = table(row, change);
            String now = current(table, image(row));
            RowRestore step = RowRestore.decide(RowImages.parse(row.before()), RowImages.parse(row.after()),
                    RowImages.parse(now));
            if (step instanceof RowRestore.Conflict conflict) {
                throw new StateChangedException("Since change " + change.id() + ", " + row.table() + " row "
                        + row.rowKey() + " moved on: " + conflict.what() + ". Nothing was restored; look at the history first.");
            }
            apply(table, row, step);
            Map<String, Object> named = RowImages.parse(image(row));
            log.row(row.table(), row.rowKey(), row.flagKey(), uuid(named, "tenant_id"), uuid(named, "user_id"), now,
                    current(table, image(row)));
        }
        log.restores(change.id());
    }

    private void apply(RestorableTable table, ChangeRecord.RowChange row, RowRestore step) {
        Table<?> target = DSL.table(table.qualified()).as("f");
        if (step instanceof RowRestore.Delete) {
            Table<?> recorded = recorded(table, row.after());
            tx.deleteFrom(target).using(recorded).where(match(table)).execute();
        } else if (step instanceof RowRestore.Insert) {
            Table<?> recorded = recorded(table, row.before());
            List<String> columns = new ArrayList<>(RowImages.parse(row.before()).keySet());
            columns.retainAll(insertable(table));
            Collections.sort(columns);
            List<Field<?>> into = columns.stream().<Field<?>>map(c -> DSL.field(DSL.name(c))).toList();
            List<Field<?>> from = columns.stream().<Field<?>>map(c -> DSL.field(DSL.name("i", c))).toList();
            tx.insertInto(DSL.table(table.qualified()), into).select(DSL.select(from).from(recorded)).execute();
        } else if (step instanceof RowRestore.Update update) {
            Table<?> recorded = recorded(table, row.before());
            Map<Field<?>, Field<?>> set = new HashMap<>();
            for (String column : update.columns()) {
                set.put(DSL.field(DSL.name(column)), DSL.field(DSL.name("i", column)));
            }
            tx.update(target).set(set).from(recorded).where(match(table)).execute();
        }
    }

    /** The row as it is now, locked, found by the key columns of {@code image}; null if there is none. */
    private String current(RestorableTable table, String image) {
        Table<?> target = DSL.table(table.qualified()).as("f");
        return tx.select(DSL.field("to_jsonb({0})::text", String.class, DSL.name("f")))
                .from(target, recorded(table, image))
                .where(match(table))
                .forUpdate().of(target)
                .fetchOptional(0, String.class).orElse(null);
    }

    /** The recorded image as a typed row of the table, aliased {@code i}. */
    private static Table<?> recorded(RestorableTable table, String image) {
        return DSL.table("jsonb_populate_record(NULL::{0}, {1}::jsonb)", table.qualified(), DSL.val(image)).as("i");
    }

    private static Condition match(RestorableTable table) {
        Condition condition = DSL.noCondition();
        for (String column : table.keyColumns) {
            condition = condition.and(DSL.field(DSL.name("f", column)).eq(DSL.field(DSL.name("i", column))));
        }
        return condition;
    }

    /** Columns an INSERT may name: not dropped, not generated, not GENERATED ALWAYS AS IDENTITY. */
    private Set<String> insertable(RestorableTable table) {
        return insertable.computeIfAbsent(table, t -> new TreeSet<>(tx.fetch(
                "SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass(format('%I.%I', ?, ?)) "
                        + "AND attnum > 0 AND NOT attisdropped AND attgenerated = '' AND attidentity <> 'a'",
                t.schema(), t.bareName()).getValues(0, String.class)));
    }

    private static List<ChangeRecord.RowChange> sortedForLocking(List<ChangeRecord.RowChange> rows, ChangeRecord change) {
        List<ChangeRecord.RowChange> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.<ChangeRecord.RowChange>comparingInt(r -> table(r, change).ordinal())
                .thenComparing(ChangeRecord.RowChange::rowKey));
        return sorted;
    }

    private static RestorableTable table(ChangeRecord.RowChange row, ChangeRecord change) {
        return RestorableTable.of(row.table()).orElseThrow(() -> new DatabaseException("Change " + change.id()
                + " touched " + row.table() + ", which the console cannot restore."));
    }

    private static java.util.UUID uuid(Map<String, Object> image, String column) {
        Object value = image.get(column);
        try {
            return value instanceof String text ? java.util.UUID.fromString(text) : null;
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    private static String image(ChangeRecord.RowChange row) {
        return row.after() != null ? row.after() : row.before();
    }
}
