package dev.inspector.ui.matrix;

import dev.inspector.domain.resolution.Decider;
import dev.inspector.domain.resolution.TraceStep;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import dev.inspector.ui.live.AsOfBinding;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds the Tenant Matrix tab to its view-model and forwards clicks. */
public final class TenantMatrixView {

    @FXML private Label matrixSummary;
    @FXML private javafx.scene.control.TextField matrixAsOf;
    @FXML private HBox matrixAsOfBox;
    @FXML private Label matrixAsOfStatus;
    @FXML private javafx.scene.control.ListView<String> matrixAsOfChanges;
    @FXML private Label matrixStatus;
    @FXML private Button refreshMatrix;
    @FXML private Label matrixError;
    @FXML private ComboBox<ChannelChoice> matrixChannel;
    @FXML private TextField matrixTenantFilter;
    @FXML private TextField matrixFlagFilter;
    @FXML private javafx.scene.layout.FlowPane matrixLegend;
    @FXML private MatrixGrid matrixGrid;
    @FXML private Label matrixPlaceholder;
    @FXML private Label matrixSelection;
    @FXML private Button undoOverrides;
    @FXML private Button overrideOn;
    @FXML private Button overrideOff;
    @FXML private Button clearOverride;
    @FXML private Label matrixTraceTitle;
    @FXML private VBox matrixTrace;
    @FXML private Label rolloutTitle;
    @FXML private StackedBarChart<String, Number> rolloutChart;
    @FXML private CategoryAxis channelAxis;

    private final TenantMatrixViewModel viewModel;
    private final XYChart.Series<String, Number> onSeries = new XYChart.Series<>();
    private final XYChart.Series<String, Number> offSeries = new XYChart.Series<>();

