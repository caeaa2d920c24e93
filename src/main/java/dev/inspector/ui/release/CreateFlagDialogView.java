package dev.inspector.ui.release;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Binds the "New flag" form to its view-model. */
public final class CreateFlagDialogView {

    @FXML private TextField keyField;
    @FXML private Label keyProblemLabel;
    @FXML private TextField nameField;
    @FXML private TextArea descriptionField;
    @FXML private TextField reasonField;
    @FXML private Label initialStateLabel;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator progressIndicator;

    private final CreateFlagDialogViewModel viewModel;

    public CreateFlagDialogView(CreateFlagDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        keyField.textProperty().bindBidirectional(viewModel.keyProperty());
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        descriptionField.textProperty().bindBidirectional(viewModel.descriptionProperty());
        reasonField.textProperty().bindBidirectional(viewModel.reasonProperty());
        keyProblemLabel.textProperty().bind(viewModel.keyProblemProperty());
        initialStateLabel.setText(CreateFlagDialogViewModel.INITIAL_STATE);
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.managedProperty().bind(viewModel.errorProperty().isNotEmpty());
        progressIndicator.visibleProperty().bind(viewModel.runningProperty());
    }
}
