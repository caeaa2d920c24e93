package dev.inspector.ui.tenants;

import dev.inspector.ui.support.SqlPreviewBinding;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ComboBox;
import org.controlsfx.control.textfield.TextFields;

/** Binds the grant and revoke form to its view-model. */
public final class GrantDialogView {

    @FXML private ComboBox<String> grantFlag;
    @FXML private RadioButton grantOneUser;
    @FXML private RadioButton grantAllMembers;
    @FXML private Label grantPreview;
    @FXML private TextField grantReason;
    @FXML private Button grantShowSql;
    @FXML private TextArea grantSql;
    @FXML private Label grantError;
    @FXML private ProgressIndicator grantBusy;
    @FXML private Label grantProgress;

    private final GrantDialogViewModel viewModel;

    public GrantDialogView(GrantDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        // Typed or picked, the text is the key: the view-model checks it against the flags as it changes.
        grantFlag.getItems().setAll(viewModel.flagKeys());
        grantFlag.getEditor().textProperty().bindBidirectional(viewModel.flagKeyProperty());
        TextFields.bindAutoCompletion(grantFlag.getEditor(), viewModel.flagKeys());
        ToggleGroup who = new ToggleGroup();
        grantOneUser.setToggleGroup(who);
        grantAllMembers.setToggleGroup(who);
        viewModel.oneUserWords().ifPresentOrElse(grantOneUser::setText, () -> {
            grantOneUser.setVisible(false);
            grantOneUser.setManaged(false);
        });
        grantAllMembers.setText(viewModel.allMembersWords());
        (viewModel.allMembersProperty().get() ? grantAllMembers : grantOneUser).setSelected(true);
        grantAllMembers.selectedProperty().addListener((obs, old, all) -> viewModel.allMembersProperty().set(all));
        grantPreview.textProperty().bind(viewModel.previewProperty());
        grantReason.textProperty().bindBidirectional(viewModel.reasonProperty());
        var locked = viewModel.runningProperty().or(viewModel.doneProperty());
        grantReason.disableProperty().bind(locked);
        grantFlag.disableProperty().bind(locked);
        SqlPreviewBinding.bind(viewModel.sql(), grantShowSql, grantSql, viewModel::showSql);
        grantError.textProperty().bind(viewModel.errorProperty());
        grantError.managedProperty().bind(viewModel.errorProperty().isNotEmpty());
        grantBusy.visibleProperty().bind(viewModel.runningProperty());
        grantProgress.textProperty().bind(viewModel.progressProperty());
    }
}
