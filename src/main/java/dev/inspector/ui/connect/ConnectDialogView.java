package dev.inspector.ui.connect;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** Binds the connection form to its view-model. */
public final class ConnectDialogView {

    @FXML private TextField urlField;
    @FXML private TextField userField;
    @FXML private PasswordField passwordField;
    @FXML private CheckBox initDemoBox;
    @FXML private Label validationLabel;

    private final ConnectDialogViewModel viewModel;

    public ConnectDialogView(ConnectDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        urlField.textProperty().bindBidirectional(viewModel.urlProperty());
        userField.textProperty().bindBidirectional(viewModel.userProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        initDemoBox.selectedProperty().bindBidirectional(viewModel.initDemoProperty());
        validationLabel.textProperty().bind(viewModel.validationMessageProperty());
    }

    public ConnectDialogViewModel viewModel() {
        return viewModel;
    }
}
