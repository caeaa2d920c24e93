package dev.inspector.persistence;

import static dev.inspector.persistence.jooq.inspector.Tables.CHANGE_SET;

import dev.inspector.domain.lifecycle.StageMark;
import java.util.HashMap;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Per flag, the newest recorded change of its state and its newest promotion: two DISTINCT ON
 * queries over the change sets, whatever the size of the history.
 */
public final class StageMarks {

    /** Changes that cannot move a flag along its way: its texts, a user's grant, a tenant's channel. */
    private static final Condition STATE_CHANGE = CHANGE_SET.ACTION.notIn("edit", "grant", "revoke", "move-tenant");
    private static final Condition PROMOTION = CHANGE_SET.ACTION.like("promote%");

    private StageMarks() {
    }

    public static Map<String, StageMark> lastChange(DSLContext dsl) {
        return newest(dsl, STATE_CHANGE);
    }

    public static Map<String, StageMark> lastPromotion(DSLContext dsl) {
        return newest(dsl, PROMOTION);
    }

    /**
     * For each flag key in the history, its newest change set that {@code which} accepts. Not one
     * DISTINCT ON over the whole history (a sort of every change set: 2.5 s at a million) but a walk
     * of the (flag_key, happened_at) index: a recursive query finds the distinct keys one index probe
     * each, and per key the newest matching change set is read from the index's end.
     */
    private static Map<String, StageMark> newest(DSLContext dsl, Condition which) {
        var keys = DSL.name("flag_keys");
        Field<String> key = DSL.field(DSL.name("flag_keys", "flag_key"), String.class);
        var later = CHANGE_SET.as("later");
        var distinctKeys = keys.fields("flag_key").as(
                DSL.select(CHANGE_SET.FLAG_KEY).from(CHANGE_SET).where(CHANGE_SET.FLAG_KEY.isNotNull())
                        .orderBy(CHANGE_SET.FLAG_KEY).limit(1)
                        .unionAll(DSL.select(DSL.field(DSL.select(later.FLAG_KEY).from(later)
                                        .where(later.FLAG_KEY.gt(key)).orderBy(later.FLAG_KEY).limit(1)))
                                .from(DSL.table(keys)).where(key.isNotNull())));
        Table<?> newest = DSL.lateral(DSL.select(CHANGE_SET.ACTION, CHANGE_SET.HAPPENED_AT,
                        DSL.coalesce(CHANGE_SET.OS_USER, CHANGE_SET.DB_ROLE).as("by_whom"))
                .from(CHANGE_SET)
                .where(CHANGE_SET.FLAG_KEY.eq(key)).and(which)
                .orderBy(CHANGE_SET.HAPPENED_AT.desc(), CHANGE_SET.ID.desc()).limit(1)).as("newest");
        Map<String, StageMark> marks = new HashMap<>();
        dsl.withRecursive(distinctKeys)
                .select(key, newest.field(CHANGE_SET.ACTION.getName(), String.class),
                        newest.field(CHANGE_SET.HAPPENED_AT.getName(), java.time.OffsetDateTime.class),
                        newest.field("by_whom", String.class))
                .from(DSL.table(keys)).crossJoin(newest)
                .where(key.isNotNull())
                .forEach(r -> marks.put(r.value1(), new StageMark(r.value2(), r.value3().toInstant(), r.value4())));
        return marks;
    }
}
