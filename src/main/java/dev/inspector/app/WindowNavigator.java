package dev.inspector.app;

import dev.inspector.ui.main.MainViewModel;
import dev.inspector.ui.matrix.TenantMatrixViewModel;
import dev.inspector.ui.palette.Navigator;
import dev.inspector.ui.palette.PaletteEntry;
import dev.inspector.ui.release.LifecycleFilter;
import dev.inspector.ui.release.ReleaseControlViewModel;
import dev.inspector.ui.simulator.GateSimulatorViewModel;
import dev.inspector.ui.tenants.TenantsViewModel;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/** The palette's and the flag jumps' way around the window: which tab to bring forward and what to pick in it. */
final class WindowNavigator implements Navigator {

    private final Stage stage;
    private final MainViewModel main;
    private final ReleaseControlViewModel release;
    private final TenantMatrixViewModel matrix;
    private final GateSimulatorViewModel simulator;
    private final TenantsViewModel tenants;
    private final Runnable newFlag;
    private final Runnable connect;
    private final Runnable shortcuts;

    WindowNavigator(Stage stage, MainViewModel main, ReleaseControlViewModel release, TenantMatrixViewModel matrix,
                    GateSimulatorViewModel simulator, TenantsViewModel tenants, Runnable newFlag, Runnable connect,
                    Runnable shortcuts) {
        this.stage = stage;
        this.main = main;
        this.release = release;
        this.matrix = matrix;
        this.simulator = simulator;
        this.tenants = tenants;
        this.newFlag = newFlag;
        this.connect = connect;
        this.shortcuts = shortcuts;
    }

    private void tab(String id) {
        TabPane tabs = (TabPane) stage.getScene().lookup("#tabs");
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    @Override
    public void flag(String key) {
        tab("releaseControlTab");
        release.select(key);
    }

    @Override
    public void matrixColumn(String key) {
        tab("tenantMatrixTab");
        matrix.flagTextProperty().set(key);
    }

    @Override
    public void simulate(String key) {
        tab("simulatorTab");
        simulator.choices().flagChoices().stream().filter(c -> !c.all() && c.key().equals(key)).findFirst()
                .ifPresent(simulator.choices().selectedFlagProperty()::set);
    }

    @Override
    public void tenant(UUID tenantId, UUID userId) {
        tab("tenantsTab");
        tenants.select(tenantId, userId);
    }

    @Override
    public List<PaletteEntry> actions() {
        return List.of(
                action("New flag…", "create a feature flag", () -> newFlag.run()),
                action("Connect…", "open another database", () -> connect.run()),
                action("Switch theme", "light or dark", () -> main.toggleTheme()),
                action("Refresh", "read the gate tables again", () -> release.refresh()),
                action("Promoted in the last 48 h", "flags under watch after a promotion",
                        () -> lifecycle(LifecycleFilter.WATCH)),
                action("Cleanup candidates", "flags on for every tenant for long", () -> lifecycle(LifecycleFilter.CLEANUP)),
                action("Archived flags", "flags out of the daily views", () -> lifecycle(LifecycleFilter.ARCHIVED)),
                action("Tenants", "every tenant, its channel, members and grants", () -> tab("tenantsTab")),
                action("Tenant isolation audit", "row level security, data and cross-tenant access",
                        () -> tab("tenantIsolationTab")),
                action("Keyboard shortcuts", "F1", () -> shortcuts.run()));
    }

    private void lifecycle(LifecycleFilter filter) {
        tab("releaseControlTab");
        release.filters().lifecycleProperty().set(filter);
    }

    private static PaletteEntry action(String title, String detail, Runnable run) {
        return new PaletteEntry("Action", title, detail, run);
    }
}
