package dev.inspector.persistence.audit;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import dev.inspector.testing.Locks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.audit.Finding;
import dev.inspector.testing.CatalogFacts;
import dev.inspector.domain.audit.Severity;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo's one deliberate schema flaw is found; with it fixed, no critical or high finding is left. */
@ExtendWith(PostgresExtension.class)
@ResourceLock(value = Locks.ROLES, mode = ResourceAccessMode.READ)
class DemoSchemaAuditTest {

    @Test
    void findsTheDriversTableWithoutRowLevelSecurityAndNothingElseSerious(TestDatabase db) {
        List<Finding> findings = CatalogFacts.schemaFindings(db.dsl());

        assertThat(findings).filteredOn(f -> f.severity().atLeast(Severity.HIGH))
                .extracting(f -> f.checkId() + "@" + f.relation())
                .containsExactly("RLS-DISABLED@public.drivers");
    }

    @Test
    void aFixedDemoHasNoCriticalOrHighSchemaFinding(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo()) {
            db.execute("ALTER TABLE public.drivers ENABLE ROW LEVEL SECURITY");
            db.execute("CREATE POLICY drivers_tenant_isolation ON public.drivers TO authenticated "
                    + "USING (tenant_id = auth.tenant_id()) WITH CHECK (tenant_id = auth.tenant_id())");

            List<Finding> findings = CatalogFacts.schemaFindings(db.dsl());

            assertThat(findings).filteredOn(f -> f.severity().atLeast(Severity.HIGH)).isEmpty();
        }
    }
}
