package dev.inspector.ui.promotion;

import dev.inspector.domain.promotion.GateCheck;
import dev.inspector.domain.promotion.WayReach;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Binds the promotion checklist to its view-model; rows are rebuilt from the view-model's lists. */
public final class PromotionDialogView {

    static final String PASSED = "check-passed";
    static final String FAILED = "check-failed";

    @FXML private Label promotionTitle;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label promotionChange;
    @FXML private Label promotionError;
    @FXML private VBox automaticChecks;
    @FXML private VBox manualChecks;
    @FXML private VBox generalWays;
    @FXML private VBox waysList;
    @FXML private VBox overrideBox;
    @FXML private Label overrideRequirement;
    @FXML private TextArea overrideReason;
    @FXML private Label promotionStatus;
    @FXML private Button promoteButton;
    @FXML private Button promotionShowSql;
    @FXML private TextArea promotionSql;

    private final PromotionDialogViewModel viewModel;
    private final ToggleGroup wayGroup = new ToggleGroup();

    public PromotionDialogView(PromotionDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        promotionTitle.textProperty().bind(viewModel.titleProperty());
        promotionChange.textProperty().bind(viewModel.changeProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        promotionError.textProperty().bind(viewModel.errorProperty());
        showWhen(promotionError, viewModel.errorProperty().isNotEmpty());
        showWhen(overrideBox, viewModel.overrideNeededProperty());
        overrideRequirement.textProperty().bind(viewModel.overrideRequirementProperty());
        overrideReason.textProperty().bindBidirectional(viewModel.overrideReasonProperty());
        overrideReason.disableProperty().bind(viewModel.promotedProperty());
        promotionStatus.textProperty().bind(viewModel.statusProperty());
        promoteButton.disableProperty().bind(viewModel.promoteEnabledProperty().not());
        promoteButton.setOnAction(e -> viewModel.promote());
        dev.inspector.ui.support.SqlPreviewBinding.bind(viewModel.sql(), promotionShowSql, promotionSql, viewModel::showSql);

        viewModel.automaticChecks().addListener((ListChangeListener<GateCheck>) c -> showAutomatic());
        viewModel.manualChecks().addListener((ListChangeListener<ManualCheck>) c -> showManual());
        viewModel.ways().addListener((ListChangeListener<WayReach>) c -> showWays());
        wayGroup.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle != null) {
                viewModel.wayProperty().set(((WayReach) toggle.getUserData()).way());
            }
        });
        viewModel.wayProperty().addListener((obs, old, chosen) -> wayGroup.getToggles().forEach(toggle ->
                toggle.setSelected(((WayReach) toggle.getUserData()).way() == chosen)));
        showAutomatic();
        showManual();
        showWays();
    }

    private void showAutomatic() {
        automaticChecks.getChildren().setAll(viewModel.automaticChecks().stream().map(this::automaticRow).toList());
    }

    private Node automaticRow(GateCheck check) {
        boolean passed = check.status() == GateCheck.Status.PASSED;
        Label mark = new Label(passed ? "✓" : "✗");
        mark.getStyleClass().addAll("check-mark", passed ? PASSED : FAILED);
        Label title = new Label(check.title());
        title.getStyleClass().add("check-title");
        title.setWrapText(true);
        Label detail = new Label(check.detail());
        detail.getStyleClass().add(passed ? "check-detail" : "check-detail-failed");
        detail.setWrapText(true);
        VBox text = new VBox(2, title, detail);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, mark, text);
        row.getStyleClass().addAll("gate-check", passed ? PASSED : FAILED);
        row.setId("check-" + check.id());
        return row;
    }

    private void showManual() {
        manualChecks.getChildren().setAll(viewModel.manualChecks().stream().map(this::manualRow).toList());
    }

    private Node manualRow(ManualCheck check) {
        CheckBox box = new CheckBox(check.title());
        box.setId("tick-" + check.id());
        box.selectedProperty().bindBidirectional(check.tickedProperty());
        box.disableProperty().bind(viewModel.promotedProperty());
        box.getStyleClass().add("check-title");
        Label how = new Label(check.detail());
        how.getStyleClass().add("check-detail");
        how.setWrapText(true);
        how.setPadding(new javafx.geometry.Insets(0, 0, 0, 26));
        VBox row = new VBox(2, box, how);
        row.getStyleClass().add("gate-check");
        return row;
    }

    private void showWays() {
        wayGroup.getToggles().clear();
        waysList.getChildren().setAll(viewModel.ways().stream().map(this::wayRow).toList());
        showWhen(generalWays, !viewModel.ways().isEmpty());
    }

    private Node wayRow(WayReach reach) {
        RadioButton choice = new RadioButton(reach.summary());
        choice.setId("way-" + reach.way().name());
        choice.setUserData(reach);
        choice.setToggleGroup(wayGroup);
        choice.setSelected(reach.way() == viewModel.wayProperty().get());
        choice.disableProperty().bind(viewModel.promotedProperty());
        choice.getStyleClass().add("check-title");
        Label explanation = new Label(reach.explanation());
        explanation.getStyleClass().add("check-detail");
        explanation.setWrapText(true);
        explanation.setPadding(new javafx.geometry.Insets(0, 0, 0, 26));
        VBox row = new VBox(2, choice, explanation);
        row.getStyleClass().add("gate-check");
        return row;
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private static void showWhen(Node node, boolean condition) {
        node.setVisible(condition);
        node.setManaged(condition);
    }
}
