package dev.inspector.ui.simulator;

import dev.inspector.domain.Tenant;
import dev.inspector.ui.live.AsOfBinding;
import dev.inspector.domain.resolution.TraceStep;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;

/** Binds the Gate Simulator tab to its view-model and forwards clicks. */
public final class GateSimulatorView {

    @FXML private TextField asOfField;
    @FXML private HBox asOfBox;
    @FXML private Label asOfStatus;
    @FXML private ListView<String> asOfChanges;
    @FXML private Label simulatorSummary;
    @FXML private Button copyResult;
    @FXML private Button refreshSimulator;
    @FXML private Label simulatorError;
    @FXML private SearchableComboBox<Tenant> tenantPicker;
    @FXML private ComboBox<UserOption> userPicker;
    @FXML private TextField userField;
    @FXML private SearchableComboBox<FlagChoice> flagPicker;
    @FXML private Label userProblem;
    @FXML private Label simulatorHint;

    @FXML private HBox singleResult;
    @FXML private Label serverVerdict;
    @FXML private Label serverReason;
    @FXML private Label serverOpenFeature;
    @FXML private Label uiVerdict;
    @FXML private Label uiReason;
    @FXML private Label uiOpenFeature;
    @FXML private TableView<ChannelRow> channelTable;
    @FXML private TableColumn<ChannelRow, String> channelColumn;
    @FXML private TableColumn<ChannelRow, ChannelRow> channelServerColumn;
    @FXML private TableColumn<ChannelRow, ChannelRow> channelUiColumn;

    @FXML private TableView<FlagRow> simulatorFlagTable;
    @FXML private Label flagTablePlaceholder;
    @FXML private TableColumn<FlagRow, String> simulatorKeyColumn;
    @FXML private TableColumn<FlagRow, Verdict> serverColumn;
    @FXML private TableColumn<FlagRow, String> serverReasonColumn;
    @FXML private TableColumn<FlagRow, Verdict> uiColumn;
    @FXML private TableColumn<FlagRow, String> uiReasonColumn;

    @FXML private Label traceTitle;
    @FXML private TableView<TraceStep> traceTable;
    @FXML private TableColumn<TraceStep, Integer> stepNumberColumn;
    @FXML private TableColumn<TraceStep, String> stepNameColumn;
    @FXML private TableColumn<TraceStep, String> stepObservedColumn;
    @FXML private TableColumn<TraceStep, String> stepValueColumn;
    @FXML private TableColumn<TraceStep, String> stepDecidedColumn;

    private final GateSimulatorViewModel viewModel;

