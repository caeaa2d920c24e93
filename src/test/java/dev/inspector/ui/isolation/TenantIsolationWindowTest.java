package dev.inspector.ui.isolation;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import dev.inspector.testing.Locks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.app.CompositionRoot;
import dev.inspector.testing.WindowTest;
import dev.inspector.testing.ConsoleWindow;
import dev.inspector.testing.Screenshots;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The isolation tab in the real window on a fresh demo clone per test, driven by TestFX. */
@WindowTest
@ResourceLock(value = Locks.ROLES, mode = ResourceAccessMode.READ)
class TenantIsolationWindowTest {

    private final FxRobot robot = new FxRobot();
    private TestDatabase db;
    private CompositionRoot root;
    private TenantIsolationViewModel vm;
    private Stage stage;


    @BeforeEach
    void open(TestPostgres postgres) throws Exception {
        db = postgres.cloneDemo();
        root = new CompositionRoot(db.target(), Map.of());
        stage = ConsoleWindow.open(root);
        vm = root.tenantIsolationViewModel();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> root.releaseControlViewModel().visibleFlags().size() == 15);
        assertThat(vm.setup().tenants()).as("the isolation tab reads nothing before it is opened").isEmpty();
        ConsoleWindow.showTab(robot, stage, "tenantIsolationTab");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.setup().tenants().size() == 10);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        ConsoleWindow.close(robot, root, stage);
        db.close();
    }

    @Test
    void aRunShowsProgressPerRelationThenFindingsWithTheirEvidence() throws Exception {
        // every tenant and the write probes: the longest run the tab offers, so progress is seen
        robot.interact(() -> vm.setup().tenants().forEach(t -> t.checkedProperty().set(true)));
        robot.clickOn("#writeProbes");
        List<String> seenWhileRunning = new ArrayList<>();
        ListChangeListener<RelationProgress> shootOnProgress = change -> {
            if (vm.progress().runningProperty().get() && !vm.progress().relationProgress().isEmpty()
                    && (seenWhileRunning.isEmpty() || vm.progress().relationProgress().size() >= 4 && seenWhileRunning.size() < 4)) {
                seenWhileRunning.add(vm.progress().progressMessageProperty().get());
                Screenshots.save(stage.getScene().getRoot(), "isolation-running");
            }
        };
        robot.interact(() -> vm.progress().relationProgress().addListener(shootOnProgress));

        robot.clickOn("#runAudit");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.progress().runningProperty().get() && !vm.savedRuns().runs().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> vm.progress().relationProgress().removeListener(shootOnProgress));

        assertThat(seenWhileRunning).as("progress reached the window while the audit ran").isNotEmpty();
        assertThat(seenWhileRunning.get(0)).contains(" of ");
        assertThat(robot.lookup("#progressMessage").queryAs(Labeled.class).getText()).startsWith("Finished: run ");
        TableView<?> table = robot.lookup("#findingTable").queryAs(TableView.class);
        assertThat(table.getItems()).isNotEmpty();
        assertThat(robot.lookup("#proofLine").queryAs(Labeled.class).getText()).startsWith("✔ Audited data unchanged: ");
        assertThat(robot.lookup("#runPicker").queryComboBox().getValue()).isNotNull();

        robot.clickOn(cell("RLS-DISABLED"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#detailEvidence").queryAs(TextArea.class).getText()).contains("relrowsecurity = false");
        assertThat(robot.lookup("#detailFix").queryAs(TextArea.class).getText())
                .startsWith("ALTER TABLE public.drivers ENABLE ROW LEVEL SECURITY");
        assertThat(robot.from(table).lookup(".severity-critical").queryAll()).isNotEmpty();
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "isolation-findings"));

        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "isolation-findings-dark"));
        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSecondRunComparedWithTheFirstListsTheFixedFindings() throws Exception {
        // the finding fixed between the runs is a schema finding: schema checks alone keep the test quick
        robot.interact(() -> {
            vm.setup().dataChecksProperty().set(false);
            vm.setup().readProbesProperty().set(false);
        });
        runAndWait(1);
        db.execute("ALTER TABLE public.drivers ENABLE ROW LEVEL SECURITY");
        db.execute("CREATE POLICY drivers_tenant_isolation ON public.drivers TO authenticated "
                + "USING (tenant_id = auth.tenant_id()) WITH CHECK (tenant_id = auth.tenant_id())");
        runAndWait(2);

        robot.clickOn("#compareToggle");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#fixedPane").query().isVisible()).isTrue();
        ListView<?> fixed = robot.lookup("#fixedList").queryAs(ListView.class);
        assertThat(fixed.getItems()).extracting(f -> ((dev.inspector.domain.audit.Finding) f).checkId())
                .contains("RLS-DISABLED");
        TableView<?> table = robot.lookup("#findingTable").queryAs(TableView.class);
        assertThat(table.getColumns().get(1).isVisible()).as("the status column").isTrue();
        assertThat(robot.from(table).lookup(".change-unchanged").queryAll()).isNotEmpty();
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "isolation-compare"));

        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "isolation-compare-dark"));
        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void runAndWait(int runs) throws Exception {
        robot.clickOn("#runAudit");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.progress().runningProperty().get() && vm.savedRuns().runs().size() == runs);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node cell(String text) {
        Node table = robot.lookup("#findingTable").query();
        return robot.from(table).lookup(".table-cell")
                .match((Node n) -> n instanceof Labeled l && text.equals(l.getText())).query();
    }
}
