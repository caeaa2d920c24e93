package dev.inspector.service;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import dev.inspector.testing.Locks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.audit.AuditRun;
import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RunComparison;
import dev.inspector.domain.audit.Severity;
import dev.inspector.domain.audit.AuditProgress;
import dev.inspector.service.report.AuditCsv;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.io.StringWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole audit against real databases: the demo's two flaws, a fixed demo, saved runs. */
@ExtendWith(PostgresExtension.class)
@ResourceLock(value = Locks.ROLES, mode = ResourceAccessMode.READ)
class AuditServiceTest {

    @Test
    void theDemoAuditFindsItsTwoDeliberateFlawsAndNothingElseSerious(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); Session session = new SessionOpener().open(db.target(), m -> { })) {
            AuditRun run = session.audits().run(new AuditRequest(null, Set.of(), List.of()), AuditProgress.SILENT);

            assertThat(serious(run)).containsExactlyInAnyOrder(
                    "RLS-DISABLED@public.drivers",
                    "DATA-NULL-TENANT@public.customers",
                    "XT-READ-OTHER-TENANTS@public.drivers",
                    "XT-READ-WITHOUT-TENANT@public.drivers");
            assertThat(run.findings()).extracting(f -> f.checkId() + "@" + f.relation())
                    .as("platform admins have no tenant by design").contains("DATA-NULL-TENANT-ALLOWED@public.profiles");
            assertThat(run.findings()).filteredOn(f -> f.checkId().equals("XT-READ-OTHER-TENANTS"))
                    .hasSize(AuditRequest.DEFAULT_TENANTS)
                    .allSatisfy(f -> assertThat(f.evidence()).doesNotContain("license", "Driver"));
            assertThat(run.findings()).filteredOn(f -> f.checkId().equals("DATA-NULL-TENANT")).singleElement()
                    .satisfies(f -> assertThat(f.evidence()).contains("1 rows; sample ids: [00000000-0000-0000-0003-000000000001]"));
            assertThat(run.findings()).extracting(Finding::checkId).contains("AUDIT-DATA-UNCHANGED");
        }
    }

    @Test
    void writeProbesAreRefusedEverywhereButTheUnprotectedTableAndLeaveNoTrace(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); Session session = new SessionOpener().open(db.target(), m -> { })) {
            AuditRun run = session.audits().run(new AuditRequest(null,
                    EnumSet.of(CheckGroup.CROSS_TENANT_READ, CheckGroup.CROSS_TENANT_WRITE), List.of("Talbi Logistics LLC")),
                    AuditProgress.SILENT);

            assertThat(run.findings()).filteredOn(f -> f.group() == CheckGroup.CROSS_TENANT_WRITE)
                    .extracting(f -> f.checkId() + "@" + f.relation())
                    .containsExactlyInAnyOrder("XT-WRITE-UPDATE-OTHER@public.drivers", "XT-WRITE-MOVE-OWN@public.drivers",
                            "XT-WRITE-DELETE-OTHER@public.drivers", "XT-WRITE-INSERT-OTHER@public.drivers");
            assertThat(run.findings()).extracting(Finding::checkId).contains("AUDIT-DATA-UNCHANGED");
            assertThat(run.tenants()).isEqualTo("Talbi Logistics LLC");
        }
    }

    @Test
    void aDemoWithItsFlawsFixedHasNoCriticalOrHighFindingAndTheComparisonSaysWhatWasFixed(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); Session session = new SessionOpener().open(db.target(), m -> { })) {
            AuditRequest all = new AuditRequest(null, EnumSet.allOf(CheckGroup.class), List.of());
            AuditRun first = session.audits().run(all, AuditProgress.SILENT);

            db.execute("DELETE FROM public.customers WHERE tenant_id IS NULL");
            db.execute("ALTER TABLE public.customers ALTER COLUMN tenant_id SET NOT NULL");
            db.execute("ALTER TABLE public.drivers ENABLE ROW LEVEL SECURITY");
            db.execute("CREATE POLICY drivers_tenant_isolation ON public.drivers TO authenticated "
                    + "USING (tenant_id = auth.tenant_id()) WITH CHECK (tenant_id = auth.tenant_id())");
            AuditRun second = session.audits().run(all, AuditProgress.SILENT);

            assertThat(serious(second)).isEmpty();
            assertThat(second.passes(Severity.HIGH)).isTrue();
            assertThat(session.audits().latest()).map(AuditRun::id).contains(second.id());
            RunComparison comparison = RunComparison.of(session.audits().previous(second).orElseThrow(), second);
            assertThat(comparison.fixed()).extracting(Finding::checkId)
                    .contains("RLS-DISABLED", "DATA-NULL-TENANT", "XT-READ-OTHER-TENANTS", "XT-WRITE-DELETE-OTHER");
            assertThat(comparison.added()).isEmpty();
            assertThat(first.passes(Severity.HIGH)).isFalse();
        }
    }

    @Test
    void dataChecksFindOrphansAndChildrenOfAnotherTenantsParent(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); Session session = new SessionOpener().open(db.target(), m -> { })) {
            db.execute("CREATE TABLE public.notes (id int PRIMARY KEY, tenant_id uuid NOT NULL, body text)");
            db.execute("CREATE INDEX ON public.notes (tenant_id)");
            db.execute("INSERT INTO public.notes VALUES (1, '00000000-0000-0000-0000-000000000001', 'ok'), "
                    + "(2, '99999999-0000-0000-0000-000000000000', 'orphan')");
            // a load of Talbi pointing at a customer of Northwind
            db.execute("UPDATE public.loads SET customer_id = (SELECT id FROM public.customers "
                    + "WHERE tenant_id = '00000000-0000-0000-0000-000000000003' LIMIT 1) "
                    + "WHERE id = (SELECT id FROM public.loads WHERE tenant_id = '00000000-0000-0000-0000-000000000002' "
                    + "ORDER BY id LIMIT 1)");

            AuditRun run = session.audits().run(new AuditRequest(null, EnumSet.of(CheckGroup.DATA), List.of()),
                    AuditProgress.SILENT);

            assertThat(run.findings()).extracting(f -> f.checkId() + "@" + f.relation()).contains(
                    "DATA-ORPHAN-TENANT@public.notes", "DATA-PARENT-TENANT-MISMATCH@public.loads");
            assertThat(run.findings()).filteredOn(f -> f.checkId().equals("DATA-ORPHAN-TENANT")).singleElement()
                    .satisfies(f -> assertThat(f.evidence()).isEqualTo("1 rows; sample ids: [2]"));
        }
    }

    @Test
    void csvExportHasTheDocumentedColumnsAndDefusesFormulas(TestPostgres postgres) throws Exception {
        try (TestDatabase db = postgres.cloneDemo(); Session session = new SessionOpener().open(db.target(), m -> { })) {
            db.execute("CREATE TABLE public.\"=HYPERLINK(1)\" (id int PRIMARY KEY, tenant_id uuid)");
            AuditRun run = session.audits().run(new AuditRequest(null, EnumSet.of(CheckGroup.SCHEMA), List.of()),
                    AuditProgress.SILENT);
            StringWriter out = new StringWriter();

            AuditCsv.write(run, out);

            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(out.toString())).getRecords();
            assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly(AuditCsv.COLUMNS);
            assertThat(rows).hasSize(run.findings().size());
            assertThat(rows).extracting(r -> r.get("relation")).contains("public.=HYPERLINK(1)");
            assertThat(out.toString()).doesNotContain(",=HYPERLINK");
        }
    }

    private static List<String> serious(AuditRun run) {
        return run.findings().stream().filter(f -> f.severity().atLeast(Severity.HIGH))
                .map(f -> f.checkId() + "@" + f.relation()).distinct().toList();
    }
}
