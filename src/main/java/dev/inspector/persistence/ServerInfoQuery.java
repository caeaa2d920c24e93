package dev.inspector.persistence;

import dev.inspector.domain.ConnectionInfo;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/** Server version and the role the console acts as, for the status bar. */
public final class ServerInfoQuery {

    private ServerInfoQuery() {
    }

    public static ConnectionInfo read(DSLContext dsl, ConnectionSettings settings) {
        Record2<String, String> r = dsl.select(
                        DSL.field("current_setting('server_version')", String.class),
                        DSL.field("current_user", String.class))
                .fetchSingle();
        String label = settings.embedded() ? "embedded demo" : settings.label();
        return new ConnectionInfo(label, "PostgreSQL " + r.value1(), r.value2(), settings.embedded());
    }
}
