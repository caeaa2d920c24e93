package dev.inspector.persistence;

import dev.inspector.domain.failure.DatabaseException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The two schema parts. The console's own {@code inspector} schema goes into every database it
 * connects to, with its Flyway history inside that schema. The SaaS schema with demo data is only
 * for the embedded database, or for an empty database on request.
 */
public final class Migrations {

    public static final String INSPECTOR_SCHEMA = "inspector";
    static final String DEMO_HISTORY = "inspector_demo_history";

    private Migrations() {
    }

    public static int migrateInspectorSchema(DataSource dataSource) {
        try {
            return Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(INSPECTOR_SCHEMA)
                    .defaultSchema(INSPECTOR_SCHEMA)
                    .locations("classpath:db/schema/inspector")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new DatabaseException("Could not set up the console's own schema '" + INSPECTOR_SCHEMA
                    + "': " + e.getMessage(), e);
        }
    }

    /**
     * Applies the SaaS schema and demo data. On a database that was not created by this method it
     * refuses unless the SaaS tables are absent, so an admin's real data is never touched.
     */
    public static int installDemo(DataSource dataSource, DSLContext dsl) {
        boolean demoBefore = tableExists(dsl, "public", DEMO_HISTORY);
        if (!demoBefore && tableExists(dsl, "public", "feature_flags")) {
            throw new DatabaseException("This database already has a feature_flags table: "
                    + "the demo schema and data are only installed into an empty database.");
        }
        try {
            return Flyway.configure()
                    .dataSource(dataSource)
                    .schemas("public")
                    .defaultSchema("public")
                    .table(DEMO_HISTORY)
                    .locations("classpath:db/schema/saas", "classpath:db/demo")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new DatabaseException("Could not install the demo schema: " + e.getMessage(), e);
        }
    }

    static boolean tableExists(DSLContext dsl, String schema, String table) {
        return dsl.fetchExists(DSL.selectOne()
                .from(DSL.table(DSL.name("information_schema", "tables")))
                .where(DSL.field(DSL.name("table_schema")).eq(schema))
                .and(DSL.field(DSL.name("table_name")).eq(table)));
    }
}
