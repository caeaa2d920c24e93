package dev.inspector.ui.main;

import dev.inspector.ui.support.Theme;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.NotificationPane;

/** Binds the shell: tabs, status bar, start-up progress. */
public final class MainView {

    @FXML private TabPane tabs;
    @FXML private VBox startupPane;
    @FXML private ProgressIndicator startupProgress;
    @FXML private Label startupMessage;
    @FXML private Label startupFailure;
    @FXML private Label startupFailureTitle;
    @FXML private Label startupHint;
    @FXML private Button connectButton;
    @FXML private Button themeButton;
    @FXML private Label databaseLabel;
    @FXML private Label serverVersionLabel;
    @FXML private Label roleLabel;
    @FXML private Label schemaWarningLabel;
    @FXML private Label statusMessage;
    @FXML private Label freshnessLabel;
    @FXML private NotificationPane otherConsoleNotice;

    private final MainViewModel viewModel;
    private final Runnable openConnectDialog;
    private final java.util.function.Consumer<String> tabShown;
    private final Runnable openPalette;

    /**
     * @param tabShown told the id of each tab as it becomes visible, so a tab loads when first opened
     */
    public MainView(MainViewModel viewModel, Runnable openConnectDialog, java.util.function.Consumer<String> tabShown,
                    Runnable openPalette) {
        this.viewModel = viewModel;
        this.openConnectDialog = openConnectDialog;
        this.tabShown = tabShown;
        this.openPalette = openPalette;
    }

    /** The window's shortcuts, on the scene so they work wherever the focus is (MainViewModel.SHORTCUTS lists them). */
    private void installShortcuts(javafx.scene.Scene scene) {
        var keys = scene.getAccelerators();
        keys.put(KeyCombination.keyCombination("Shortcut+P"), openPalette);
        keys.put(KeyCombination.keyCombination("Shortcut+F"), this::findInFront);
        keys.put(new KeyCodeCombination(KeyCode.F1), viewModel::showShortcuts);
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int index = i;
            keys.put(KeyCombination.keyCombination("Shortcut+" + (i + 1)), () -> tabs.getSelectionModel().select(index));
        }
    }

    /** Ctrl+F: the search field of the tab in front (each tab marks its own with the find-field class). */
    private void findInFront() {
        var tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null && tab.getContent() != null) {
            Node field = tab.getContent().lookup(".find-field");
            if (field != null) {
                field.requestFocus();
                if (field instanceof javafx.scene.control.TextInputControl text) {
                    text.selectAll();
                }
            }
        }
    }

    @FXML
    private void initialize() {
        // The tabs stay hidden until a session exists; before that the start-up pane explains what happens.
        startupPane.visibleProperty().bind(databaseLabel.textProperty().isEqualTo("not connected"));
        tabs.visibleProperty().bind(startupPane.visibleProperty().not());
        startupProgress.visibleProperty().bind(viewModel.connectingProperty());
        startupMessage.textProperty().bind(viewModel.progressMessageProperty());
        startupFailure.textProperty().bind(viewModel.failureProperty());
        startupFailure.visibleProperty().bind(viewModel.failureProperty().isNotEmpty());
        startupFailureTitle.visibleProperty().bind(startupFailure.visibleProperty());
        startupHint.visibleProperty().bind(startupFailure.visibleProperty());

        databaseLabel.textProperty().bind(viewModel.databaseLabelProperty());
        serverVersionLabel.textProperty().bind(viewModel.serverVersionProperty());
        roleLabel.textProperty().bind(viewModel.roleProperty().map(role -> role.isEmpty() ? "" : "as " + role));
        schemaWarningLabel.textProperty().bind(viewModel.schemaWarningProperty());
        schemaWarningLabel.visibleProperty().bind(viewModel.schemaWarningProperty().isNotEmpty());
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(viewModel.schemaWarningProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(560);
        schemaWarningLabel.setTooltip(whole);
        statusMessage.textProperty().bind(viewModel.progressMessageProperty());
        freshnessLabel.textProperty().bind(viewModel.freshnessProperty());
        // Another console's change slides in over the tabs; it stays until read or replaced.
        otherConsoleNotice.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        viewModel.otherConsoleChangeProperty().addListener((obs, old, text) -> {
            if (text.isEmpty()) {
                otherConsoleNotice.hide();
            } else {
                otherConsoleNotice.show(text);
            }
        });
        otherConsoleNotice.setOnHidden(e -> viewModel.dismissOtherConsoleChange());

        connectButton.disableProperty().bind(viewModel.connectingProperty());
        connectButton.setOnAction(e -> openConnectDialog.run());
        themeButton.textProperty().bind(viewModel.themeProperty().map(t -> t == Theme.LIGHT ? "Dark theme" : "Light theme"));
        themeButton.setOnAction(e -> viewModel.toggleTheme());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> tabShown.accept(tab.getId()));
        tabShown.accept(tabs.getSelectionModel().getSelectedItem().getId());
        tabs.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
    }
}
