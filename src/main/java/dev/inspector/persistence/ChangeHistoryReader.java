package dev.inspector.persistence;

import static dev.inspector.persistence.jooq.inspector.Tables.CHANGE_ENTRY;
import static dev.inspector.persistence.jooq.inspector.Tables.CHANGE_SET;
import static dev.inspector.persistence.jooq.inspector.Tables.RESTORED_CHANGE;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.KillswitchAction;
import dev.inspector.domain.change.ChangeHeader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/** Reads the change history: whole change sets for the history pane, headers for the restore stack. */
public final class ChangeHistoryReader {

    private static final Field<Long> RESTORED_BY = DSL.field(DSL.select(RESTORED_CHANGE.RESTORED_BY)
            .from(RESTORED_CHANGE).where(RESTORED_CHANGE.CHANGE_SET_ID.eq(CHANGE_SET.ID)));

    private final DSLContext dsl;

    public ChangeHistoryReader(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Change sets that touched the flag: named by the set, or by one of its rows (a change over several flags). */
    static Condition touches(String flagKey) {
        return CHANGE_SET.FLAG_KEY.eq(flagKey).or(DSL.exists(DSL.selectOne().from(CHANGE_ENTRY)
                .where(CHANGE_ENTRY.CHANGE_SET_ID.eq(CHANGE_SET.ID)).and(CHANGE_ENTRY.FLAG_KEY.eq(flagKey))));
    }

    /** The newest change sets first, optionally those touching one flag, with their row images. Two queries. */
    public List<ChangeRecord> recent(Optional<String> flagKey, int limit) {
        return read(flagKey.map(ChangeHistoryReader::touches).orElse(DSL.noCondition()), limit);
    }

    /** The change sets from {@code from} (inclusive) until {@code until} (exclusive), newest first, at most {@code limit}. */
    public List<ChangeRecord> between(java.time.OffsetDateTime from, java.time.OffsetDateTime until, int limit) {
        return read(CHANGE_SET.HAPPENED_AT.ge(from).and(CHANGE_SET.HAPPENED_AT.lt(until)), limit);
    }

    public Optional<ChangeRecord> find(long changeSetId) {
        return read(CHANGE_SET.ID.eq(changeSetId), 1).stream().findFirst();
    }

    /** The newest change sets touching the flag, without their rows, newest first. */
    public List<ChangeHeader> headers(String flagKey, int limit) {
        return dsl.select(CHANGE_SET.ID, CHANGE_SET.ACTION, RESTORED_BY)
                .from(CHANGE_SET).where(touches(flagKey))
                .orderBy(CHANGE_SET.ID.desc()).limit(limit)
                .fetch(r -> new ChangeHeader(r.value1(), r.value2(), Optional.ofNullable(r.value3())));
    }

    /** When, by whom and why the flag's killswitch was last tripped by a recorded change. */
    public Optional<KillswitchAction.Trip> latestTrip(String flagKey) {
        Field<Boolean> trippedAfter = DSL.field("coalesce(({0} ->> 'is_killswitch')::boolean "
                + "and not ({0} ->> 'default_enabled')::boolean, false)", Boolean.class, CHANGE_ENTRY.AFTER_VALUE);
        Field<Boolean> trippedBefore = DSL.field("coalesce(({0} ->> 'is_killswitch')::boolean "
                + "and not ({0} ->> 'default_enabled')::boolean, false)", Boolean.class, CHANGE_ENTRY.BEFORE_VALUE);
        return dsl.select(CHANGE_SET.HAPPENED_AT, CHANGE_SET.OS_USER, CHANGE_SET.DB_ROLE, CHANGE_SET.REASON)
                .from(CHANGE_SET).join(CHANGE_ENTRY).on(CHANGE_ENTRY.CHANGE_SET_ID.eq(CHANGE_SET.ID))
                .where(CHANGE_ENTRY.TABLE_NAME.eq("feature_flags")).and(CHANGE_ENTRY.ROW_KEY.eq(flagKey))
                .and(trippedAfter.isTrue()).and(trippedBefore.isFalse())
                .orderBy(CHANGE_SET.ID.desc()).limit(1)
                .fetchOptional(r -> new KillswitchAction.Trip(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private List<ChangeRecord> read(Condition where, int limit) {
        var sets = dsl.select(CHANGE_SET.ID, CHANGE_SET.HAPPENED_AT, CHANGE_SET.DB_ROLE, CHANGE_SET.OS_USER,
                        CHANGE_SET.ACTION, CHANGE_SET.FLAG_KEY, CHANGE_SET.REASON, RESTORED_BY)
                .from(CHANGE_SET).where(where).orderBy(CHANGE_SET.ID.desc()).limit(limit).fetch();
        Map<Long, List<ChangeRecord.RowChange>> rowsBySet = new LinkedHashMap<>();
        sets.forEach(r -> rowsBySet.put(r.value1(), new ArrayList<>()));
        if (!rowsBySet.isEmpty()) {
            dsl.select(CHANGE_ENTRY.CHANGE_SET_ID, CHANGE_ENTRY.TABLE_NAME, CHANGE_ENTRY.ROW_KEY, CHANGE_ENTRY.FLAG_KEY,
                            CHANGE_ENTRY.TENANT_ID, CHANGE_ENTRY.USER_ID, CHANGE_ENTRY.BEFORE_VALUE, CHANGE_ENTRY.AFTER_VALUE)
                    .from(CHANGE_ENTRY).where(CHANGE_ENTRY.CHANGE_SET_ID.in(rowsBySet.keySet())).orderBy(CHANGE_ENTRY.ID)
                    .forEach(e -> rowsBySet.get(e.value1()).add(new ChangeRecord.RowChange(e.value2(), e.value3(),
                            e.value4(), e.value5(), e.value6(), text(e.value7()), text(e.value8()))));
        }
        return sets.map(r -> new ChangeRecord(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                r.value7(), rowsBySet.get(r.value1()), Optional.ofNullable(r.value8())));
    }

    private static String text(JSONB json) {
        return json == null ? null : json.data();
    }
}
