package dev.inspector.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.persistence.ConnectionSettings;
import dev.inspector.service.DatabaseTarget;
import dev.inspector.service.SessionOpener;
import dev.inspector.testing.MemorySettings;
import dev.inspector.testing.DirectTaskRunner;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.live.LiveGateData;
import dev.inspector.testing.ScriptedDialogs;
import dev.inspector.ui.support.Theme;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class MainViewModelTest {

    private final List<Theme> applied = new ArrayList<>();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> errors = dialogs.shown;
    private final SessionState state = new SessionState();
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final MemorySettings settings = new MemorySettings();
    private final MainViewModel vm = new MainViewModel(tasks, new SessionOpener()::open, state, applied::add, dialogs,
            new LiveGateData(tasks, state, action -> { }, java.time.Clock.systemUTC()), settings);

    @Test
    void theThemeChosenIsTheThemeOfTheNextStart() {
        assertThat(vm.themeProperty().get()).as("the first start").isEqualTo(dev.inspector.ui.support.Theme.LIGHT);
        vm.toggleTheme();

        MainViewModel next = new MainViewModel(tasks, new SessionOpener()::open, state, applied::add, dialogs,
                new LiveGateData(tasks, state, action -> { }, java.time.Clock.systemUTC()), settings);

        assertThat(next.themeProperty().get()).isEqualTo(dev.inspector.ui.support.Theme.DARK);
        settings.values.put("theme", "SEPIA");
        assertThat(new MainViewModel(tasks, new SessionOpener()::open, state, applied::add, dialogs,
                new LiveGateData(tasks, state, action -> { }, java.time.Clock.systemUTC()), settings)
                .themeProperty().get()).as("a name this version does not know").isEqualTo(dev.inspector.ui.support.Theme.LIGHT);
    }

    @Test
    void connectingFillsTheStatusBarAndPublishesTheSession(TestDatabase db) {
        vm.connect(db.target());

        assertThat(state.current()).isNotNull();
        assertThat(vm.databaseLabelProperty().get()).isEqualTo(db.settings().label());
        assertThat(vm.serverVersionProperty().get()).startsWith("PostgreSQL 16");
        assertThat(vm.roleProperty().get()).isEqualTo("postgres");
        assertThat(vm.schemaWarningProperty().get()).isEmpty();
        assertThat(vm.connectingProperty().get()).isFalse();
        assertThat(tasks.messages()).as("an up-to-date console schema is only checked, not migrated")
                .contains("Checking the console's own schema…", "Checking the schema…")
                .doesNotContain("Updating the console's own schema…");
        vm.shutdown();
        assertThat(state.current()).isNull();
    }

    @Test
    void aFailedFirstConnectionIsShownInTheWindowNotAsAStackTrace() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        vm.connect(new DatabaseTarget.External(ConnectionSettings.external(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/app", "admin", "pw", Map.of()), false));

        assertThat(vm.failureProperty().get()).startsWith("Nothing accepts connections at 127.0.0.1:" + closedPort);
        assertThat(vm.databaseLabelProperty().get()).isEqualTo("not connected");
        assertThat(vm.connectingProperty().get()).isFalse();
        assertThat(errors).as("no dialog on top of the start-up message").isEmpty();
    }

    @Test
    void aFailedReconnectKeepsTheWorkingSessionAndSaysWhy(TestDatabase db) {
        vm.connect(db.target());
        var working = state.current();

        vm.connect(new DatabaseTarget.External(ConnectionSettings.external(
                "jdbc:postgresql://no-such-host.invalid/app", "admin", "pw", Map.of()), false));

        assertThat(state.current()).isSameAs(working);
        assertThat(errors).singleElement().asString().contains("Unknown host");
        vm.shutdown();
    }

    @Test
    void schemaProblemsAreReportedButTheSessionStillOpens(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo()) {
            db.execute("DROP TABLE public.tenant_feature_access");
            vm.connect(db.target());

            assertThat(state.current()).isNotNull();
            assertThat(vm.schemaWarningProperty().get()).contains("Missing table public.tenant_feature_access");
        } finally {
            vm.shutdown();
        }
    }

    @Test
    void themeToggleAppliesTheOtherTheme() {
        vm.toggleTheme();
        assertThat(vm.themeProperty().get()).isEqualTo(Theme.DARK);
        vm.toggleTheme();
        assertThat(applied).containsExactly(Theme.DARK, Theme.LIGHT);
    }
}
