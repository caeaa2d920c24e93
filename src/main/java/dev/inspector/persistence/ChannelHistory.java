package dev.inspector.persistence;

import static dev.inspector.persistence.jooq.inspector.Tables.CHANGE_ENTRY;
import static dev.inspector.persistence.jooq.inspector.Tables.CHANGE_SET;

import dev.inspector.domain.ReleaseChannel;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Questions about a channel row's past, answered from the change history. PostgreSQL reads the
 * row images ({@code ->> 'enabled'}), so the answer does not depend on how the JSON text is spelt.
 */
public final class ChannelHistory {

    private final DSLContext dsl;

    public ChannelHistory(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * When the flag's row for the channel was last switched on (inserted on, or turned from off to
     * on) by any recorded change; empty if the history never saw it happen, e.g. because it was done
     * by hand in SQL.
     */
    public Optional<OffsetDateTime> lastSwitchedOn(String flagKey, ReleaseChannel channel) {
        Field<Boolean> onAfter = DSL.field("({0} ->> 'enabled')::boolean", Boolean.class, CHANGE_ENTRY.AFTER_VALUE);
        Field<Boolean> onBefore = DSL.field("coalesce(({0} ->> 'enabled')::boolean, false)", Boolean.class,
                CHANGE_ENTRY.BEFORE_VALUE);
        return dsl.select(CHANGE_SET.HAPPENED_AT)
                .from(CHANGE_SET).join(CHANGE_ENTRY).on(CHANGE_ENTRY.CHANGE_SET_ID.eq(CHANGE_SET.ID))
                .where(CHANGE_ENTRY.TABLE_NAME.eq("release_channel_feature_flags"))
                .and(CHANGE_ENTRY.ROW_KEY.eq(flagKey + "/" + channel.dbValue()))
                .and(onAfter.isTrue())
                .and(onBefore.isFalse())
                .orderBy(CHANGE_SET.HAPPENED_AT.desc(), CHANGE_SET.ID.desc())
                .limit(1)
                .fetchOptional(CHANGE_SET.HAPPENED_AT);
    }
}
