package dev.inspector.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The SQL that puts one recorded row back as it was, for an admin to read or paste: every name
 * quoted and every value inlined by jOOQ, values taken from the recorded image itself through
 * {@code jsonb_populate_record}, so a text column holding quotes or a newline stays what it was.
 */
final class UndoSql {

    private UndoSql() {
    }

    static String of(DSLContext dsl, String table, String before, String after) {
        return render(dsl, known(table), before, after, known(table).qualified());
    }

    static Restorer.RestorableTable known(String table) {
        return Restorer.RestorableTable.of(table).orElseThrow(() ->
                new IllegalArgumentException("no undo for rows of " + table));
    }

    /** The undo of one row change, aimed at {@code targetName} (a copy of the table, for looking into the past). */
    static String render(DSLContext dsl, Restorer.RestorableTable known, String before, String after, Name targetName) {
        Table<?> target = DSL.table(targetName);
        List<Name> keys = known.keyColumns.stream().map(DSL::name).toList();
        Query query;
        if (before == null) {
            query = dsl.deleteFrom(target).where(DSL.row(fields(keys)).eq(DSL.select(fields(keys)).from(image(known, after))));
        } else if (after == null) {
            query = dsl.insertInto(target).select(DSL.selectFrom(image(known, before)));
        } else {
            Map<String, Object> was = RowImages.parse(before);
            Map<String, Object> is = RowImages.parse(after);
            List<Name> changed = new ArrayList<>();
            was.keySet().stream().sorted().filter(c -> !Objects.equals(was.get(c), is.get(c))).forEach(c -> changed.add(DSL.name(c)));
            var set = dsl.update(target).set(DSL.row(fields(changed)), DSL.select(fields(changed)).from(image(known, before)));
            query = set.where(DSL.row(fields(keys)).eq(DSL.select(fields(keys)).from(image(known, after))));
        }
        return dsl.renderInlined(query) + ";";
    }

    private static Table<?> image(Restorer.RestorableTable table, String json) {
        return DSL.table("jsonb_populate_record(NULL::{0}, {1}::jsonb)", table.qualified(), DSL.inline(json));
    }

    private static Field<?>[] fields(List<Name> names) {
        return names.stream().map(DSL::field).toArray(Field[]::new);
    }
}
