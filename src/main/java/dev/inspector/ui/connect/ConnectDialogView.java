package dev.inspector.ui.connect;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** Binds the connection form to its view-model. */
public final class ConnectDialogView {

    @FXML private TextField connectUrl;
    @FXML private TextField connectUser;
    @FXML private PasswordField connectPassword;
    @FXML private CheckBox connectInitDemo;
    @FXML private Label connectValidation;

    private final ConnectDialogViewModel viewModel;

    public ConnectDialogView(ConnectDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        connectUrl.textProperty().bindBidirectional(viewModel.urlProperty());
        connectUser.textProperty().bindBidirectional(viewModel.userProperty());
        connectPassword.textProperty().bindBidirectional(viewModel.passwordProperty());
        connectInitDemo.selectedProperty().bindBidirectional(viewModel.initDemoProperty());
        connectValidation.textProperty().bind(viewModel.validationMessageProperty());
        // recent connections drop down as the admin types (ControlsFX); the newest is filled in already
        org.controlsfx.control.textfield.TextFields.bindAutoCompletion(connectUrl, viewModel.recentUrls());
    }

    public ConnectDialogViewModel viewModel() {
        return viewModel;
    }
}
