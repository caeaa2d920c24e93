package dev.inspector.ui.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.app.CompositionRoot;
import dev.inspector.domain.resolution.TenantRoster;
import dev.inspector.testing.ConsoleWindow;
import dev.inspector.testing.Screenshots;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.WindowTest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Tenants view, the user view, a grant and a tenant move in the real window on a real database. */
@WindowTest
class TenantsWindowTest {

    private static final UUID TALBI = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID NORTHWIND = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final UUID SUMMIT = UUID.fromString("00000000-0000-0000-0000-000000000008");
    private static final UUID GRACE = UUID.fromString("00000000-0000-0000-0001-000000000009");
    private static final UUID MARCUS = UUID.fromString("00000000-0000-0000-0001-000000000010");

    private final FxRobot robot = new FxRobot();
    private CompositionRoot root;
    private Stage stage;

    @BeforeEach
    void open(TestDatabase db) throws Exception {
        root = new CompositionRoot(db.target(), Map.of());
        stage = ConsoleWindow.open(root);
        ConsoleWindow.showTab(robot, stage, "tenantsTab");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> root.tenantsViewModel().visibleTenants().size() == 10);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        ConsoleWindow.close(robot, root, stage);
    }

    @Test
    void everyTenantWithItsChannelAndCountsAndWhatAMemberSees() {
        TableView<TenantRoster.Entry> tenants = robot.lookup("#tenantTable").queryTableView();
        TenantRoster.Entry talbi = tenants.getItems().stream().filter(e -> e.tenant().id().equals(TALBI)).findFirst().orElseThrow();
        assertThat(talbi.tenant().releaseChannel()).isEqualTo("pilot");
        assertThat(talbi.members()).hasSize(4);
        assertThat(talbi.enabledGrants()).isEqualTo(4);
        assertThat(talbi.overrides()).isPositive();
        assertThat(robot.lookup("#newTenantsLabel").queryAs(Label.class).getText())
                .isEqualTo("New tenants get general (the default of tenants.release_channel).");

        ConsoleWindow.fill(robot, "#tenantFilter", "pilot");
        WaitForAsyncUtils.waitForFxEvents();
        // (another test of this class may have moved Summit to pilot as well)
        assertThat(tenants.getItems()).extracting(e -> e.tenant().name()).contains("Talbi Logistics LLC")
                .doesNotContain("Blue Ridge Haulage", "Default Tenant");
        assertThat(tenants.getItems()).allSatisfy(e -> assertThat(e.tenant().releaseChannel()).isEqualTo("pilot"));
        ConsoleWindow.fill(robot, "#tenantFilter", "grace.whit");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tenants.getItems()).extracting(e -> e.tenant().id()).containsExactly(NORTHWIND);
        robot.clickOn(robot.from(tenants).lookup(".table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && "Northwind Freight Co.".equals(l.getText())).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tenantTitle").queryAs(Label.class).getText()).startsWith("Northwind Freight Co. · general · ");
        TableView<MemberRow> members = robot.lookup("#memberTable").queryTableView();
        MemberRow marcus = members.getItems().stream().filter(m -> m.user().id().equals(MARCUS)).findFirst().orElseThrow();
        assertThat(marcus.grantWords()).isEqualTo("revoked: advanced_analytics");

        robot.interact(() -> root.tenantsViewModel().select(NORTHWIND, GRACE));
        robot.interact(() -> root.tenantsViewModel().user().selectedRowProperty().set(root.tenantsViewModel().user().rows()
                .stream().filter(r -> r.key().equals("advanced_analytics")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#userTitle").queryAs(Label.class).getText()).startsWith("Grace Whitfield");
        assertThat(robot.lookup("#userFlagTable").queryTableView().getItems()).hasSize(15);
        assertThat(robot.lookup("#userTrace").queryAs(TextArea.class).getText()).contains("advanced_analytics")
                .contains("grant");
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "tenants-user-view"));
        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "tenants-user-view-dark"));
        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aGrantShowsItsSqlThenIsWrittenOnceAndTheMemberShowsIt(TestDatabase db) throws Exception {
        int before = changes(db);
        robot.interact(() -> root.tenantsViewModel().select(NORTHWIND, MARCUS));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#grantButton");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ComboBox<?> flag = robot.lookup("#grantFlag").queryComboBox();
        // typed without the focus: the suggestions popup would cover the buttons below
        robot.interact(() -> flag.getEditor().setText("advanced_analytics"));
        ConsoleWindow.fill(robot, "#grantReason", "ticket 812: Marcus runs the reports now");
        assertThat(robot.lookup("#grantPreview").queryAs(Label.class).getText())
                .startsWith("Gives Marcus Reed").contains("access to advanced_analytics");
        robot.clickOn("#grantShowSql");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#grantSql").queryAs(TextArea.class)
                .getText().contains("To undo it"));
        String sql = robot.lookup("#grantSql").queryAs(TextArea.class).getText();
        assertThat(sql).contains("update \"public\".\"tenant_feature_access\"").contains("is_enabled");
        assertThat(changes(db)).as("showing the SQL records nothing").isEqualTo(before);
        assertThat(enabled(db, MARCUS)).isFalse();
        robot.interact(() -> Screenshots.save(robot.lookup("#grantSql").query().getScene().getRoot(), "tenants-grant-sql"));

        robot.clickOn(robot.lookup("#grantConfirm").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> enabled(db, MARCUS));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#memberTable").queryTableView().getItems()
                .stream().anyMatch(m -> ((MemberRow) m).grantWords().equals("advanced_analytics")));
        assertThat(changes(db)).isEqualTo(before + 1);
    }

    @Test
    void aMoveShowsWhatChangesForTheTenantAndItsSqlThenMovesIt(TestDatabase db) throws Exception {
        int before = changes(db);
        robot.interact(() -> root.tenantsViewModel().select(SUMMIT, null));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#moveTenantButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#moveChannel").queryComboBox().getSelectionModel()
                .select(dev.inspector.domain.ReleaseChannel.PILOT));
        String preview = robot.lookup("#movePreview").queryAs(TextArea.class).getText();
        assertThat(preview).startsWith("Moving Summit Express Carriers from general to pilot:").contains("turns on:");
        ConsoleWindow.fill(robot, "#moveReason", "Summit joins the pilot");
        robot.clickOn("#moveShowSql");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#moveSql").queryAs(TextArea.class)
                .getText().contains("To undo it"));
        assertThat(robot.lookup("#moveSql").queryAs(TextArea.class).getText())
                .contains("update \"public\".\"tenants\"").contains("'pilot'").contains("\"release_channel\": \"general\"");
        robot.interact(() -> Screenshots.save(robot.lookup("#moveSql").query().getScene().getRoot(), "tenants-move-preview"));
        assertThat(channel(db)).isEqualTo("general");

        robot.clickOn(robot.lookup("#moveTenantConfirm").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "pilot".equals(channel(db)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#tenantTitle").queryAs(Label.class).getText()
                .startsWith("Summit Express Carriers · pilot"));
        assertThat(changes(db)).isEqualTo(before + 1);
        assertThat(robot.lookup("#tenantsMessage").queryAs(Label.class).getText()).matches("Moved: change \\d+\\.");
    }

    private static int changes(TestDatabase db) {
        return db.dsl().fetchCount(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("inspector", "change_set")));
    }

    private static boolean enabled(TestDatabase db, UUID user) {
        return Boolean.TRUE.equals(db.dsl().fetchValue("select is_enabled from public.tenant_feature_access where user_id = ?"
                + " and feature_key = 'advanced_analytics'", user));
    }

    private static String channel(TestDatabase db) {
        return db.dsl().fetchValue("select release_channel from public.tenants where id = ?", SUMMIT).toString();
    }
}
