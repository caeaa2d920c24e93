package dev.inspector.ui.connect;

import dev.inspector.service.DatabaseTarget;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** Shows the connection form as a modal dialog and returns what the admin chose. */
public final class ConnectDialog {

    private final Supplier<Parent> form;
    private final Supplier<ConnectDialogViewModel> lastViewModel;

    public ConnectDialog(Supplier<Parent> form, Supplier<ConnectDialogViewModel> lastViewModel) {
        this.form = form;
        this.lastViewModel = lastViewModel;
    }

    public Optional<DatabaseTarget> ask(Window owner) {
        Parent content = form.get();
        ConnectDialogViewModel viewModel = lastViewModel.get();
        Dialog<DatabaseTarget> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Connect to a database");
        dialog.setHeaderText("Connect to an existing PostgreSQL database");
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().lookupButton(connect).disableProperty().bind(viewModel.validProperty().not());
        dialog.setResultConverter(button -> button == connect ? viewModel.target().orElse(null) : null);
        return dialog.showAndWait();
    }
}
