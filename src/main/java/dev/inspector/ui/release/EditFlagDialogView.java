package dev.inspector.ui.release;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Binds the edit form (name and description of one flag) to its view-model. */
public final class EditFlagDialogView {

    @FXML private Label editFlagKey;
    @FXML private TextField editFlagName;
    @FXML private TextArea editFlagDescription;
    @FXML private TextField editFlagReason;
    @FXML private Label editFlagError;
    @FXML private ProgressIndicator progressIndicator;

    private final EditFlagDialogViewModel viewModel;

    public EditFlagDialogView(EditFlagDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML private javafx.scene.control.Button editFlagShowSql;
    @FXML private javafx.scene.control.TextArea editFlagSql;

    @FXML
    private void initialize() {
        dev.inspector.ui.support.SqlPreviewBinding.bind(viewModel.sql(), editFlagShowSql, editFlagSql, viewModel::showSql);
        editFlagKey.setText(viewModel.flagKey());
        editFlagName.textProperty().bindBidirectional(viewModel.nameProperty());
        editFlagDescription.textProperty().bindBidirectional(viewModel.descriptionProperty());
        editFlagReason.textProperty().bindBidirectional(viewModel.reasonProperty());
        editFlagError.textProperty().bind(viewModel.errorProperty());
        editFlagError.managedProperty().bind(viewModel.errorProperty().isNotEmpty());
        progressIndicator.visibleProperty().bind(viewModel.runningProperty());
    }
}
