package dev.inspector.ui.isolation;

import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.Severity;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds the Tenant Isolation tab to its view-model and forwards clicks. */
public final class TenantIsolationView {

    @FXML private ComboBox<RunItem> runPicker;
    @FXML private ToggleButton compareToggle;
    @FXML private Button exportCsv;
    @FXML private Label isolationError;

    @FXML private ListView<TenantOption> tenantList;
    @FXML private Label tenantHint;
    @FXML private CheckBox schemaChecks;
    @FXML private CheckBox dataChecks;
    @FXML private CheckBox readProbes;
    @FXML private CheckBox writeProbes;
    @FXML private TextField tenantColumn;
    @FXML private Button runAudit;
    @FXML private Button cancelAudit;
    @FXML private ProgressBar overallProgress;
    @FXML private Label progressMessage;
    @FXML private ListView<RelationProgress> relationProgress;

    @FXML private Label runSummary;
    @FXML private Label proofLine;
    @FXML private ComboBox<Severity> severityFilter;
    @FXML private ComboBox<GroupChoice> groupFilter;
    @FXML private TextField findingFilter;
    @FXML private Label findingsCount;
    @FXML private TableView<FindingRow> findingTable;
    @FXML private TableColumn<FindingRow, Severity> severityColumn;
    @FXML private TableColumn<FindingRow, Change> findingChangeColumn;
    @FXML private TableColumn<FindingRow, String> checkColumn;
    @FXML private TableColumn<FindingRow, String> relationColumn;
    @FXML private TableColumn<FindingRow, String> asTenantColumn;
    @FXML private TableColumn<FindingRow, String> findingColumn;
    @FXML private VBox fixedPane;
    @FXML private Label fixedTitle;
    @FXML private ListView<Finding> fixedList;
    @FXML private Label detailTitle;
    @FXML private TextArea detailFinding;
    @FXML private TextArea detailEvidence;
    @FXML private TextArea detailFix;
    @FXML private BarChart<String, Number> severityChart;
    @FXML private NumberAxis countAxis;

    private final TenantIsolationViewModel viewModel;
    private final Map<Severity, XYChart.Data<String, Number>> bars = new EnumMap<>(Severity.class);

    public TenantIsolationView(TenantIsolationViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        bindRuns();
        bindSetup();
        bindProgress();
        bindFilters();
        bindTable();
        bindDetail();
        bindChart();
    }

    private void bindRuns() {
        runPicker.setItems(viewModel.savedRuns().runs());
        runPicker.valueProperty().bindBidirectional(viewModel.savedRuns().selectedRunProperty());
        compareToggle.textProperty().bind(viewModel.savedRuns().compareLabelProperty());
        compareToggle.selectedProperty().bindBidirectional(viewModel.savedRuns().compareWithPreviousProperty());
        compareToggle.disableProperty().bind(viewModel.savedRuns().previousRunProperty().isNull());
        exportCsv.disableProperty().bind(viewModel.canExportProperty().not());
        exportCsv.setOnAction(e -> viewModel.exportCsv());
        showWhenNotEmpty(isolationError, viewModel.errorProperty());
    }

    private void bindSetup() {
        tenantList.setItems(viewModel.setup().tenants());
        tenantList.setCellFactory(CheckBoxListCell.forListView(TenantOption::checkedProperty, new StringConverter<>() {
            @Override
            public String toString(TenantOption option) {
                return option == null ? "" : option.label();
            }

            @Override
            public TenantOption fromString(String text) {
                throw new UnsupportedOperationException();
            }
        }));
        tenantHint.textProperty().bind(viewModel.setup().tenantHintProperty());
        schemaChecks.selectedProperty().bindBidirectional(viewModel.setup().schemaChecksProperty());
        dataChecks.selectedProperty().bindBidirectional(viewModel.setup().dataChecksProperty());
        readProbes.selectedProperty().bindBidirectional(viewModel.setup().readProbesProperty());
        writeProbes.selectedProperty().bindBidirectional(viewModel.setup().writeProbesProperty());
        tenantColumn.textProperty().bindBidirectional(viewModel.setup().tenantColumnProperty());
        for (Node setup : new Node[] {tenantList, schemaChecks, dataChecks, readProbes, writeProbes, tenantColumn}) {
            setup.disableProperty().bind(viewModel.progress().runningProperty());
        }
        runAudit.disableProperty().bind(viewModel.canRunProperty().not());
        runAudit.setOnAction(e -> viewModel.run());
        cancelAudit.disableProperty().bind(viewModel.progress().runningProperty().not().or(viewModel.progress().cancellingProperty()));
        cancelAudit.setOnAction(e -> viewModel.cancel());
    }

