package dev.inspector.service;

import dev.inspector.domain.ConsoleFeature;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.FlagOverview;
import dev.inspector.domain.SchemaReport;
import dev.inspector.persistence.Database;
import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.persistence.FlagRepository;
import java.util.List;
import java.util.Optional;
import org.jooq.exception.DataAccessException;

/** The Release Control reads: the flag list with its channel rows, and single flags. */
public final class ReleaseControlService {

    private final Database database;
    private final SchemaReport schema;

    public ReleaseControlService(Database database, SchemaReport schema) {
        this.database = database;
        this.schema = schema;
    }

    /** Every flag with its channel rows; without the channel table, with no channel rows. */
    public List<FlagOverview> listFlags() {
        if (!schema.supports(ConsoleFeature.FLAG_LIST)) {
            throw new DatabaseException(schema.unavailable(ConsoleFeature.FLAG_LIST));
        }
        try {
            return new FlagRepository(database.dsl()).overview(schema.supports(ConsoleFeature.CHANNELS));
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("Loading the flags", e);
        }
    }

    /** One flag by key, from feature_flags alone. */
    public Optional<FeatureFlag> findFlag(String key) {
        if (!schema.supports(ConsoleFeature.FLAG_LIST)) {
            throw new DatabaseException(schema.unavailable(ConsoleFeature.FLAG_LIST));
        }
        try {
            return new FlagRepository(database.dsl()).find(key);
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("Reading the flag", e);
        }
    }

    public SchemaReport schema() {
        return schema;
    }
}
