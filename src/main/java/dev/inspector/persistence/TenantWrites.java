package dev.inspector.persistence;

import static dev.inspector.persistence.jooq.public_.Tables.TENANTS;

import dev.inspector.persistence.jooq.public_.tables.Tenants;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Moves a tenant to another release channel inside a recording transaction, with its row's before and after image. */
public final class TenantWrites {

    private static final Tenants T = TENANTS.as("r");

    private final DSLContext tx;
    private final ChangeLog log;

    public TenantWrites(FlagWrites writes) {
        this.tx = writes.tx();
        this.log = writes.log();
    }

    /** The tenant's release_channel, locked; empty when there is no such tenant, null inside when it is NULL. */
    public Optional<Optional<String>> lockChannel(UUID tenantId) {
        return tx.select(T.RELEASE_CHANNEL).from(T).where(T.ID.eq(tenantId)).forNoKeyUpdate()
                .fetchOptional(r -> Optional.ofNullable(r.value1()));
    }

    /** Sets the channel of a tenant whose row the caller holds locked. */
    public void setChannel(UUID tenantId, String channel) {
        String before = image(tenantId);
        tx.update(TENANTS).set(TENANTS.RELEASE_CHANNEL, channel).where(TENANTS.ID.eq(tenantId)).execute();
        log.row("tenants", tenantId.toString(), null, tenantId, null, before, image(tenantId));
    }

    private String image(UUID tenantId) {
        return FlagWrites.text(tx.select(FlagWrites.ROW_IMAGE).from(T).where(T.ID.eq(tenantId)).fetchOne(FlagWrites.ROW_IMAGE));
    }
}
