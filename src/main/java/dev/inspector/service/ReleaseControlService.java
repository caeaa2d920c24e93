package dev.inspector.service;

import dev.inspector.domain.FlagOverview;
import dev.inspector.domain.SchemaReport;
import dev.inspector.persistence.Database;
import dev.inspector.persistence.DatabaseException;
import dev.inspector.persistence.FlagRepository;
import java.util.List;
import org.jooq.exception.DataAccessException;

/** The Release Control use cases. Reads today; later issues add the writes, each one transaction. */
public final class ReleaseControlService {

    private final Database database;
    private final SchemaReport schema;

    public ReleaseControlService(Database database, SchemaReport schema) {
        this.database = database;
        this.schema = schema;
    }

    public List<FlagOverview> listFlags() {
        if (!schema.canUse("feature_flags") || !schema.canUse("release_channel_feature_flags")) {
            throw new DatabaseException("The flag list needs public.feature_flags and "
                    + "public.release_channel_feature_flags: " + String.join("; ", schema.problems()));
        }
        try {
            return new FlagRepository(database.dsl()).overview();
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("Loading the flags", e);
        }
    }
}
