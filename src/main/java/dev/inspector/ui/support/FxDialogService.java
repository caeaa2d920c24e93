package dev.inspector.ui.support;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Dialogs owned by the main window. */
public final class FxDialogService implements DialogService {

    private Window owner;

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, Throwable error) {
        show(Alert.AlertType.ERROR, title, DialogService.plainMessage(error));
    }

    @Override
    public void showInfo(String title, String message) {
        show(Alert.AlertType.INFORMATION, title, message);
    }

    private void show(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type, message, ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(title);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.show();
    }
}
