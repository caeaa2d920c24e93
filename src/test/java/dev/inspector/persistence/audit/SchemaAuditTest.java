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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Builds one broken schema of every kind the audit knows in a real PostgreSQL and checks that each
 * is flagged, that a correctly protected table is not, and what the demo database yields.
 */
@ExtendWith(PostgresExtension.class)
@ResourceLock(value = Locks.ROLES, mode = ResourceAccessMode.READ_WRITE)
class SchemaAuditTest {

    private static TestDatabase db;
    private static List<Finding> findings;

    private static final String TENANT_TABLE = "(id int PRIMARY KEY, tenant_id uuid NOT NULL REFERENCES public.tenants (id), "
            + "status text)";

    @BeforeAll
    static void brokenSchemas(TestPostgres postgres) {
        db = postgres.cloneDemo();
        String[] ddl = {
            "CREATE SCHEMA broken",
            "GRANT USAGE ON SCHEMA broken TO anon, authenticated",
            // a correctly protected table: must yield nothing
            "CREATE TABLE broken.clean " + TENANT_TABLE,
            "CREATE INDEX ON broken.clean (tenant_id)",
            "ALTER TABLE broken.clean ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY clean_tenant ON broken.clean TO authenticated USING (tenant_id = auth.tenant_id()) "
                    + "WITH CHECK (tenant_id = auth.tenant_id())",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON broken.clean TO authenticated",
            // RLS never enabled
            "CREATE TABLE broken.rls_off " + TENANT_TABLE,
            "GRANT SELECT ON broken.rls_off TO authenticated",
            // policies written, RLS off
            "CREATE TABLE broken.policies_off " + TENANT_TABLE,
            "CREATE POLICY p ON broken.policies_off TO authenticated USING (tenant_id = auth.tenant_id())",
            "GRANT SELECT ON broken.policies_off TO authenticated",
            // RLS on, no policy
            "CREATE TABLE broken.no_policy " + TENANT_TABLE,
            "ALTER TABLE broken.no_policy ENABLE ROW LEVEL SECURITY",
            // owned by a login role, not forced
            "CREATE ROLE app_owner LOGIN",
            "CREATE TABLE broken.not_forced " + TENANT_TABLE,
            "ALTER TABLE broken.not_forced ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY p ON broken.not_forced TO authenticated USING (tenant_id = auth.tenant_id())",
            "ALTER TABLE broken.not_forced OWNER TO app_owner",
            // USING (true)
            "CREATE TABLE broken.using_true " + TENANT_TABLE,
            "ALTER TABLE broken.using_true ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY everyone ON broken.using_true TO authenticated USING (true)",
            "GRANT SELECT ON broken.using_true TO authenticated",
            // an extra "allow read" policy OR-ed with the tenant one
            "CREATE TABLE broken.extra_read " + TENANT_TABLE,
            "ALTER TABLE broken.extra_read ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY tenant ON broken.extra_read TO authenticated USING (tenant_id = auth.tenant_id())",
            "CREATE POLICY public_rows ON broken.extra_read FOR SELECT TO authenticated USING (status = 'public')",
            "GRANT SELECT ON broken.extra_read TO authenticated",
            // applies to PUBLIC
            "CREATE TABLE broken.to_public " + TENANT_TABLE,
            "ALTER TABLE broken.to_public ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY p ON broken.to_public USING (tenant_id = auth.tenant_id())",
            // the write check is not bound to the caller
            "CREATE TABLE broken.loose_check " + TENANT_TABLE,
            "ALTER TABLE broken.loose_check ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY p ON broken.loose_check TO authenticated USING (tenant_id = auth.tenant_id()) "
                    + "WITH CHECK (tenant_id IS NOT NULL)",
            "GRANT SELECT, INSERT ON broken.loose_check TO authenticated",
            // trusts user-editable metadata
            "CREATE TABLE broken.user_meta " + TENANT_TABLE,
            "ALTER TABLE broken.user_meta ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY p ON broken.user_meta TO authenticated "
                    + "USING (tenant_id = ((auth.jwt() -> 'user_metadata') ->> 'tenant_id')::uuid)",
            "GRANT SELECT ON broken.user_meta TO authenticated",
            // the false alarm of old: a correct write check through a helper whose name says nothing
            "CREATE FUNCTION broken.current_tenant_id() RETURNS uuid LANGUAGE sql STABLE "
                    + "AS $$ SELECT nullif(auth.jwt() -> 'app_metadata' ->> 'tenant_id', '')::uuid $$",
            "CREATE TABLE broken.helper_bound " + TENANT_TABLE,
            "CREATE INDEX ON broken.helper_bound (tenant_id)",
            "ALTER TABLE broken.helper_bound ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY p ON broken.helper_bound TO authenticated USING (tenant_id = (SELECT broken.current_tenant_id())) "
                    + "WITH CHECK (tenant_id = (SELECT broken.current_tenant_id()))",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON broken.helper_bound TO authenticated",
            // a leftover USING (true) neutralised by a restrictive tenant policy
            "CREATE TABLE broken.restricted " + TENANT_TABLE,
            "CREATE INDEX ON broken.restricted (tenant_id)",
            "ALTER TABLE broken.restricted ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY everyone ON broken.restricted TO authenticated USING (true) WITH CHECK (true)",
            "CREATE POLICY tenant ON broken.restricted AS RESTRICTIVE TO authenticated USING (tenant_id = auth.tenant_id()) "
                    + "WITH CHECK (tenant_id = auth.tenant_id())",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON broken.restricted TO authenticated",
            // a view that runs as its owner, and a materialized view, both readable
            "CREATE VIEW broken.load_view AS SELECT id, tenant_id, reference FROM public.loads",
            "GRANT SELECT ON broken.load_view TO authenticated",
            "CREATE VIEW broken.invoker_view WITH (security_invoker = true) AS SELECT id, tenant_id FROM public.loads",
            "GRANT SELECT ON broken.invoker_view TO authenticated",
            "CREATE MATERIALIZED VIEW broken.load_stats AS SELECT tenant_id, count(*) AS n FROM public.loads GROUP BY 1",
            "GRANT SELECT ON broken.load_stats TO authenticated",
            // a SECURITY DEFINER function anyone may execute, without a search_path
            "CREATE FUNCTION broken.all_loads() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS 'SELECT count(*) FROM public.loads'",
            // a name that breaks out of an unquoted hint
            "CREATE TABLE broken.\"x; drop table public.tenants; --\" " + TENANT_TABLE,
            "GRANT SELECT ON broken.\"x; drop table public.tenants; --\" TO authenticated",
            // dangerous grants
            "CREATE TABLE broken.granted " + TENANT_TABLE,
            "ALTER TABLE broken.granted ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY p ON broken.granted TO authenticated USING (tenant_id = auth.tenant_id())",
            "GRANT SELECT ON broken.granted TO anon",
            "GRANT TRUNCATE ON broken.granted TO authenticated",
            // the tenant column itself: nullable, no foreign key, no index
            "CREATE TABLE broken.weak_column (id int PRIMARY KEY, tenant_id uuid)",
            "ALTER TABLE broken.weak_column ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY p ON broken.weak_column TO authenticated USING (tenant_id = auth.tenant_id())",
            // a partitioned table whose partition has RLS off
            "CREATE TABLE broken.events (id int, tenant_id uuid NOT NULL REFERENCES public.tenants (id)) PARTITION BY HASH (id)",
            "CREATE INDEX ON broken.events (tenant_id)",
            "ALTER TABLE broken.events ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY p ON broken.events TO authenticated USING (tenant_id = auth.tenant_id())",
            "CREATE TABLE broken.events_0 PARTITION OF broken.events FOR VALUES WITH (MODULUS 1, REMAINDER 0)",
            "GRANT SELECT ON broken.events, broken.events_0 TO authenticated",
            // an API role that can become a role bypassing RLS
            "GRANT service_role TO authenticated",
        };
        for (String statement : ddl) {
            db.execute(statement);
        }
        try {
            findings = CatalogFacts.schemaFindings(db.dsl());
        } finally {
            // Roles belong to the whole server, which every test class shares: undo at once.
            db.execute("REVOKE service_role FROM authenticated");
            db.execute("DROP OWNED BY app_owner");
            db.execute("DROP ROLE app_owner");
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', value = {
        "broken.rls_off                     | RLS-DISABLED              | CRITICAL",
        "broken.policies_off                | RLS-POLICIES-BUT-DISABLED | CRITICAL",
        "broken.no_policy                   | RLS-NO-POLICY             | INFO",
        "broken.not_forced                  | RLS-NOT-FORCED            | MEDIUM",
        "broken.using_true                  | RLS-READ-NOT-BOUND        | HIGH",
        "broken.extra_read                  | RLS-READ-NOT-BOUND        | HIGH",
        "broken.to_public policy p          | POLICY-TO-PUBLIC          | MEDIUM",
        "broken.loose_check                 | RLS-INSERT-NOT-BOUND      | HIGH",
        "broken.user_meta                   | RLS-TRUSTS-FORGEABLE      | HIGH",
        "broken.load_view                   | VIEW-BYPASSES-RLS         | HIGH",
        "broken.load_stats                  | MATVIEW-READABLE          | CRITICAL",
        "broken.all_loads                   | FN-DEFINER-NOT-BOUND      | HIGH",
        "broken.all_loads                   | FN-MUTABLE-SEARCH-PATH    | MEDIUM",
        "broken.granted                     | GRANT-TO-ANON             | MEDIUM",
        "broken.granted                     | GRANT-TRUNCATE            | HIGH",
        "broken.weak_column                 | TENANT-COLUMN-NULLABLE    | MEDIUM",
        "broken.weak_column                 | TENANT-COLUMN-NO-FK       | MEDIUM",
        "broken.weak_column                 | TENANT-COLUMN-NOT-INDEXED | LOW",
        "broken.events_0                    | RLS-DISABLED              | CRITICAL",
        "role service_role                  | ROLE-BYPASSES-RLS         | HIGH",
    })
    void everyKindOfBrokenSchemaIsFlagged(String relation, String checkId, Severity severity) {
        assertThat(findings)
                .filteredOn(f -> f.checkId().equals(checkId) && f.relation().equals(relation))
                .as(checkId + " on " + relation + " among " + findings.stream().map(f -> f.checkId() + "@" + f.relation()).toList())
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(severity);
                    assertThat(f.fixHint()).isNotBlank();
                    assertThat(f.finding()).isNotBlank();
                });
    }

    @Test
    void correctlyProtectedRelationsYieldNothing() {
        assertThat(findings).filteredOn(f -> f.relation().startsWith("broken.clean")
                || f.relation().startsWith("broken.invoker_view") || f.relation().startsWith("broken.helper_bound")
                || f.relation().startsWith("broken.restricted") || f.relation().equals("broken.events")).isEmpty();
    }

    @Test
    void fixHintsQuoteEveryIdentifierSoPastingOneRunsWhatItSays() {
        assertThat(findings).filteredOn(f -> f.relation().startsWith("broken.x;")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.fixHint()).doesNotContain("broken.x;")
                        .contains("broken.\"x; drop table public.tenants; --\""));
    }
}
