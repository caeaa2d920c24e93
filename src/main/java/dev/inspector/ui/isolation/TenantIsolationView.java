package dev.inspector.ui.isolation;

import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.Severity;
import java.io.File;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
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
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** Binds the Tenant Isolation tab to its view-model and forwards clicks; asks for the export file. */
public final class TenantIsolationView {

    private static final String[] SEVERITY_CLASSES = Arrays.stream(Severity.values())
            .map(TenantIsolationView::severityClass).toArray(String[]::new);

    @FXML private ComboBox<RunItem> runPicker;
    @FXML private ToggleButton compareToggle;
    @FXML private Button exportButton;
    @FXML private Label errorLabel;

    @FXML private ListView<TenantOption> tenantList;
    @FXML private Label tenantHint;
    @FXML private CheckBox schemaBox;
    @FXML private CheckBox dataBox;
    @FXML private CheckBox readBox;
    @FXML private CheckBox writeBox;
    @FXML private TextField tenantColumnField;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar overallProgress;
    @FXML private Label progressMessage;
    @FXML private ListView<RelationProgress> relationList;

    @FXML private Label runSummary;
    @FXML private Label proofLine;
    @FXML private ComboBox<Severity> severityFilter;
    @FXML private ComboBox<GroupChoice> groupFilter;
    @FXML private TextField textFilter;
    @FXML private Label findingsCount;
    @FXML private TableView<FindingRow> findingTable;
    @FXML private TableColumn<FindingRow, Severity> severityColumn;
    @FXML private TableColumn<FindingRow, Change> changeColumn;
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
        runPicker.setItems(viewModel.runs());
        runPicker.valueProperty().bindBidirectional(viewModel.selectedRunProperty());
        compareToggle.textProperty().bind(viewModel.compareLabelProperty());
        compareToggle.selectedProperty().bindBidirectional(viewModel.compareWithPreviousProperty());
        compareToggle.disableProperty().bind(viewModel.previousRunProperty().isNull());
        exportButton.disableProperty().bind(viewModel.canExportProperty().not());
        exportButton.setOnAction(e -> chooseExportFile());
        showWhenNotEmpty(errorLabel, viewModel.errorProperty());
    }

    private void bindSetup() {
        tenantList.setItems(viewModel.tenants());
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
        tenantHint.textProperty().bind(viewModel.tenantHintProperty());
        schemaBox.selectedProperty().bindBidirectional(viewModel.schemaChecksProperty());
        dataBox.selectedProperty().bindBidirectional(viewModel.dataChecksProperty());
        readBox.selectedProperty().bindBidirectional(viewModel.readProbesProperty());
        writeBox.selectedProperty().bindBidirectional(viewModel.writeProbesProperty());
        tenantColumnField.textProperty().bindBidirectional(viewModel.tenantColumnProperty());
        for (Node setup : new Node[] {tenantList, schemaBox, dataBox, readBox, writeBox, tenantColumnField}) {
            setup.disableProperty().bind(viewModel.runningProperty());
        }
        runButton.disableProperty().bind(viewModel.canRunProperty().not());
        runButton.setOnAction(e -> viewModel.run());
        cancelButton.disableProperty().bind(viewModel.runningProperty().not().or(viewModel.cancellingProperty()));
        cancelButton.setOnAction(e -> viewModel.cancel());
    }

    private void bindProgress() {
        overallProgress.progressProperty().bind(viewModel.progressProperty());
        overallProgress.visibleProperty().bind(viewModel.runningProperty().or(viewModel.progressMessageProperty().isNotEmpty()));
        progressMessage.textProperty().bind(viewModel.progressMessageProperty());
        relationList.setItems(viewModel.relationProgress());
        relationList.setFocusTraversable(false);
        relationList.setCellFactory(list -> new RelationCell());
    }

    private void bindFilters() {
        severityFilter.getItems().setAll(Severity.values());
        severityFilter.setConverter(converter(TenantIsolationView::severityWord));
        severityFilter.valueProperty().bindBidirectional(viewModel.minimumSeverityProperty());
        groupFilter.setItems(viewModel.groupChoices());
        groupFilter.valueProperty().bindBidirectional(viewModel.groupFilterProperty());
        textFilter.textProperty().bindBidirectional(viewModel.textFilterProperty());
        findingsCount.textProperty().bind(viewModel.findingsCountProperty());
        runSummary.textProperty().bind(viewModel.summaryProperty());
        showWhenNotEmpty(proofLine, viewModel.proofLineProperty());
        viewModel.proofHoldsProperty().addListener((obs, old, holds) -> markProof(holds));
        markProof(viewModel.proofHoldsProperty().get());
    }

    private void markProof(boolean holds) {
        proofLine.getStyleClass().removeAll("proof-holds", "proof-broken");
        proofLine.getStyleClass().add(holds ? "proof-holds" : "proof-broken");
    }

    private void bindTable() {
        findingTable.setItems(viewModel.findings());
        severityColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().finding().severity()));
        severityColumn.setCellFactory(c -> new SeverityCell<>());
        changeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().change()));
        changeColumn.setCellFactory(c -> new ChangeCell());
        changeColumn.visibleProperty().bind(viewModel.compareWithPreviousProperty());
        checkColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().finding().checkId()));
        relationColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().finding().relation()));
        asTenantColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().finding().tenant()));
        findingColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().finding().finding()));
        findingTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != viewModel.selectedFindingProperty().get()) {
                viewModel.selectedFindingProperty().set(row);
            }
        });
        viewModel.selectedFindingProperty().addListener((obs, old, row) -> {
            if (row != findingTable.getSelectionModel().getSelectedItem()) {
                if (row == null) {
                    findingTable.getSelectionModel().clearSelection();
                } else {
                    findingTable.getSelectionModel().select(row);
                }
            }
        });
        fixedList.setItems(viewModel.fixedFindings());
        fixedList.setCellFactory(list -> new FixedCell());
        fixedTitle.textProperty().bind(viewModel.fixedTitleProperty());
        fixedPane.visibleProperty().bind(viewModel.fixedTitleProperty().isNotEmpty());
        fixedPane.managedProperty().bind(fixedPane.visibleProperty());
    }

    private void bindDetail() {
        detailTitle.textProperty().bind(viewModel.detailTitleProperty());
        detailFinding.textProperty().bind(viewModel.detailFindingProperty());
        detailEvidence.textProperty().bind(viewModel.detailEvidenceProperty());
        detailFix.textProperty().bind(viewModel.detailFixProperty());
    }

    /** One fixed bar per severity, so the chart keeps its shape from run to run; values only change. */
    private void bindChart() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (Severity s : Severity.values()) {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(severityWord(s), 0);
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
        viewModel.severityCounts().addListener((ListChangeListener<SeverityCount>) change -> updateChart());
        updateChart();
    }

    private static void markBar(Node node, Severity s) {
        if (node != null && !node.getStyleClass().contains(severityClass(s))) {
            node.getStyleClass().add(severityClass(s));
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
        for (SeverityCount count : viewModel.severityCounts()) {
            XYChart.Data<String, Number> bar = bars.get(count.severity());
            bar.setYValue(count.count());
            markBar(bar.getNode(), count.severity());
        }
    }

    private void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the audit run as CSV");
        chooser.setInitialFileName(viewModel.suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV (UTF-8)", "*.csv"));
        File file = chooser.showSaveDialog(exportButton.getScene().getWindow());
        if (file != null) {
            viewModel.exportCsv(file.toPath());
        }
    }

    static String severityWord(Severity s) {
        String name = s.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static String severityClass(Severity s) {
        return "severity-" + s.name().toLowerCase(Locale.ROOT);
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

    /** A severity as a coloured badge. */
    private static final class SeverityCell<R> extends TableCell<R, Severity> {
        @Override
        protected void updateItem(Severity severity, boolean empty) {
            super.updateItem(severity, empty);
            getStyleClass().removeAll(SEVERITY_CLASSES);
            getStyleClass().remove("severity-cell");
            if (empty || severity == null) {
                setText(null);
                return;
            }
            setText(severityWord(severity));
            getStyleClass().addAll("severity-cell", severityClass(severity));
        }
    }

    private static final class ChangeCell extends TableCell<FindingRow, Change> {
        @Override
        protected void updateItem(Change change, boolean empty) {
            super.updateItem(change, empty);
            getStyleClass().removeAll("change-new", "change-unchanged");
            if (empty || change == null) {
                setText(null);
                return;
            }
            setText(change.name());
            getStyleClass().add(change == Change.NEW ? "change-new" : "change-unchanged");
        }
    }

    /** A fixed finding: its severity badge, check and relation, struck through. */
    private static final class FixedCell extends ListCell<Finding> {
        private final Label badge = new Label();
        private final Label text = new Label();
        private final HBox box = new HBox(8, badge, text);

        FixedCell() {
            text.getStyleClass().add("fixed-text");
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Finding f, boolean empty) {
            super.updateItem(f, empty);
            setText(null);
            if (empty || f == null) {
                setGraphic(null);
                return;
            }
            badge.setText(severityWord(f.severity()));
            badge.getStyleClass().setAll("label", "severity-badge", severityClass(f.severity()));
            text.setText("FIXED  " + f.checkId() + (f.relation().isEmpty() ? "" : "  " + f.relation())
                    + (f.tenant().isEmpty() ? "" : "  as " + f.tenant()));
            setGraphic(box);
        }
    }

    /** A relation with its own progress bar and "done / expected" steps. */
    private static final class RelationCell extends ListCell<RelationProgress> {
        private final Label name = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Label steps = new Label();
        private final HBox box = new HBox(8, name, bar, steps);

        RelationCell() {
            name.getStyleClass().add("relation-name");
            steps.getStyleClass().add("muted");
            name.setMinWidth(0);
            name.setPrefWidth(140);
            HBox.setHgrow(bar, Priority.ALWAYS);
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setPrefWidth(40);
            bar.setMinWidth(30);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(RelationProgress p, boolean empty) {
            super.updateItem(p, empty);
            setText(null);
            getStyleClass().remove("relation-current");
            if (empty || p == null) {
                setGraphic(null);
                return;
            }
            name.setText(p.relation());
            bar.setProgress(p.fraction());
            steps.setText(p.stepsText());
            if (p.current()) {
                getStyleClass().add("relation-current");
            }
            setGraphic(box);
        }
    }
}