    private void bindProgress() {
        overallProgress.progressProperty().bind(viewModel.progress().progressProperty());
        overallProgress.visibleProperty().bind(viewModel.progress().runningProperty().or(viewModel.progress().progressMessageProperty().isNotEmpty()));
        progressMessage.textProperty().bind(viewModel.progress().progressMessageProperty());
        relationProgress.setItems(viewModel.progress().relationProgress());
        relationProgress.setFocusTraversable(false);
        relationProgress.setCellFactory(list -> new FindingCells.RelationCell());
    }

    private void bindFilters() {
        severityFilter.getItems().setAll(Severity.values());
        severityFilter.setConverter(converter(FindingCells::severityWord));
        severityFilter.valueProperty().bindBidirectional(viewModel.findings().minimumSeverityProperty());
        groupFilter.setItems(viewModel.findings().groupChoices());
        groupFilter.valueProperty().bindBidirectional(viewModel.findings().groupFilterProperty());
        findingFilter.textProperty().bindBidirectional(viewModel.findings().textFilterProperty());
        findingsCount.textProperty().bind(viewModel.findings().findingsCountProperty());
        runSummary.textProperty().bind(viewModel.savedRuns().summaryProperty());
        showWhenNotEmpty(proofLine, viewModel.savedRuns().proofLineProperty());
        viewModel.savedRuns().proofHoldsProperty().addListener((obs, old, holds) -> markProof(holds));
        markProof(viewModel.savedRuns().proofHoldsProperty().get());
    }

    private void markProof(boolean holds) {
        proofLine.getStyleClass().removeAll("proof-holds", "proof-broken");
        proofLine.getStyleClass().add(holds ? "proof-holds" : "proof-broken");
    }

    private void bindTable() {
        findingTable.setItems(viewModel.findings().findings());
        severityColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().finding().severity()));
        severityColumn.setCellFactory(c -> new FindingCells.SeverityCell<>());
        findingChangeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().change()));
        findingChangeColumn.setCellFactory(c -> new FindingCells.ChangeCell());
        findingChangeColumn.visibleProperty().bind(viewModel.savedRuns().compareWithPreviousProperty());
        checkColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().finding().checkId()));
        relationColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().finding().relation()));
        asTenantColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().finding().tenant()));
        findingColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().finding().finding()));
        findingTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != viewModel.findings().selectedFindingProperty().get()) {
                viewModel.findings().selectedFindingProperty().set(row);
            }
        });
        viewModel.findings().selectedFindingProperty().addListener((obs, old, row) -> {
            if (row != findingTable.getSelectionModel().getSelectedItem()) {
                if (row == null) {
                    findingTable.getSelectionModel().clearSelection();
                } else {
                    findingTable.getSelectionModel().select(row);
                }
            }
        });
        fixedList.setItems(viewModel.findings().fixedFindings());
        fixedList.setCellFactory(list -> new FindingCells.FixedCell());
        fixedTitle.textProperty().bind(viewModel.findings().fixedTitleProperty());
        fixedPane.visibleProperty().bind(viewModel.findings().fixedTitleProperty().isNotEmpty());
        fixedPane.managedProperty().bind(fixedPane.visibleProperty());
    }

    private void bindDetail() {
        detailTitle.textProperty().bind(viewModel.findings().detail().detailTitleProperty());
        detailFinding.textProperty().bind(viewModel.findings().detail().detailFindingProperty());
        detailEvidence.textProperty().bind(viewModel.findings().detail().detailEvidenceProperty());
        detailFix.textProperty().bind(viewModel.findings().detail().detailFixProperty());
    }

    /** One fixed bar per severity, so the chart keeps its shape from run to run; values only change. */
    private void bindChart() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (Severity s : Severity.values()) {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(FindingCells.severityWord(s), 0);
            bar.nodeProperty().addListener((obs, old, node) -> {
                markBar(node, s);
            });
            bars.put(s, bar);
            series.getData().add(bar);
        }
        severityChart.getData().add(series);
        // the chart sets each bar's style classes while adding it, so ours go on afterwards
        bars.forEach((s, bar) -> markBar(bar.getNode(), s));
        countAxis.setTickLabelFormatter(converterToInt());
        viewModel.savedRuns().severityCounts().addListener((ListChangeListener<SeverityCount>) change -> updateChart());
        updateChart();
    }

    private static void markBar(Node node, Severity s) {
        if (node != null && !node.getStyleClass().contains(FindingCells.severityClass(s))) {
            node.getStyleClass().add(FindingCells.severityClass(s));
        }
    }

    /** Counts are whole numbers; the axis would print 0.0 otherwise. */
    private static StringConverter<Number> converterToInt() {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null || n.doubleValue() != Math.rint(n.doubleValue()) ? "" : String.valueOf(n.longValue());
            }

            @Override
            public Number fromString(String text) {
                return Long.valueOf(text);
            }
        };
    }

    private void updateChart() {
        for (SeverityCount count : viewModel.savedRuns().severityCounts()) {
            XYChart.Data<String, Number> bar = bars.get(count.severity());
            bar.setYValue(count.count());
            markBar(bar.getNode(), count.severity());
        }
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static void showWhenNotEmpty(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
