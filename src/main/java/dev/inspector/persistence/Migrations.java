package dev.inspector.persistence;

import dev.inspector.domain.failure.DatabaseException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The two schema parts. The console's own {@code inspector} schema goes into every database it
 * connects to, with its Flyway history inside that schema. The SaaS schema with demo data is only
 * for the embedded database, or for an empty database on request.
 */
public final class Migrations {

    public static final String INSPECTOR_SCHEMA = "inspector";
    static final String DEMO_HISTORY = "inspector_demo_history";
    /** The newest demo migration (db/schema/saas V1, db/demo V2): a demo at this version needs no Flyway. */
    static final int DEMO_VERSION = 2;
    /** The newest migration under db/schema/inspector; a test keeps it equal to the files. */
    public static final int INSPECTOR_SCHEMA_VERSION = 5;

    private Migrations() {
    }

    /**
     * Brings the console's schema up to date when it is behind, and says so when it cannot be: one
     * cheap query when it is current (no Flyway), a migration only when needed, and for a role that
     * may not create or change it, the sentence that says what is unavailable instead of a failure.
     *
     * @return empty when the schema is current; else why the change history is unavailable
     */
    public static Optional<String> prepareInspectorSchema(DataSource dataSource, DSLContext dsl) {
        if (installedVersion(dsl) >= INSPECTOR_SCHEMA_VERSION) {
            return Optional.empty();
        }
        try {
            migrateInspectorSchema(dataSource);
            return Optional.empty();
        } catch (DatabaseException e) {
            return Optional.of("The console's own schema '" + INSPECTOR_SCHEMA + "' could not be "
                    + (installedVersion(dsl) > 0 ? "updated" : "created") + " as " + currentUser(dsl) + " ("
                    + firstLine(e) + ")");
        }
    }

    /** The newest successful migration of the console's schema here, 0 when it has none (or cannot be read). */
    static int installedVersion(DSLContext dsl) {
        return newestVersion(dsl, INSPECTOR_SCHEMA, "flyway_schema_history");
    }

    /**
     * The newest successful numbered migration in a Flyway history table: one query, instead of
     * Flyway's own validation, to learn that nothing needs doing. 0 when the table is missing or
     * the role may not read it.
     */
    private static int newestVersion(DSLContext dsl, String schema, String table) {
        Field<String> version = DSL.field(DSL.name("version"), String.class);
        try {
            Integer newest = dsl.select(DSL.max(version.cast(Integer.class)))
                    .from(DSL.table(DSL.name(schema, table)))
                    .where(DSL.field(DSL.name("success"), Boolean.class).isTrue())
                    .and(version.likeRegex("^[0-9]+$"))
                    .fetchOne(0, Integer.class);
            return newest == null ? 0 : newest;
        } catch (org.jooq.exception.DataAccessException missingOrNotReadable) {
            return 0; // the migration attempt, if any, will say why
        }
    }

    private static String currentUser(DSLContext dsl) {
        try {
            return String.valueOf(dsl.fetchValue("SELECT current_user"));
        } catch (org.jooq.exception.DataAccessException e) {
            return "this role";
        }
    }

    private static String firstLine(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int nl = message.indexOf('\n');
        return (nl >= 0 ? message.substring(0, nl) : message).replaceFirst("^ERROR: ", "").strip();
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
        if (demoBefore && newestVersion(dsl, "public", DEMO_HISTORY) >= DEMO_VERSION) {
            return 0; // current: one query, not Flyway's validation (a second of every window start)
        }
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
