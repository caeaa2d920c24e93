package dev.inspector.service;

import dev.inspector.domain.ConsoleFeature;
import dev.inspector.domain.SchemaReport;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.persistence.Database;
import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.persistence.GateSnapshotRepository;
import org.jooq.exception.DataAccessException;

/**
 * Answers "is this feature on for this tenant and user, and why?" from one consistent snapshot of
 * the gate tables, with the same engine for the simulator, the matrix and the command line. The
 * server gate needs the four tables of its resolution order; user grants and the user directory
 * are read where the database has them.
 */
public final class GateService {

    private final Database database;
    private final SchemaReport schema;

    public GateService(Database database, SchemaReport schema) {
        this.database = database;
        this.schema = schema;
    }

    /** A fresh snapshot: at most six queries, whatever the size of the database. */
    public GateSnapshot snapshot() {
        return serverGate("Loading the gate tables", () -> new GateSnapshotRepository(database.dsl(),
                schema.supports(ConsoleFeature.USER_GRANTS), schema.supports(ConsoleFeature.USER_DIRECTORY)).load());
    }

    /**
     * The server gate's tables only (tenants, flags, channel rows, overrides): what the matrix
     * needs. No users and no grants, which can be as many as the tenants' users.
     */
    public GateSnapshot serverSnapshot() {
        return serverGate("Loading the gate tables", () -> new GateSnapshotRepository(database.dsl(), false, false).load());
    }

    /**
     * Only the rows that decide one question (a tenant typed by id or name, a flag key, perhaps a
     * user by id or e-mail): a few index look-ups instead of every override, user and grant.
     */
    public GateSnapshot snapshotFor(String tenantQuery, java.util.Optional<String> userQuery, String flagKey) {
        return serverGate("Loading the gate tables", () -> dev.inspector.persistence.QuestionSnapshots.load(
                database.dsl(), schema.supports(ConsoleFeature.USER_GRANTS),
                schema.supports(ConsoleFeature.USER_DIRECTORY), tenantQuery, userQuery, flagKey));
    }

    /**
     * The gate tables as they were at {@code moment}, from the change history: every change the
     * console recorded since is taken back in a throw-away copy. Needs the console's history.
     */
    public GateSnapshot snapshotAsOf(java.time.OffsetDateTime moment) {
        return serverGate("Reading the gate tables as of " + moment, () -> {
            if (!schema.supports(ConsoleFeature.HISTORY)) {
                throw new DatabaseException("Looking into the past needs the console's change history: "
                        + schema.unavailable(ConsoleFeature.HISTORY));
            }
            return dev.inspector.persistence.PastSnapshots.asOf(database.dsl(), moment,
                    schema.supports(ConsoleFeature.USER_GRANTS), schema.supports(ConsoleFeature.USER_DIRECTORY));
        });
    }

    /**
     * Every snapshot needs the server gate's tables: refused in the schema check's sentence when
     * they are not usable, and a database failure while reading becomes one sentence too.
     */
    private GateSnapshot serverGate(String doing, java.util.function.Supplier<GateSnapshot> read) {
        if (!schema.supports(ConsoleFeature.SERVER_GATE)) {
            throw new DatabaseException(schema.unavailable(ConsoleFeature.SERVER_GATE));
        }
        try {
            return read.get();
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain(doing, e);
        }
    }

    /**
     * The channel a tenant gets when it is created without one: the default of
     * {@code tenants.release_channel} (the process puts "all new tenants" on general). Empty when
     * the column has no plain default.
     */
    public java.util.Optional<String> newTenantChannel() {
        try {
            return dev.inspector.persistence.ColumnDefaults.text(database.dsl(), "tenants", "release_channel");
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("Reading the tenants' default channel", e);
        }
    }

    public FeatureGate gate() {
        return new FeatureGate(snapshot());
    }
}
