package dev.inspector.ui.release;

import dev.inspector.domain.RollbackOption;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** Binds the kill confirmation to its view-model. */
public final class KillDialogView {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    @FXML private Label killHeadline;
    @FXML private VBox killswitchBox;
    @FXML private VBox channelsBox;
    @FXML private VBox overridesBox;
    @FXML private RadioButton optionKillswitch;
    @FXML private RadioButton optionChannelsOff;
    @FXML private RadioButton optionOverrideAllOff;
    @FXML private Label killswitchEffect;
    @FXML private Label channelsEffect;
    @FXML private Label overridesEffect;
    @FXML private Label killswitchNumbers;
    @FXML private Label channelsNumbers;
    @FXML private Label overridesNumbers;
    @FXML private TextField killReason;
    @FXML private Label killError;
    @FXML private ProgressIndicator progressIndicator;
    @FXML private Label killProgress;
    @FXML private javafx.scene.control.Button killShowSql;
    @FXML private javafx.scene.control.TextArea killSql;

    private final KillDialogViewModel viewModel;
    private Map<RollbackOption, RadioButton> buttons = Map.of();

    public KillDialogView(KillDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        killHeadline.textProperty().bind(viewModel.headlineProperty());
        // The numbers arrive after the dialog opened and need more lines; grow the window with them
        // instead of clipping its buttons.
        killHeadline.textProperty().addListener((obs, old, text) -> {
            if (killHeadline.getScene() != null && killHeadline.getScene().getWindow() != null) {
                killHeadline.getScene().getWindow().sizeToScene();
            }
        });
        ToggleGroup group = new ToggleGroup();
        Map<RollbackOption, RadioButton> buttons = Map.of(RollbackOption.KILLSWITCH, optionKillswitch,
                RollbackOption.CHANNELS_OFF, optionChannelsOff, RollbackOption.OVERRIDE_ALL_OFF, optionOverrideAllOff);
        buttons.forEach((option, button) -> {
            button.setText(option.label() + (option == RollbackOption.KILLSWITCH ? " (recommended)" : ""));
            button.setUserData(option);
            button.setToggleGroup(group);
        });
        this.buttons = buttons;
        killswitchEffect.setText(RollbackChoice.effect(RollbackOption.KILLSWITCH));
        channelsEffect.setText(RollbackChoice.effect(RollbackOption.CHANNELS_OFF));
        overridesEffect.setText(RollbackChoice.effect(RollbackOption.OVERRIDE_ALL_OFF));
        group.selectToggle(buttons.get(viewModel.optionProperty().get()));
        group.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle != null) {
                viewModel.optionProperty().set((RollbackOption) toggle.getUserData());
            }
        });
        viewModel.optionProperty().addListener((obs, old, option) -> {
            Toggle wanted = buttons.get(option);
            if (group.getSelectedToggle() != wanted) {
                group.selectToggle(wanted);
            }
            markSelected(option);
        });
        markSelected(viewModel.optionProperty().get());
        viewModel.choices().addListener((ListChangeListener<RollbackChoice>) c -> showNumbers());
        showNumbers();

        killReason.textProperty().bindBidirectional(viewModel.reasonProperty());
        killReason.disableProperty().bind(viewModel.runningProperty().or(viewModel.doneProperty()));
        killswitchBox.disableProperty().bind(killReason.disableProperty());
        channelsBox.disableProperty().bind(killReason.disableProperty());
        overridesBox.disableProperty().bind(killReason.disableProperty());
        killError.textProperty().bind(viewModel.errorProperty());
        killError.managedProperty().bind(viewModel.errorProperty().isNotEmpty());
        progressIndicator.visibleProperty().bind(viewModel.runningProperty().or(viewModel.computingProperty()));
        killProgress.textProperty().bind(viewModel.progressProperty());
        dev.inspector.ui.support.SqlPreviewBinding.bind(viewModel.sql(), killShowSql, killSql, viewModel::showSql);
    }

    private void markSelected(RollbackOption option) {
        killswitchBox.pseudoClassStateChanged(SELECTED, option == RollbackOption.KILLSWITCH);
        channelsBox.pseudoClassStateChanged(SELECTED, option == RollbackOption.CHANNELS_OFF);
        overridesBox.pseudoClassStateChanged(SELECTED, option == RollbackOption.OVERRIDE_ALL_OFF);
    }

    private void showNumbers() {
        killswitchNumbers.setText(numbers(RollbackOption.KILLSWITCH));
        channelsNumbers.setText(numbers(RollbackOption.CHANNELS_OFF));
        overridesNumbers.setText(numbers(RollbackOption.OVERRIDE_ALL_OFF));
        buttons.forEach((option, button) -> {
            RollbackChoice choice = viewModel.choice(option);
            button.setDisable(choice != null && !choice.available());
        });
    }

    private String numbers(RollbackOption option) {
        RollbackChoice choice = viewModel.choice(option);
        return choice == null ? "…" : choice.numbers();
    }
}
