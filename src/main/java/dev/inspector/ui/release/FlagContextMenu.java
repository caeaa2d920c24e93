package dev.inspector.ui.release;

import dev.inspector.domain.KillswitchAction;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.lifecycle.LifecycleStage;
import dev.inspector.domain.wording.OnOff;
import dev.inspector.ui.palette.Navigator;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The flag table's right-click menu: every state of every switch, the rollbacks and restores, and
 * archiving. Each item acts on the selected flag.
 */
final class FlagContextMenu {

    private final ReleaseControlViewModel viewModel;
    private final Navigator navigator;
    private final Runnable openEdit;
    private final Runnable openKill;
    private final Runnable openRestore;
    private final Runnable openRestoreIncident;
    private final ObservableBooleanValue restoreIncidentDisabled;

    FlagContextMenu(ReleaseControlViewModel viewModel, Navigator navigator, Runnable openEdit, Runnable openKill, Runnable openRestore,
                    Runnable openRestoreIncident, ObservableBooleanValue restoreIncidentDisabled) {
        this.viewModel = viewModel;
        this.navigator = navigator;
        this.openEdit = openEdit;
        this.openKill = openKill;
        this.openRestore = openRestore;
        this.openRestoreIncident = openRestoreIncident;
        this.restoreIncidentDisabled = restoreIncidentDisabled;
    }

    ContextMenu menu() {
        ContextMenu menu = new ContextMenu();
        for (ReleaseChannel channel : ReleaseChannel.values()) {
            Menu sub = new Menu(capitalised(channel.dbValue()));
            sub.setId("menu-" + channel.dbValue());
            sub.getItems().addAll(
                    item(OnOff.title(true), "menu-" + channel.dbValue() + "-on",
                            row -> viewModel.changes().changeChannel(row, channel, Optional.of(true))),
                    item(OnOff.title(false), "menu-" + channel.dbValue() + "-off",
                            row -> viewModel.changes().changeChannel(row, channel, Optional.of(false))),
                    item("Remove row", "menu-" + channel.dbValue() + "-remove",
                            row -> viewModel.changes().changeChannel(row, channel, Optional.empty())));
            menu.getItems().add(sub);
        }
        Menu defaults = new Menu("Global default");
        defaults.getItems().addAll(item(OnOff.title(true), "menu-default-on", row -> viewModel.changes().changeDefault(row, true)),
                item(OnOff.title(false), "menu-default-off", row -> viewModel.changes().changeDefault(row, false)));
        Menu killswitch = new Menu("Killswitch");
        killswitch.setId("menu-killswitch");
        killswitch.getItems().addAll(item("Arm…", "menu-arm", row -> viewModel.changes().killswitch(row, KillswitchAction.ARM)),
                item("Disarm…", "menu-disarm", row -> viewModel.changes().killswitch(row, KillswitchAction.DISARM)),
                item("Un-trip…", "menu-untrip", row -> viewModel.changes().killswitch(row, KillswitchAction.UNTRIP)));
        // No accelerator here: a context-menu accelerator would act on the whole scene, other tabs included.
        MenuItem kill = item("Kill…   Ctrl+K", "menu-kill", row -> openKill.run());
        MenuItem restore = item("Restore…", "menu-restore", row -> openRestore.run());
        restore.disableProperty().bind(viewModel.restorableProperty().isNull());
        MenuItem restoreIncident = item("Restore to before the incident…", "menu-restore-incident",
                row -> openRestoreIncident.run());
        restoreIncident.disableProperty().bind(restoreIncidentDisabled);
        MenuItem archive = item("Archive…", "menu-archive", row -> viewModel.changes().archive(row, true));
        MenuItem unarchive = item("Unarchive…", "menu-unarchive", row -> viewModel.changes().archive(row, false));
        var archived = Bindings.createBooleanBinding(() -> viewModel.selectedFlagProperty().get() != null
                && viewModel.selectedFlagProperty().get().lifecycle().stage() == LifecycleStage.ARCHIVED,
                viewModel.selectedFlagProperty());
        archive.visibleProperty().bind(archived.not());
        unarchive.visibleProperty().bind(archived);
        menu.getItems().addAll(defaults, new SeparatorMenuItem(), item("Edit…", "menu-edit", row -> openEdit.run()),
                kill, killswitch, restore, restoreIncident, new SeparatorMenuItem(), archive, unarchive,
                new SeparatorMenuItem(),
                item("Show its column in the matrix", "menu-matrix", row -> navigator.matrixColumn(row.key())),
                item("Simulate it", "menu-simulate", row -> navigator.simulate(row.key())));
        return menu;
    }

    private MenuItem item(String text, String id, Consumer<FlagRow> action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.disableProperty().bind(viewModel.selectedFlagProperty().isNull());
        item.setOnAction(e -> {
            FlagRow row = viewModel.selectedFlagProperty().get();
            if (row != null) {
                action.accept(row);
            }
        });
        return item;
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
