package dev.inspector.ui.release;

import dev.inspector.domain.KillswitchAction;
import dev.inspector.domain.KillswitchState;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.ui.palette.Navigator;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * Binds the Release Control tab to its view-model and forwards clicks: a double click on a channel
 * or default cell toggles it, the context menu sets any state, Ctrl+K opens the kill dialog.
 * Every write first asks for a reason in a small confirmation.
 */
public final class ReleaseControlView {

    static final KeyCombination KILL_SHORTCUT = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);

    @FXML private TextField flagSearch;
    @FXML private ComboBox<ChannelFilter> channelFilter;
    @FXML private ComboBox<KillswitchFilter> killswitchFilter;
    @FXML private Label flagSummary;
    @FXML private Label flagError;
    @FXML private Label flagStatus;
    @FXML private ProgressIndicator writingIndicator;
    @FXML private Button refreshFlags;
    @FXML private Button newFlagButton;
    @FXML private Button editFlagButton;
    @FXML private Button killButton;
    @FXML private Button restoreButton;
    @FXML private Button restoreIncidentButton;
    @FXML private MenuButton killswitchMenu;
    @FXML private MenuItem armKillswitch;
    @FXML private MenuItem disarmKillswitch;
    @FXML private MenuItem untripKillswitch;
    @FXML private HBox promotionSlot;
    @FXML private TableView<FlagRow> flagTable;
    @FXML private TableColumn<FlagRow, String> keyColumn;
    @FXML private TableColumn<FlagRow, String> nameColumn;
    @FXML private TableColumn<FlagRow, String> descriptionColumn;
    @FXML private TableColumn<FlagRow, Optional<Boolean>> defaultColumn;
    @FXML private TableColumn<FlagRow, KillswitchState> killswitchColumn;
    @FXML private TableColumn<FlagRow, Optional<Boolean>> internalColumn;
    @FXML private TableColumn<FlagRow, Optional<Boolean>> pilotColumn;
    @FXML private TableColumn<FlagRow, Optional<Boolean>> generalColumn;
    @FXML private TableColumn<FlagRow, Integer> overridesColumn;
    @FXML private TableColumn<FlagRow, FlagRow> shareColumn;
    @FXML private TableColumn<FlagRow, String> stageColumn;
    @FXML private ComboBox<LifecycleFilter> lifecycleFilter;
    @FXML private HBox cleanupBox;
    @FXML private javafx.scene.control.Spinner<Integer> cleanupDays;

    private final ReleaseControlViewModel viewModel;
    private final ReleaseDialogs dialogs;
    private final Navigator navigator;
    private boolean syncingSelection;

    public ReleaseControlView(ReleaseControlViewModel viewModel, ReleaseDialogs dialogs, Navigator navigator) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.navigator = navigator;
    }

    @FXML
    private void initialize() {
        flagSearch.textProperty().bindBidirectional(viewModel.searchTextProperty());
        channelFilter.getItems().setAll(ChannelFilter.values());
        channelFilter.valueProperty().bindBidirectional(viewModel.channelFilterProperty());
        killswitchFilter.getItems().setAll(KillswitchFilter.values());
        killswitchFilter.valueProperty().bindBidirectional(viewModel.killswitchFilterProperty());
        FlagFilters filters = viewModel.filters();
        lifecycleFilter.getItems().setAll(LifecycleFilter.values());
        lifecycleFilter.valueProperty().bindBidirectional(filters.lifecycleProperty());
        cleanupBox.visibleProperty().bind(filters.lifecycleProperty().isEqualTo(LifecycleFilter.CLEANUP));
        cleanupBox.managedProperty().bind(cleanupBox.visibleProperty());
        cleanupDays.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(0, 3650,
                filters.cleanupDaysProperty().get()));
        cleanupDays.valueProperty().addListener((obs, old, days) -> filters.cleanupDaysProperty().set(days));
        flagSummary.textProperty().bind(viewModel.summaryProperty());
        FlagChanges changes = viewModel.changes();
        flagStatus.textProperty().bind(changes.statusProperty());
        writingIndicator.visibleProperty().bind(changes.writingProperty());
        flagStatus.tooltipProperty().bind(changes.statusProperty().map(text -> text.isEmpty() ? null : new Tooltip(text)));
        flagError.textProperty().bind(viewModel.errorProperty());
        flagError.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        flagError.managedProperty().bind(flagError.visibleProperty());
        refreshFlags.disableProperty().bind(viewModel.loadingProperty());
        refreshFlags.setOnAction(e -> viewModel.refresh());

        var noSelection = viewModel.selectedFlagProperty().isNull();
        newFlagButton.setOnAction(e -> openCreate());
        editFlagButton.disableProperty().bind(noSelection);
        editFlagButton.setOnAction(e -> openEdit());
        killButton.disableProperty().bind(noSelection.or(changes.writingProperty()));
        killButton.setOnAction(e -> openKill());
        killButton.setTooltip(new Tooltip("Stop the selected flag now (Ctrl+K)"));
        restoreButton.disableProperty().bind(viewModel.restorableProperty().isNull().or(changes.writingProperty()));
        restoreButton.setOnAction(e -> openRestore());
        restoreButton.setTooltip(new Tooltip("Undo the newest rollback of the selected flag; repeat to go further back"));
        restoreIncidentButton.textProperty().bind(viewModel.restoreIncidentLabel());
        restoreIncidentButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.incidentProperty().get().size() < 2, viewModel.incidentProperty())
                .or(changes.writingProperty()));
        restoreIncidentButton.managedProperty().bind(restoreIncidentButton.disableProperty().not());
        restoreIncidentButton.visibleProperty().bind(restoreIncidentButton.managedProperty());
        restoreIncidentButton.setOnAction(e -> openRestoreIncident());
        killswitchMenu.disableProperty().bind(noSelection.or(changes.writingProperty()));
        armKillswitch.setOnAction(e -> killswitch(KillswitchAction.ARM));
        disarmKillswitch.setOnAction(e -> killswitch(KillswitchAction.DISARM));
        untripKillswitch.setOnAction(e -> killswitch(KillswitchAction.UNTRIP));
        promotionSlot.managedProperty().bind(promotionSlot.visibleProperty());

        bindTable();
        flagTable.setContextMenu(new FlagContextMenu(viewModel, navigator, this::openEdit, this::openKill,
                this::openRestore, this::openRestoreIncident, restoreIncidentButton.disableProperty()).menu());
        flagTable.setOnKeyPressed(e -> {
            if (KILL_SHORTCUT.match(e)) {
                e.consume();
                openKill();
            }
        });
    }

    private void bindTable() {
        flagTable.setItems(viewModel.visibleFlags());
        viewModel.visibleFlags().comparatorProperty().bind(flagTable.comparatorProperty());
        flagTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!syncingSelection) {
                viewModel.selectedFlagProperty().set(row);
            }
        });
        viewModel.selectedFlagProperty().addListener((obs, old, row) -> {
            if (flagTable.getSelectionModel().getSelectedItem() != row) {
                syncingSelection = true;
                if (row == null) {
                    flagTable.getSelectionModel().clearSelection();
                } else {
                    flagTable.getSelectionModel().select(row);
                    flagTable.scrollTo(row); // a flag selected for the admin (a new one) must be in view
                }
                syncingSelection = false;
            }
        });

        keyColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().key()));
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().flag().name()));
        flagTable.setRowFactory(table -> FlagCells.row());
        stageColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lifecycle()
                .words(java.time.Instant.now())));
        descriptionColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().flag().description()));
        descriptionColumn.setCellFactory(c -> FlagCells.withTooltip());
        defaultColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Optional.of(c.getValue().flag().defaultEnabled())));
        killswitchColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().flag().killswitchState()));
        channelColumn(internalColumn, ReleaseChannel.INTERNAL);
        channelColumn(pilotColumn, ReleaseChannel.PILOT);
        channelColumn(generalColumn, ReleaseChannel.GENERAL);
        defaultColumn.setCellFactory(c -> toggleOnDoubleClick(FlagCells.state(), viewModel.changes()::toggleDefault));
        defaultColumn.setComparator(ReleaseControlViewModel.stateOrder());
        killswitchColumn.setCellFactory(c -> FlagCells.killswitch());
        overridesColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().overrideCount()));
        overridesColumn.setCellFactory(c -> FlagCells.count());
        shareColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        shareColumn.setCellFactory(c -> FlagCells.share());
        shareColumn.setComparator(Comparator.comparingDouble(row -> row.enabledShare().orElse(-1.0)));
    }

    private void channelColumn(TableColumn<FlagRow, Optional<Boolean>> column, ReleaseChannel channel) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().channel(channel)));
        column.setCellFactory(c -> toggleOnDoubleClick(FlagCells.state(), row -> viewModel.changes().toggleChannel(row, channel)));
        column.setComparator(ReleaseControlViewModel.stateOrder());
    }

    private static <T> TableCell<FlagRow, T> toggleOnDoubleClick(TableCell<FlagRow, T> cell,
                                                                Consumer<FlagRow> toggle) {
        cell.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !cell.isEmpty()
                    && cell.getTableRow() != null && cell.getTableRow().getItem() != null) {
                toggle.accept(cell.getTableRow().getItem());
            }
        });
        cell.setTooltip(new Tooltip("Double-click to switch (on for pilot or general opens the promotion gates); "
                + "right-click for every choice"));
        return cell;
    }

    // --- forwarding -------------------------------------------------------------------------

    private void openCreate() {
        CreateFlagDialogViewModel form = viewModel.newFlagForm();
        if (form != null) {
            dialogs.createFlag(window(), form);
        }
    }

    private void openEdit() {
        EditFlagDialogViewModel form = viewModel.editForm(viewModel.selectedFlagProperty().get());
        if (form != null) {
            dialogs.editFlag(window(), form);
        }
    }

    private void openKill() {
        KillDialogViewModel form = viewModel.killForm(viewModel.selectedFlagProperty().get());
        if (form != null) {
            dialogs.kill(window(), form);
        }
    }

    private void openRestore() {
        var change = viewModel.restorableProperty().get();
        if (change != null) {
            viewModel.changes().restore(change);
        }
    }

    private void openRestoreIncident() {
        String key = viewModel.selectedKeyProperty().get();
        if (key != null && !viewModel.incidentProperty().get().isEmpty()) {
            viewModel.changes().restoreIncident(key, viewModel.incidentProperty().get());
        }
    }

    private void killswitch(KillswitchAction action) {
        FlagRow row = viewModel.selectedFlagProperty().get();
        if (row != null) {
            viewModel.changes().killswitch(row, action);
        }
    }

    private Window window() {
        return flagTable.getScene().getWindow();
    }

}
