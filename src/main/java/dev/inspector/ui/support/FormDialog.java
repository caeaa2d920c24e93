package dev.inspector.ui.support;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.event.ActionEvent;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * A form in a dialog that stays open while its command runs in the background (the confirm button
 * only starts it) and closes itself once the command succeeded, so a refusal is shown where the
 * admin typed.
 */
public final class FormDialog {

    private FormDialog() {
    }

    public static void show(Window owner, String title, String header, Parent content, String confirmText,
                                 String confirmId, BooleanExpression canConfirm, ReadOnlyBooleanProperty running,
                                 ReadOnlyBooleanProperty done, Runnable confirm) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        FxDialogService.style(dialog.getDialogPane(), owner);
        ButtonType confirmType = new ButtonType(confirmText, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(confirmType, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content);
        Button confirmButton = (Button) dialog.getDialogPane().lookupButton(confirmType);
        confirmButton.setId(confirmId);
        confirmButton.disableProperty().bind(canConfirm.not());
        confirmButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // keep the dialog open while the command runs
            confirm.run();
        });
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.disableProperty().bind(running);
        dialog.setOnCloseRequest(e -> {
            if (running.get()) {
                e.consume();
            }
        });
        done.addListener((obs, old, finished) -> {
            if (finished) {
                dialog.setResult(ButtonType.OK);
                dialog.close();
            }
        });
        // A form grows (a refusal, the SQL shown): keep its buttons on the screen by moving it up.
        dialog.heightProperty().addListener((obs, old, height) -> keepOnScreen(dialog));
        dialog.show();
    }

    /** Moves a window up (and left) so that all of it is on the screen it is on. */
    public static void keepOnScreen(Dialog<?> dialog) {
        var screens = javafx.stage.Screen.getScreensForRectangle(dialog.getX(), dialog.getY(),
                Math.max(1, dialog.getWidth()), Math.max(1, dialog.getHeight()));
        var bounds = (screens.isEmpty() ? javafx.stage.Screen.getPrimary() : screens.get(0)).getVisualBounds();
        if (dialog.getY() + dialog.getHeight() > bounds.getMaxY()) {
            dialog.setY(Math.max(bounds.getMinY(), bounds.getMaxY() - dialog.getHeight()));
        }
        if (dialog.getX() + dialog.getWidth() > bounds.getMaxX()) {
            dialog.setX(Math.max(bounds.getMinX(), bounds.getMaxX() - dialog.getWidth()));
        }
        if (dialog.getY() < bounds.getMinY()) {
            dialog.setY(bounds.getMinY()); // its title bar, and with it the way to move it, on the screen
        }
    }
}
