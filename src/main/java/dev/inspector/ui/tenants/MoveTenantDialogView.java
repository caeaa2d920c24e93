package dev.inspector.ui.tenants;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.ui.support.SqlPreviewBinding;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/** Binds the tenant move form to its view-model. */
public final class MoveTenantDialogView {

    @FXML private Label moveCurrent;
    @FXML private ComboBox<ReleaseChannel> moveChannel;
    @FXML private TextArea movePreview;
    @FXML private TextField moveReason;
    @FXML private Button moveShowSql;
    @FXML private TextArea moveSql;
    @FXML private Label moveError;
    @FXML private ProgressIndicator moveBusy;
    @FXML private Label moveProgress;

    private final MoveTenantDialogViewModel viewModel;

    public MoveTenantDialogView(MoveTenantDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        moveCurrent.setText(viewModel.currentWords());
        moveChannel.getItems().setAll(viewModel.channels());
        moveChannel.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReleaseChannel channel) {
                return channel == null ? "" : channel.dbValue();
            }

            @Override
            public ReleaseChannel fromString(String text) {
                return ReleaseChannel.fromDb(text).orElse(null);
            }
        });
        moveChannel.valueProperty().bindBidirectional(viewModel.channelProperty());
        movePreview.textProperty().bind(viewModel.previewProperty());
        moveReason.textProperty().bindBidirectional(viewModel.reasonProperty());
        var locked = viewModel.runningProperty().or(viewModel.doneProperty());
        moveReason.disableProperty().bind(locked);
        moveChannel.disableProperty().bind(locked);
        SqlPreviewBinding.bind(viewModel.sql(), moveShowSql, moveSql, viewModel::showSql);
        moveError.textProperty().bind(viewModel.errorProperty());
        moveError.managedProperty().bind(viewModel.errorProperty().isNotEmpty());
        moveBusy.visibleProperty().bind(viewModel.runningProperty());
        moveProgress.textProperty().bind(viewModel.progressProperty());
    }
}