    public GateSimulatorView(GateSimulatorViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        simulatorSummary.textProperty().bind(viewModel.summaryProperty());
        showWhenNotEmpty(simulatorError, viewModel.errorProperty());
        showWhenNotEmpty(userProblem, viewModel.choices().userProblemProperty());
        showWhenNotEmpty(simulatorHint, viewModel.hintProperty());
        refreshSimulator.disableProperty().bind(viewModel.loadingProperty());
        refreshSimulator.setOnAction(e -> viewModel.refresh());
        AsOfBinding.bind(viewModel.asOf(), asOfField, viewModel::applyAsOf, asOfStatus, asOfChanges, asOfBox);
        copyResult.disableProperty().bind(viewModel.results().canCopyProperty().not());
        copyResult.setOnAction(e -> viewModel.copyResult());

        mirror(viewModel.choices().tenants(), tenantPicker);
        tenantPicker.setConverter(converter(t -> t.name() + " · " + (t.releaseChannel() == null ? "no channel" : t.releaseChannel())));
        tenantPicker.valueProperty().bindBidirectional(viewModel.choices().selectedTenantProperty());
        userPicker.setItems(viewModel.choices().users());
        userPicker.setConverter(converter(UserOption::label));
        userPicker.valueProperty().bindBidirectional(viewModel.choices().selectedUserProperty());
        userPicker.disableProperty().bind(userField.textProperty().isNotEmpty());
        userField.textProperty().bindBidirectional(viewModel.choices().userQueryProperty());
        mirror(viewModel.choices().flagChoices(), flagPicker);
        flagPicker.setConverter(converter(FlagChoice::label));
        flagPicker.valueProperty().bindBidirectional(viewModel.choices().selectedFlagProperty());

        singleResult.visibleProperty().bind(viewModel.results().simulationProperty().isNotNull());
        singleResult.managedProperty().bind(singleResult.visibleProperty());
        bindBadge(serverVerdict, serverReason, serverOpenFeature, viewModel.results().serverVerdictProperty());
        bindBadge(uiVerdict, uiReason, uiOpenFeature, viewModel.results().uiVerdictProperty());
        channelTable.setItems(viewModel.results().channelRows());
        channelTable.setRowFactory(t -> VerdictCells.channelRow());
        channelColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().channelLabel()));
        channelServerColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        channelServerColumn.setCellFactory(c -> VerdictCells.channelVerdict(ChannelRow::server, ChannelRow::serverChanges));
        channelUiColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        channelUiColumn.setCellFactory(c -> VerdictCells.channelVerdict(ChannelRow::ui, ChannelRow::uiChanges));

        simulatorFlagTable.visibleProperty().bind(viewModel.results().allFlagsModeProperty().and(viewModel.hintProperty().isEmpty()));
        simulatorFlagTable.managedProperty().bind(simulatorFlagTable.visibleProperty());
        simulatorFlagTable.setItems(viewModel.results().flagRows());
        flagTablePlaceholder.textProperty().bind(viewModel.results().computingProperty().map(busy -> busy ? "Computing…" : "No flags."));
        simulatorKeyColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().key()));
        serverColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().serverVerdict()));
        serverColumn.setCellFactory(c -> VerdictCells.verdict());
        serverReasonColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().serverVerdict().reasonWords()));
        uiColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().uiVerdict()));
        uiColumn.setCellFactory(c -> VerdictCells.verdict());
        uiReasonColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().uiVerdict().reasonWords()));
        simulatorFlagTable.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, row) -> viewModel.results().selectedRowProperty().set(row));

        traceTitle.textProperty().bind(viewModel.results().traceTitleProperty());
        traceTitle.visibleProperty().bind(viewModel.hintProperty().isEmpty());
        traceTitle.managedProperty().bind(traceTitle.visibleProperty());
        traceTable.visibleProperty().bind(traceTitle.visibleProperty());
        traceTable.managedProperty().bind(traceTable.visibleProperty());
        traceTable.setItems(viewModel.results().trace());
        traceTable.setRowFactory(t -> VerdictCells.traceRow());
        // the deciding step is the last one: keep it in sight when the table is short
        viewModel.results().trace().addListener((ListChangeListener<TraceStep>) c -> {
            if (!viewModel.results().trace().isEmpty()) {
                traceTable.scrollTo(viewModel.results().trace().size() - 1);
            }
        });
        stepNumberColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().number()));
        stepNameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        stepObservedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().observed()));
        stepObservedColumn.setCellFactory(VerdictCells::wrapping);
        stepValueColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(VerdictCells.value(c.getValue().value())));
        stepDecidedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().decided() ? "decided" : ""));
    }

    /**
     * Hands a searchable picker a fresh copy of its list on every change. ControlsFX 11.2.2's
     * SearchableComboBox refilters while its list is still announcing a change, and fails with an
     * IndexOutOfBoundsException when that list shrinks in place (as it does on disconnect).
     */
    private static <T> void mirror(ObservableList<T> source, ComboBox<T> picker) {
        picker.setItems(FXCollections.observableArrayList(source));
        source.addListener((ListChangeListener<T>) change -> picker.setItems(FXCollections.observableArrayList(source)));
    }

    private static void showWhenNotEmpty(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /** Badge text and colour, reason and OpenFeature reason of one gate. */
    private static void bindBadge(Label badge, Label reason, Label openFeature, ReadOnlyObjectProperty<Verdict> verdict) {
        badge.textProperty().bind(verdict.map(Verdict::word));
        reason.textProperty().bind(verdict.map(Verdict::reasonLine));
        openFeature.textProperty().bind(verdict.map(Verdict::openFeatureLine));
        verdict.addListener((obs, old, v) -> {
            badge.getStyleClass().removeAll("verdict-on", "verdict-blocked");
            if (v != null) {
                badge.getStyleClass().add(v.on() ? "verdict-on" : "verdict-blocked");
            }
        });
    }

    private static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
