package dev.inspector.ui.release;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.service.RowDiff;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/** Binds the change-history pane to its view-model; the export target comes from a file chooser. */
public final class ChangeHistoryView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @FXML private TextField historyFilter;
    @FXML private CheckBox historyOnlySelected;
    @FXML private Label historySummary;
    @FXML private Label historyStatus;
    @FXML private Button exportHistory;
    @FXML private TableView<ChangeRecord> changeTable;
    @FXML private TableColumn<ChangeRecord, String> timeColumn;
    @FXML private TableColumn<ChangeRecord, String> kindColumn;
    @FXML private TableColumn<ChangeRecord, String> whatColumn;
    @FXML private TableColumn<ChangeRecord, String> byColumn;
    @FXML private TableColumn<ChangeRecord, String> touchedColumn;
    @FXML private TableColumn<ChangeRecord, String> reasonColumn;
    @FXML private TableView<ChangeRecord.RowChange> changeRows;
    @FXML private TableColumn<ChangeRecord.RowChange, String> rowKeyColumn;
    @FXML private TableColumn<ChangeRecord.RowChange, ChangeRecord.RowChange> changeColumn;

    private final ChangeHistoryViewModel viewModel;

    private final dev.inspector.ui.palette.Navigator navigator;

    public ChangeHistoryView(ChangeHistoryViewModel viewModel, dev.inspector.ui.palette.Navigator navigator) {
        this.navigator = navigator;
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        historyFilter.textProperty().bindBidirectional(viewModel.filterTextProperty());
        historyOnlySelected.selectedProperty().bindBidirectional(viewModel.onlySelectedFlagProperty());
        historySummary.textProperty().bind(viewModel.summaryProperty());
        historyStatus.textProperty().bind(viewModel.statusProperty());
        exportHistory.disableProperty().bind(viewModel.exportingProperty());
        exportHistory.setOnAction(e -> viewModel.export());

        changeTable.setItems(viewModel.visibleChanges());
        timeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(TIME.format(c.getValue().happenedAt())));
        kindColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(ChangeHistoryViewModel.kind(c.getValue())));
        kindColumn.setCellFactory(c -> withTooltip());
        whatColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(ChangeHistoryViewModel.what(c.getValue())));
        whatColumn.setCellFactory(c -> withTooltip());
        byColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(ChangeHistoryViewModel.by(c.getValue())));
        touchedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                dev.inspector.domain.change.ChangeWords.touched(c.getValue())));
        touchedColumn.setCellFactory(c -> withTooltip());
        changeTable.setContextMenu(links());
        byColumn.setCellFactory(c -> withTooltip());
        reasonColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().reason()));
        reasonColumn.setCellFactory(c -> withTooltip());
        changeTable.getSelectionModel().selectedItemProperty().addListener((obs, old, change) ->
                viewModel.selectedChangeProperty().set(change));
        MenuItem undo = new MenuItem("Undo this change…");
        undo.setId("menu-undo-change");
        undo.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !viewModel.canUndo(viewModel.selectedChangeProperty().get()), viewModel.selectedChangeProperty())
                .or(viewModel.undoingProperty()));
        undo.setOnAction(e -> viewModel.undoSelected());
        changeTable.setContextMenu(new ContextMenu(undo));
        viewModel.selectedChangeProperty().addListener((obs, old, change) -> {
            if (changeTable.getSelectionModel().getSelectedItem() != change) {
                changeTable.getSelectionModel().select(change);
            }
        });

        changeRows.setItems(viewModel.selectedRows());
        rowKeyColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().table() + "\n" + c.getValue().rowKey()));
        rowKeyColumn.setCellFactory(c -> wrapping());
        changeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        changeColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ChangeRecord.RowChange row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(RowDiff.describe(row.before(), row.after()));
                setWrapText(true);
                setTooltip(new Tooltip("before: " + row.before() + "\nafter: " + row.after()));
            }
        });
    }

    private static <S> TableCell<S, String> wrapping() {
        TableCell<S, String> cell = withTooltip();
        cell.setWrapText(true);
        return cell;
    }

    private static <S> TableCell<S, String> withTooltip() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        };
    }

    /** From a change to what it touched: its flag in Release Control, its tenant (and user) in the Tenants view. */
    private javafx.scene.control.ContextMenu links() {
        javafx.scene.control.MenuItem flag = new javafx.scene.control.MenuItem("Go to its flag");
        flag.setId("history-go-flag");
        javafx.scene.control.MenuItem tenant = new javafx.scene.control.MenuItem("Go to the tenant it touched");
        tenant.setId("history-go-tenant");
        var selected = changeTable.getSelectionModel().selectedItemProperty();
        flag.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().flagKeys().size() != 1, selected));
        tenant.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().tenantIds().isEmpty(), selected));
        flag.setOnAction(e -> navigator.flag(selected.get().flagKeys().iterator().next()));
        tenant.setOnAction(e -> navigator.tenant(selected.get().tenantIds().iterator().next(),
                selected.get().userIds().isEmpty() ? null : selected.get().userIds().iterator().next()));
        return new javafx.scene.control.ContextMenu(flag, tenant);
    }
}
