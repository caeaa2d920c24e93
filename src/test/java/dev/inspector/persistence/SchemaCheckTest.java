package dev.inspector.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.SchemaReport;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class SchemaCheckTest {

    @Test
    void theDemoSchemaHasEverythingTheConsoleNeeds(TestDatabase db) {
        SchemaReport report = SchemaCheck.check(db.dsl());

        assertThat(report.problems()).isEmpty();
        assertThat(report.complete()).isTrue();
    }

    @Test
    void namesMissingTablesMissingColumnsAndWrongTypes(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo()) {
            db.execute("DROP TABLE public.tenant_feature_access");
            db.execute("ALTER TABLE public.feature_flags DROP COLUMN description");
            db.execute("ALTER TABLE public.tenant_feature_flags ALTER COLUMN enabled TYPE integer USING enabled::int");

            SchemaReport report = SchemaCheck.check(db.dsl());

            assertThat(report.problems()).containsExactlyInAnyOrder(
                    "Missing table public.tenant_feature_access",
                    "Missing column feature_flags.description",
                    "Column tenant_feature_flags.enabled is integer, expected boolean");
            assertThat(report.canUse("feature_flags")).isFalse();
            assertThat(report.canUse("tenants")).isTrue();
        }
    }

    @Test
    void anEmptyDatabaseLacksEveryTable(TestPostgres postgres) {
        try (TestDatabase db = postgres.createEmpty()) {
            SchemaReport report = SchemaCheck.check(db.dsl());

            assertThat(report.problems()).hasSize(SchemaCheck.REQUIRED.size()).allMatch(p -> p.startsWith("Missing table"));
        }
    }
}
