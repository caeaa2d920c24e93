package dev.inspector.ui.release;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Binds the edit form (name and description of one flag) to its view-model. */
public final class EditFlagDialogView {

    @FXML private Label keyLabel;
    @FXML private TextField nameField;
    @FXML private TextArea descriptionField;
    @FXML private TextField reasonField;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator progressIndicator;

    private final EditFlagDialogViewModel viewModel;

    public EditFlagDialogView(EditFlagDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        keyLabel.setText(viewModel.flagKey());
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        descriptionField.textProperty().bindBidirectional(viewModel.descriptionProperty());
        reasonField.textProperty().bindBidirectional(viewModel.reasonProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.managedProperty().bind(viewModel.errorProperty().isNotEmpty());
        progressIndicator.visibleProperty().bind(viewModel.runningProperty());
    }
}
