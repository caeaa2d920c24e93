package dev.inspector.ui.release;

import dev.inspector.domain.FlagOverview;
import dev.inspector.domain.KillswitchState;
import dev.inspector.domain.ReleaseChannel;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** Binds the Release Control tab to its view-model. */
public final class ReleaseControlView {

    @FXML private TextField searchField;
    @FXML private Label summaryLabel;
    @FXML private Label errorLabel;
    @FXML private Button refreshButton;
    @FXML private TableView<FlagOverview> flagTable;
    @FXML private TableColumn<FlagOverview, String> keyColumn;
    @FXML private TableColumn<FlagOverview, String> nameColumn;
    @FXML private TableColumn<FlagOverview, Optional<Boolean>> defaultColumn;
    @FXML private TableColumn<FlagOverview, KillswitchState> killswitchColumn;
    @FXML private TableColumn<FlagOverview, Optional<Boolean>> internalColumn;
    @FXML private TableColumn<FlagOverview, Optional<Boolean>> pilotColumn;
    @FXML private TableColumn<FlagOverview, Optional<Boolean>> generalColumn;

    private final ReleaseControlViewModel viewModel;

    public ReleaseControlView(ReleaseControlViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        refreshButton.disableProperty().bind(viewModel.loadingProperty());
        refreshButton.setOnAction(e -> viewModel.refresh());

        flagTable.setItems(viewModel.visibleFlags());
        flagTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> viewModel.selectedFlag().flagProperty().set(row == null ? null : row.flag()));
        keyColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().flag().key()));
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().flag().name()));
        defaultColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Optional.of(c.getValue().flag().defaultEnabled())));
        killswitchColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().flag().killswitchState()));
        internalColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().channel(ReleaseChannel.INTERNAL)));
        pilotColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().channel(ReleaseChannel.PILOT)));
        generalColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().channel(ReleaseChannel.GENERAL)));
        defaultColumn.setCellFactory(c -> FlagCells.state());
        internalColumn.setCellFactory(c -> FlagCells.state());
        pilotColumn.setCellFactory(c -> FlagCells.state());
        generalColumn.setCellFactory(c -> FlagCells.state());
        killswitchColumn.setCellFactory(c -> FlagCells.killswitch());
    }
}
