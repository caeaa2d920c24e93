package dev.inspector.testing;

import dev.inspector.domain.audit.ColumnFacts;
import dev.inspector.domain.audit.DatabaseFacts;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.TenancyDetection;
import dev.inspector.domain.audit.TenancyHints;
import dev.inspector.domain.audit.rules.SchemaRules;
import dev.inspector.persistence.audit.CatalogReader;
import dev.inspector.persistence.audit.ColumnCatalog;
import java.util.List;
import org.jooq.DSLContext;

/** The catalog facts and schema findings of a database, the way an audit reads them. */
public final class CatalogFacts {

    private CatalogFacts() {
    }

    public static DatabaseFacts read(DSLContext dsl, TenancyHints hints) {
        List<ColumnFacts> columns = new ColumnCatalog(dsl).read();
        return new CatalogReader(dsl).read(TenancyDetection.detect(hints, columns), columns);
    }

    public static List<Finding> schemaFindings(DSLContext dsl) {
        return SchemaRules.evaluate(read(dsl, TenancyHints.detect()));
    }
}
