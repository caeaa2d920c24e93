package dev.inspector.ui.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.audit.AuditRun;
import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.Severity;
import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import dev.inspector.service.report.AuditCsv;
import dev.inspector.testing.DirectTaskRunner;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import dev.inspector.ui.SessionState;
import dev.inspector.testing.ScriptedDialogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The isolation tab's logic on real demo databases, the work run inline. */
@ExtendWith(PostgresExtension.class)
class TenantIsolationViewModelTest {

    private final SessionState state = new SessionState();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> errors = dialogs.shown;
    private final TenantIsolationViewModel vm = new TenantIsolationViewModel(new DirectTaskRunner(), state, dialogs);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private TestDatabase open(TestPostgres postgres) {
        TestDatabase db = postgres.cloneDemo();
        Session session = new SessionOpener().open(db.target(), m -> { });
        toClose.add(db);
        toClose.add(session);
        state.replace(session);
        return db;
    }

    @AfterEach
    void close() throws Exception {
        state.replace(null);
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void listsTheTenantsAndNamesWhoARunWithoutAChoiceImpersonates(TestPostgres postgres) {
        open(postgres);

        assertThat(vm.tenants()).hasSize(10);
        assertThat(vm.tenants()).filteredOn(t -> t.tenant().defaultPick()).hasSize(5);
        assertThat(vm.tenantHintProperty().get()).isEqualTo("None checked: impersonates the 5 tenants marked default.");
        assertThat(vm.runs()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("No audit has run on this database yet.");
        assertThat(vm.canExportProperty().get()).isFalse();

        vm.tenants().get(0).checkedProperty().set(true);
        assertThat(vm.tenantHintProperty().get()).isEqualTo("Impersonates a member of 1 tenant.");
    }

    @Test
    void aDefaultRunFindsTheDemoFlawsShowsProgressPerRelationAndTheProof(TestPostgres postgres) {
        open(postgres);

        vm.run();

        assertThat(errors).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.runs()).hasSize(1);
        AuditRun run = vm.selectedRunProperty().get().run();
        assertThat(run.cancelled()).isFalse();
        assertThat(ids(vm.findings())).contains("RLS-DISABLED@public.drivers", "DATA-NULL-TENANT@public.customers");
        assertThat(vm.findings().get(0).finding().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(vm.findings()).extracting(r -> r.finding().severity()).isSorted();
        assertThat(vm.relationProgress()).extracting(RelationProgress::relation)
                .contains("public.drivers", "public.customers");
        assertThat(vm.relationProgress()).allSatisfy(p -> assertThat(p.fraction()).isEqualTo(1.0));
        assertThat(vm.relationProgress()).filteredOn(p -> p.relation().equals("public.drivers")).singleElement()
                .satisfies(p -> assertThat(p.expected()).as("a data check and a probe per default tenant").isEqualTo(6));
        assertThat(vm.progressMessageProperty().get()).startsWith("Finished: run " + run.id());
        assertThat(vm.proofLineProperty().get()).matches("✔ Audited data unchanged: \\d+ tables, row count \\+ hash equal.*");
        assertThat(vm.proofHoldsProperty().get()).isTrue();
        assertThat(vm.severityCounts()).extracting(SeverityCount::severity).containsExactly(Severity.values());
        assertThat(vm.severityCounts().get(0).count()).isEqualTo(run.count(Severity.CRITICAL)).isPositive();
        assertThat(vm.canExportProperty().get()).isTrue();
    }

    @Test
    void severityGroupAndTextFiltersNarrowTheFindings(TestPostgres postgres) {
        open(postgres);
        vm.run();
        int all = vm.findings().size();

        vm.minimumSeverityProperty().set(Severity.HIGH);
        assertThat(vm.findings()).isNotEmpty().hasSizeLessThan(all)
                .allSatisfy(r -> assertThat(r.finding().severity()).isIn(Severity.CRITICAL, Severity.HIGH));
        assertThat(vm.findingsCountProperty().get()).isEqualTo(vm.findings().size() + " of " + all + " findings");

        vm.textFilterProperty().set("CUSTOMERS");
        assertThat(ids(vm.findings())).containsExactly("DATA-NULL-TENANT@public.customers");

        vm.textFilterProperty().set("drivers");
        vm.groupFilterProperty().set(new GroupChoice(CheckGroup.SCHEMA));
        assertThat(ids(vm.findings())).containsExactly("RLS-DISABLED@public.drivers");

        vm.groupFilterProperty().set(GroupChoice.ALL);
        vm.textFilterProperty().set("");
        vm.minimumSeverityProperty().set(Severity.INFO);
        assertThat(vm.findings()).hasSize(all);
    }

    @Test
    void selectingAFindingShowsItsEvidenceAndFix(TestPostgres postgres) {
        open(postgres);
        vm.run();
        FindingRow nullTenant = vm.findings().stream()
                .filter(r -> r.finding().checkId().equals("DATA-NULL-TENANT")).findFirst().orElseThrow();

        vm.selectedFindingProperty().set(nullTenant);

        assertThat(vm.detailTitleProperty().get()).isEqualTo("HIGH · DATA-NULL-TENANT · public.customers");
        assertThat(vm.detailEvidenceProperty().get()).contains("00000000-0000-0000-0003-000000000001");
        assertThat(vm.detailFixProperty().get()).isEqualTo(nullTenant.finding().fixHint()).isNotBlank();

        vm.textFilterProperty().set("customers");
        assertThat(vm.selectedFindingProperty().get()).as("still shown, still selected").isEqualTo(nullTenant);
        vm.textFilterProperty().set("drivers");
        assertThat(vm.selectedFindingProperty().get()).isNull();
        assertThat(vm.detailEvidenceProperty().get()).isEmpty();
    }

    @Test
    void cancellingAfterTheFirstStepSavesACancelledRunWithFewerFindings(TestPostgres postgres) {
        open(postgres);
        vm.run();
        int complete = vm.selectedRunProperty().get().run().findings().size();
        // the inline runner hands each step to the FX-side handler at once: cancel on the first one
        vm.progressMessageProperty().addListener((obs, old, message) -> {
            if (message.startsWith("Reading the catalogs")) {
                vm.cancel();
            }
        });

        vm.run();

        AuditRun cancelled = vm.selectedRunProperty().get().run();
        assertThat(vm.runs()).hasSize(2);
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.findings()).hasSizeLessThan(complete);
        assertThat(ids(vm.findings())).doesNotContain("DATA-NULL-TENANT@public.customers");
        assertThat(vm.progressMessageProperty().get()).startsWith("Cancelled: run " + cancelled.id() + " saved");
        assertThat(vm.selectedRunProperty().get().label()).endsWith("· CANCELLED");
        assertThat(state.current().audits().latest()).map(AuditRun::cancelled).contains(true);
    }

    @Test
    void comparingWithThePreviousRunListsWhatFixingDriversFixed(TestPostgres postgres) {
        TestDatabase db = open(postgres);
        vm.run();
        long first = vm.selectedRunProperty().get().run().id();
        assertThat(vm.previousRunProperty().get()).isNull();
        db.execute("ALTER TABLE public.drivers ENABLE ROW LEVEL SECURITY");
        db.execute("CREATE POLICY drivers_tenant_isolation ON public.drivers TO authenticated "
                + "USING (tenant_id = auth.tenant_id()) WITH CHECK (tenant_id = auth.tenant_id())");

        vm.run();
        vm.compareWithPreviousProperty().set(true);

        assertThat(vm.previousRunProperty().get().id()).isEqualTo(first);
        assertThat(vm.compareLabelProperty().get()).isEqualTo("Compare with run " + first);
        assertThat(vm.fixedFindings()).extracting(f -> f.checkId() + "@" + f.relation())
                .contains("RLS-DISABLED@public.drivers", "XT-READ-OTHER-TENANTS@public.drivers");
        assertThat(vm.fixedTitleProperty().get()).startsWith("Fixed since run " + first + ": ");
        assertThat(vm.findings()).filteredOn(r -> r.finding().checkId().equals("DATA-NULL-TENANT")).singleElement()
                .extracting(FindingRow::change).isEqualTo(Change.UNCHANGED);
        assertThat(vm.findings()).allSatisfy(r -> assertThat(r.change()).isNotNull());

        vm.compareWithPreviousProperty().set(false);
        assertThat(vm.fixedFindings()).isEmpty();
        assertThat(vm.findings()).allSatisfy(r -> assertThat(r.change()).isNull());

        vm.selectedRunProperty().set(vm.runs().get(1));
        assertThat(vm.previousRunProperty().get()).isNull();
        assertThat(ids(vm.findings())).contains("RLS-DISABLED@public.drivers");
    }

    @Test
    void csvExportWritesTheDocumentedHeaderAndEveryFindingAsUtf8(TestPostgres postgres, @TempDir Path dir)
            throws Exception {
        open(postgres);
        vm.run();
        Path file = dir.resolve(vm.suggestedFileName());

        vm.exportCsv(file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(String.join(",", AuditCsv.COLUMNS));
        assertThat(lines.get(0)).isEqualTo("run_id,time,database,check_id,severity,relation,tenant,finding,evidence,fix_hint");
        assertThat(String.join("\n", lines)).contains("RLS-DISABLED", "DATA-NULL-TENANT");
        assertThat(vm.exportMessageProperty().get()).startsWith("Exported run "
                + vm.selectedRunProperty().get().run().id() + " (" + vm.selectedRunProperty().get().run().findings().size());
        assertThat(errors).isEmpty();
    }

    private static List<String> ids(List<FindingRow> rows) {
        return rows.stream().map(FindingRow::finding).map(f -> f.checkId() + "@" + f.relation()).distinct().toList();
    }
}
