package dev.inspector.ui.main;

import dev.inspector.domain.ConnectionInfo;
import dev.inspector.service.DatabaseTarget;
import dev.inspector.service.Session;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.live.LiveGateData;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.TaskHandle;
import dev.inspector.ui.support.TaskRunner;
import dev.inspector.ui.support.Theme;
import dev.inspector.ui.support.ThemeSwitcher;
import dev.inspector.ui.support.UserSettings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The shell: connecting (with progress), the status bar, the theme. */
public final class MainViewModel {

    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper(this, "connecting");
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper(this, "progressMessage", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyStringWrapper databaseLabel = new ReadOnlyStringWrapper(this, "databaseLabel", "not connected");
    private final ReadOnlyStringWrapper serverVersion = new ReadOnlyStringWrapper(this, "serverVersion", "");
    private final ReadOnlyStringWrapper role = new ReadOnlyStringWrapper(this, "role", "");
    private final ReadOnlyStringWrapper schemaWarning = new ReadOnlyStringWrapper(this, "schemaWarning", "");
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme", Theme.LIGHT);

    private final TaskRunner tasks;
    private final SessionSource sessions;
    private final SessionState sessionState;
    private static final String THEME = "theme";

    private final ThemeSwitcher themes;
    private final UserSettings settings;
    private final DialogService dialogs;
    private final LiveGateData live;
    private TaskHandle connectTask;

    public MainViewModel(TaskRunner tasks, SessionSource sessions, SessionState sessionState,
                         ThemeSwitcher themes, DialogService dialogs, LiveGateData live, UserSettings settings) {
        this.tasks = tasks;
        this.sessions = sessions;
        this.sessionState = sessionState;
        this.themes = themes;
        this.dialogs = dialogs;
        this.live = live;
        this.settings = settings;
        // the theme the admin chose last time; light the first time
        settings.get(THEME).flatMap(Theme::named).ifPresent(theme::set);
    }

    // --- properties -------------------------------------------------------------------------

    public ReadOnlyBooleanProperty connectingProperty() {
        return connecting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    /** Why the last connection attempt failed; empty when it did not. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseLabelProperty() {
        return databaseLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverVersionProperty() {
        return serverVersion.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty roleProperty() {
        return role.getReadOnlyProperty();
    }

    /** Problems of the connected schema in one line; empty when it has all the console needs. */
    public ReadOnlyStringProperty schemaWarningProperty() {
        return schemaWarning.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    /** "As of 14:02:33 · live": how current what the screens show is. */
    public ReadOnlyStringProperty freshnessProperty() {
        return live.freshnessProperty();
    }

    /** What another console just did, in one sentence; empty when there is nothing new to tell. */
    public ReadOnlyStringProperty otherConsoleChangeProperty() {
        return live.otherConsoleChangeProperty();
    }

    /** The admin has read the notice of another console's change. */
    public void dismissOtherConsoleChange() {
        live.dismissOtherConsoleChange();
    }

    // --- commands ---------------------------------------------------------------------------

    /** Opens a session in the background; the current one stays until the new one is ready. */
    public void connect(DatabaseTarget target) {
        if (connecting.get()) {
            return;
        }
        connecting.set(true);
        failure.set("");
        progressMessage.set("Connecting…");
        connectTask = tasks.run(
                progress -> sessions.open(target, progress::message),
                this::onConnected,
                this::onConnectFailed,
                update -> {
                    if (update.message() != null && !update.message().isBlank()) {
                        progressMessage.set(update.message());
                    }
                });
    }

    /** The keyboard shortcuts, as the help overlay (F1) lists them: keys, then what they do. */
    public static final java.util.List<java.util.Map.Entry<String, String>> SHORTCUTS = java.util.List.of(
            java.util.Map.entry("Ctrl+P", "Go to anything: flags, their matrix column or simulation, tenants, users, "
                    + "actions, recent changes"),
            java.util.Map.entry("Ctrl+F", "Find in the list of the tab in front"),
            java.util.Map.entry("Ctrl+1 … Ctrl+5", "Release Control, Tenant Matrix, Tenants, Gate Simulator, Tenant Isolation"),
            java.util.Map.entry("Ctrl+K", "Kill the selected flag (Release Control)"),
            java.util.Map.entry("Arrows", "Move the focused cell (Tenant Matrix)"),
            java.util.Map.entry("Shift+arrows", "Extend the selection from the anchor (Tenant Matrix)"),
            java.util.Map.entry("Space", "Select the focused cell or take it out (Tenant Matrix)"),
            java.util.Map.entry("Enter", "Apply the simulator's \u201cAs of\u201d moment; go to the palette's choice"),
            java.util.Map.entry("Esc", "Close the palette or a dialog"),
            java.util.Map.entry("F1", "This list"));

    /** Shows the shortcuts over the window. */
    public void showShortcuts() {
        dialogs.showPairs("Keyboard shortcuts", SHORTCUTS);
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
        themes.apply(theme.get());
        settings.put(THEME, theme.get().name());
    }

    /** Stops a connection attempt in flight and closes the session; called once on exit. */
    public void shutdown() {
        if (connectTask != null && !connectTask.isDone()) {
            connectTask.cancel();
        }
        Session previous = sessionState.replace(null);
        if (previous != null) {
            previous.close();
        }
    }

    private void onConnected(Session session) {
        connecting.set(false);
        progressMessage.set("");
        Session previous = sessionState.replace(session);
        ConnectionInfo info = session.info();
        databaseLabel.set(info.label());
        serverVersion.set(info.serverVersion());
        role.set(info.role());
        String incomplete = session.schema().complete() ? ""
                : "Schema incomplete: " + String.join("; ", session.schema().problems());
        // a read-only role sees, once, which actions its privileges leave out
        String readOnly = session.schema().readOnlyNote().map(n -> (incomplete.isEmpty() ? "" : " · ") + n).orElse("");
        schemaWarning.set(incomplete + readOnly);
        if (previous != null) {
            tasks.run(p -> {
                previous.close();
                return null;
            }, ignored -> { }, error -> { });
        }
    }

    private void onConnectFailed(Throwable error) {
        connecting.set(false);
        progressMessage.set("");
        String message = DialogService.plainMessage(error);
        failure.set(message);
        if (sessionState.current() != null) {
            dialogs.showError("Could not connect", error);
        }
    }
}