    public TenantMatrixView(TenantMatrixViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        matrixSummary.textProperty().bind(viewModel.summaryProperty());
        matrixStatus.textProperty().bind(viewModel.statusProperty());
        matrixError.textProperty().bind(viewModel.errorProperty());
        matrixError.visibleProperty().bind(matrixError.textProperty().isNotEmpty());
        matrixError.managedProperty().bind(matrixError.visibleProperty());
        refreshMatrix.disableProperty().bind(viewModel.loadingProperty().or(viewModel.writingProperty()));
        refreshMatrix.setOnAction(e -> viewModel.refresh());

        matrixChannel.setItems(FXCollections.observableArrayList(ChannelChoice.values()));
        matrixChannel.setConverter(new StringConverter<>() {
            @Override
            public String toString(ChannelChoice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public ChannelChoice fromString(String text) {
                return null;
            }
        });
        matrixChannel.valueProperty().bindBidirectional(viewModel.channelFilterProperty());
        matrixTenantFilter.textProperty().bindBidirectional(viewModel.tenantTextProperty());
        matrixFlagFilter.textProperty().bindBidirectional(viewModel.flagTextProperty());
        buildLegend();

        matrixGrid.setSource(viewModel.cells(), viewModel.selection());
        viewModel.layoutVersionProperty().addListener((obs, old, now) -> matrixGrid.relayout());
        viewModel.paintVersionProperty().addListener((obs, old, now) -> matrixGrid.repaint());
        matrixPlaceholder.textProperty().bind(viewModel.loadingProperty().map(busy -> busy && viewModel.data() == null
                ? "Loading the matrix…" : ""));
        viewModel.layoutVersionProperty().addListener((obs, old, now) -> updatePlaceholder());

        matrixSelection.textProperty().bind(viewModel.selection().selectionSummaryProperty());
        undoOverrides.disableProperty().bind(viewModel.overrides().undoableProperty().isNull()
                .or(viewModel.writingProperty()));
        undoOverrides.managedProperty().bind(viewModel.overrides().undoableProperty().isNotNull());
        undoOverrides.visibleProperty().bind(undoOverrides.managedProperty());
        undoOverrides.textProperty().bind(viewModel.overrides().undoLabel());
        undoOverrides.setOnAction(e -> viewModel.overrides().undo());
        for (Button button : List.of(overrideOn, overrideOff, clearOverride)) {
            button.disableProperty().bind(viewModel.canOverrideProperty().not());
        }
        overrideOn.setOnAction(e -> viewModel.applyOverride(Optional.of(true)));
        overrideOff.setOnAction(e -> viewModel.applyOverride(Optional.of(false)));
        clearOverride.setOnAction(e -> viewModel.applyOverride(Optional.empty()));

        bindAsOf();
        matrixTraceTitle.textProperty().bind(viewModel.focus().traceTitleProperty());
        viewModel.focus().trace().addListener((ListChangeListener<TraceStep>) c -> showTrace());

        rolloutTitle.textProperty().bind(viewModel.focus().rolloutTitleProperty());
        onSeries.setName("on");
        offSeries.setName("off");
        rolloutChart.getData().setAll(List.of(onSeries, offSeries));
        rolloutChart.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.focus().rollout()));
        rolloutChart.managedProperty().bind(rolloutChart.visibleProperty());
        viewModel.focus().rollout().addListener((ListChangeListener<ChannelShare>) c -> showRollout());
    }

    private void updatePlaceholder() {
        if (viewModel.data() != null && (viewModel.cells().rowCount() == 0 || viewModel.cells().columnCount() == 0)) {
            matrixPlaceholder.textProperty().unbind();
            matrixPlaceholder.setText("No tenant or flag matches the filters.");
        } else if (viewModel.data() != null) {
            matrixPlaceholder.textProperty().unbind();
            matrixPlaceholder.setText("");
        }
    }

    private void buildLegend() {
        for (Decider decider : List.of(Decider.KILLSWITCH, Decider.TENANT_OVERRIDE, Decider.CHANNEL_DEFAULT,
                Decider.GLOBAL_DEFAULT)) {
            Region on = new Region();
            on.getStyleClass().addAll("legend-swatch", "legend-on", DeciderStyle.styleClass(decider));
            Region off = new Region();
            off.getStyleClass().addAll("legend-swatch", "legend-off", DeciderStyle.styleClass(decider));
            Label label = new Label(DeciderStyle.label(decider));
            label.getStyleClass().add("legend-label");
            HBox item = new HBox(4, on, off, label);
            item.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            matrixLegend.getChildren().add(item);
        }
    }

    private void showTrace() {
        matrixTrace.getChildren().clear();
        for (TraceStep step : viewModel.focus().trace()) {
            Label number = new Label(step.number() + ".");
            number.getStyleClass().add("trace-number");
            number.setMinWidth(22);
            Label name = new Label(step.name() + step.value().map(v -> v ? " · on" : " · off").orElse(""));
            name.getStyleClass().add("trace-name");
            Label text = new Label(step.observed());
            text.setWrapText(true);
            text.getStyleClass().add("trace-text");
            VBox words = new VBox(1, name, text);
            HBox line = new HBox(4, number, words);
            line.getStyleClass().add("trace-step");
            if (step.decided()) {
                line.getStyleClass().add("deciding-step");
                line.setId("decidingStep");
            }
            matrixTrace.getChildren().add(line);
        }
    }

    private void showRollout() {
        List<XYChart.Data<String, Number>> on = new java.util.ArrayList<>();
        List<XYChart.Data<String, Number>> off = new java.util.ArrayList<>();
        List<String> categories = new java.util.ArrayList<>();
        for (ChannelShare share : viewModel.focus().rollout()) {
            // Only the channel's name: a category whose text changed from one flag to the next left
            // the axis labelling a bar with another flag's numbers. The counts are in the title.
            String category = share.channel();
            categories.add(category);
            on.add(new XYChart.Data<>(category, share.percentOn()));
            off.add(new XYChart.Data<>(category, share.total() == 0 ? 0 : 100 - share.percentOn()));
        }
        if (!channelAxis.getCategories().equals(categories)) {
            channelAxis.setCategories(FXCollections.observableArrayList(categories));
        }
        onSeries.getData().setAll(on);
        offSeries.getData().setAll(off);
    }

    private void bindAsOf() {
        AsOfBinding.bind(viewModel.asOf(), matrixAsOf, viewModel::applyAsOf, matrixAsOfStatus, matrixAsOfChanges,
                matrixAsOfBox);
    }
}
