package dev.inspector.service;

import dev.inspector.domain.SchemaReport;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.persistence.Database;
import dev.inspector.persistence.DatabaseException;
import dev.inspector.persistence.GateSnapshotRepository;
import java.util.List;
import org.jooq.exception.DataAccessException;

/**
 * Answers "is this feature on for this tenant and user, and why?" from one consistent snapshot of
 * the gate tables, with the same engine for the simulator, the matrix and the command line.
 */
public final class GateService {

    static final List<String> GATE_TABLES = List.of("tenants", "feature_flags", "release_channel_feature_flags",
            "tenant_feature_flags", "tenant_feature_access", "profiles");

    private final Database database;
    private final SchemaReport schema;

    public GateService(Database database, SchemaReport schema) {
        this.database = database;
        this.schema = schema;
    }

    /** A fresh snapshot: six queries, whatever the size of the database. */
    public GateSnapshot snapshot() {
        List<String> missing = GATE_TABLES.stream().filter(t -> !schema.canUse(t)).toList();
        if (!missing.isEmpty()) {
            throw new DatabaseException("Resolving feature gates needs these tables, which are missing or "
                    + "incomplete: " + String.join(", ", missing) + ".");
        }
        try {
            return new GateSnapshotRepository(database.dsl()).load();
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("Loading the gate tables", e);
        }
    }

    public FeatureGate gate() {
        return new FeatureGate(snapshot());
    }
}
