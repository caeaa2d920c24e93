package dev.inspector.persistence;

import static dev.inspector.persistence.jooq.inspector.Tables.CHANGE_SET;

import dev.inspector.domain.lifecycle.StageMark;
import java.util.HashMap;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
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

    private static Map<String, StageMark> newest(DSLContext dsl, Condition which) {
        Map<String, StageMark> marks = new HashMap<>();
        dsl.select(CHANGE_SET.FLAG_KEY, CHANGE_SET.ACTION, CHANGE_SET.HAPPENED_AT,
                        DSL.coalesce(CHANGE_SET.OS_USER, CHANGE_SET.DB_ROLE))
                .distinctOn(CHANGE_SET.FLAG_KEY)
                .from(CHANGE_SET)
                .where(CHANGE_SET.FLAG_KEY.isNotNull()).and(which)
                .orderBy(CHANGE_SET.FLAG_KEY, CHANGE_SET.HAPPENED_AT.desc(), CHANGE_SET.ID.desc())
                .forEach(r -> marks.put(r.value1(), new StageMark(r.value2(), r.value3().toInstant(), r.value4())));
        return marks;
    }
}
