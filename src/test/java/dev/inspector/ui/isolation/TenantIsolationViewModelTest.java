package dev.inspector.ui.isolation;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import dev.inspector.testing.Locks;
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
@ResourceLock(value = Locks.ROLES, mode = ResourceAccessMode.READ)
class TenantIsolationViewModelTest {

    private final SessionState state = new SessionState();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> errors = dialogs.shown;
    private final TenantIsolationViewModel vm = shownTab();

    private TenantIsolationViewModel shownTab() {
        TenantIsolationViewModel tab = new TenantIsolationViewModel(new DirectTaskRunner(),
                state.sessionProperty().map(Session::audits), dialogs);
        tab.shown();
        return tab;
    }
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

        assertThat(vm.setup().tenants()).hasSize(10);
        assertThat(vm.setup().tenants()).filteredOn(t -> t.tenant().defaultPick()).hasSize(5);
        assertThat(vm.setup().tenantHintProperty().get()).isEqualTo("None checked: impersonates the 5 tenants marked default.");
        assertThat(vm.savedRuns().runs()).isEmpty();
        assertThat(vm.savedRuns().summaryProperty().get()).isEqualTo("No audit has run on this database yet.");
        assertThat(vm.canExportProperty().get()).isFalse();

        vm.setup().tenants().get(0).checkedProperty().set(true);
        assertThat(vm.setup().tenantHintProperty().get()).isEqualTo("Impersonates a member of 1 tenant.");
    }

    @Test
    void aDefaultRunFindsTheDemoFlawsShowsProgressPerRelationAndTheProof(TestPostgres postgres) {
        open(postgres);

        vm.run();

        assertThat(errors).isEmpty();
        assertThat(vm.progress().runningProperty().get()).isFalse();
        assertThat(vm.savedRuns().runs()).hasSize(1);
        AuditRun run = vm.savedRuns().selectedRunProperty().get().run();
        assertThat(run.cancelled()).isFalse();
        assertThat(ids(vm.findings().findings())).contains("RLS-DISABLED@public.drivers", "DATA-NULL-TENANT@public.customers");
        assertThat(vm.findings().findings().get(0).finding().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(vm.findings().findings()).extracting(r -> r.finding().severity()).isSorted();
        assertThat(vm.progress().relationProgress()).extracting(RelationProgress::relation)
                .contains("public.drivers", "public.customers");
        assertThat(vm.progress().relationProgress()).allSatisfy(p -> assertThat(p.fraction()).isEqualTo(1.0));
        assertThat(vm.progress().relationProgress()).filteredOn(p -> p.relation().equals("public.drivers")).singleElement()
                .satisfies(p -> assertThat(p.expected()).as("a data check and a probe per default tenant").isEqualTo(6));
        assertThat(vm.progress().progressMessageProperty().get()).startsWith("Finished: run " + run.id());
        assertThat(vm.savedRuns().proofLineProperty().get()).matches("✔ Audited data unchanged: row count and hash of \\d+ tables equal before and after the probes\\.");
        assertThat(vm.savedRuns().proofHoldsProperty().get()).isTrue();
        assertThat(vm.savedRuns().severityCounts()).extracting(SeverityCount::severity).containsExactly(Severity.values());
        assertThat(vm.savedRuns().severityCounts().get(0).count()).isEqualTo(run.count(Severity.CRITICAL)).isPositive();
        assertThat(vm.canExportProperty().get()).isTrue();
    }

    @Test
    void severityGroupAndTextFiltersNarrowTheFindings(TestPostgres postgres) {
        open(postgres);
        vm.run();
        int all = vm.findings().findings().size();

        vm.findings().minimumSeverityProperty().set(Severity.HIGH);
        assertThat(vm.findings().findings()).isNotEmpty().hasSizeLessThan(all)
                .allSatisfy(r -> assertThat(r.finding().severity()).isIn(Severity.CRITICAL, Severity.HIGH));
        assertThat(vm.findings().findingsCountProperty().get()).isEqualTo(vm.findings().findings().size() + " of " + all + " findings");

        vm.findings().textFilterProperty().set("CUSTOMERS");
        assertThat(ids(vm.findings().findings())).containsExactly("DATA-NULL-TENANT@public.customers");

        vm.findings().textFilterProperty().set("drivers");
        vm.findings().groupFilterProperty().set(new GroupChoice(CheckGroup.SCHEMA));
        assertThat(ids(vm.findings().findings())).containsExactly("RLS-DISABLED@public.drivers");

        vm.findings().groupFilterProperty().set(GroupChoice.ALL);
        vm.findings().textFilterProperty().set("");
        vm.findings().minimumSeverityProperty().set(Severity.INFO);
        assertThat(vm.findings().findings()).hasSize(all);
    }

    @Test
    void selectingAFindingShowsItsEvidenceAndFix(TestPostgres postgres) {
        open(postgres);
        vm.run();
        FindingRow nullTenant = vm.findings().findings().stream()
                .filter(r -> r.finding().checkId().equals("DATA-NULL-TENANT")).findFirst().orElseThrow();

        vm.findings().selectedFindingProperty().set(nullTenant);

        assertThat(vm.findings().detail().detailTitleProperty().get()).isEqualTo("HIGH · DATA-NULL-TENANT · public.customers");
        assertThat(vm.findings().detail().detailEvidenceProperty().get()).contains("00000000-0000-0000-0003-000000000001");
        assertThat(vm.findings().detail().detailFixProperty().get()).isEqualTo(nullTenant.finding().fixHint()).isNotBlank();

        vm.findings().textFilterProperty().set("customers");
        assertThat(vm.findings().selectedFindingProperty().get()).as("still shown, still selected").isEqualTo(nullTenant);
        vm.findings().textFilterProperty().set("drivers");
        assertThat(vm.findings().selectedFindingProperty().get()).isNull();
        assertThat(vm.findings().detail().detailEvidenceProperty().get()).isEmpty();
    }

    @Test
    void cancellingAfterTheFirstStepSavesACancelledRunWithFewerFindings(TestPostgres postgres) {
        open(postgres);
        vm.run();
        int complete = vm.savedRuns().selectedRunProperty().get().run().findings().size();
        // the inline runner hands each step to the FX-side handler at once: cancel on the first one
        vm.progress().progressMessageProperty().addListener((obs, old, message) -> {
            if (message.startsWith("Reading the catalogs")) {
                vm.cancel();
            }
        });

        vm.run();

        AuditRun cancelled = vm.savedRuns().selectedRunProperty().get().run();
        assertThat(vm.savedRuns().runs()).hasSize(2);
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.findings()).hasSizeLessThan(complete);
        assertThat(ids(vm.findings().findings())).doesNotContain("DATA-NULL-TENANT@public.customers");
        assertThat(vm.progress().progressMessageProperty().get()).startsWith("Cancelled: run " + cancelled.id() + " saved");
        assertThat(vm.savedRuns().selectedRunProperty().get().label()).endsWith("· CANCELLED");
        assertThat(state.current().audits().latest()).map(AuditRun::cancelled).contains(true);
    }

    @Test
    void comparingWithThePreviousRunListsWhatFixingDriversFixed(TestPostgres postgres) {
        TestDatabase db = open(postgres);
        vm.run();
        long first = vm.savedRuns().selectedRunProperty().get().run().id();
        assertThat(vm.savedRuns().previousRunProperty().get()).isNull();
        db.execute("ALTER TABLE public.drivers ENABLE ROW LEVEL SECURITY");
        db.execute("CREATE POLICY drivers_tenant_isolation ON public.drivers TO authenticated "
                + "USING (tenant_id = auth.tenant_id()) WITH CHECK (tenant_id = auth.tenant_id())");

        vm.run();
        vm.savedRuns().compareWithPreviousProperty().set(true);

        assertThat(vm.savedRuns().previousRunProperty().get().id()).isEqualTo(first);
        assertThat(vm.savedRuns().compareLabelProperty().get()).isEqualTo("Compare with run " + first);
        assertThat(vm.findings().fixedFindings()).extracting(f -> f.checkId() + "@" + f.relation())
                .contains("RLS-DISABLED@public.drivers", "XT-READ-OTHER-TENANTS@public.drivers");
        assertThat(vm.findings().fixedTitleProperty().get()).startsWith("Fixed since run " + first + ": ");
        assertThat(vm.findings().findings()).filteredOn(r -> r.finding().checkId().equals("DATA-NULL-TENANT")).singleElement()
                .extracting(FindingRow::change).isEqualTo(Change.UNCHANGED);
        assertThat(vm.findings().findings()).allSatisfy(r -> assertThat(r.change()).isNotNull());

        vm.savedRuns().compareWithPreviousProperty().set(false);
        assertThat(vm.findings().fixedFindings()).isEmpty();
        assertThat(vm.findings().findings()).allSatisfy(r -> assertThat(r.change()).isNull());

        vm.savedRuns().selectedRunProperty().set(vm.savedRuns().runs().get(1));
        assertThat(vm.savedRuns().previousRunProperty().get()).isNull();
        assertThat(ids(vm.findings().findings())).contains("RLS-DISABLED@public.drivers");
    }

    @Test
    void csvExportWritesTheDocumentedHeaderAndEveryFindingAsUtf8(TestPostgres postgres, @TempDir Path dir)
            throws Exception {
        open(postgres);
        vm.run();
        long id = vm.savedRuns().shown().id();
        Path file = dir.resolve("isolation-audit-run-" + id + ".csv");
        dialogs.saveTo(file);

        vm.exportCsv();

        assertThat(dialogs.lastQuestion()).isEqualTo("Export the audit run as CSV: isolation-audit-run-" + id + ".csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(String.join(",", AuditCsv.COLUMNS));
        assertThat(lines.get(0)).isEqualTo("run_id,time,database,check_id,severity,relation,tenant,finding,evidence,fix_hint");
        assertThat(String.join("\n", lines)).contains("RLS-DISABLED", "DATA-NULL-TENANT");
        assertThat(vm.exportMessageProperty().get()).startsWith("Exported run "
                + vm.savedRuns().selectedRunProperty().get().run().id() + " (" + vm.savedRuns().selectedRunProperty().get().run().findings().size());
        assertThat(errors).isEmpty();
    }

    private static List<String> ids(List<FindingRow> rows) {
        return rows.stream().map(FindingRow::finding).map(f -> f.checkId() + "@" + f.relation()).distinct().toList();
    }
}
