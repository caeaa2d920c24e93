package dev.inspector.ui.release;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Binds the "New flag" form to its view-model. */
public final class CreateFlagDialogView {

    @FXML private TextField newFlagKey;
    @FXML private Label newFlagKeyProblem;
    @FXML private TextField newFlagName;
    @FXML private TextArea newFlagDescription;
    @FXML private TextField newFlagReason;
    @FXML private Label newFlagInitialState;
    @FXML private Label newFlagError;
    @FXML private ProgressIndicator progressIndicator;

    private final CreateFlagDialogViewModel viewModel;

    public CreateFlagDialogView(CreateFlagDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML private javafx.scene.control.Button newFlagShowSql;
    @FXML private javafx.scene.control.TextArea newFlagSql;

    @FXML
    private void initialize() {
        dev.inspector.ui.support.SqlPreviewBinding.bind(viewModel.sql(), newFlagShowSql, newFlagSql, viewModel::showSql);
        newFlagKey.textProperty().bindBidirectional(viewModel.keyProperty());
        newFlagName.textProperty().bindBidirectional(viewModel.nameProperty());
        newFlagDescription.textProperty().bindBidirectional(viewModel.descriptionProperty());
        newFlagReason.textProperty().bindBidirectional(viewModel.reasonProperty());
        newFlagKeyProblem.textProperty().bind(viewModel.keyProblemProperty());
        newFlagInitialState.setText(CreateFlagDialogViewModel.INITIAL_STATE);
        newFlagError.textProperty().bind(viewModel.errorProperty());
        newFlagError.managedProperty().bind(viewModel.errorProperty().isNotEmpty());
        progressIndicator.visibleProperty().bind(viewModel.runningProperty());
    }
}
