package dev.inspector.ui.promotion;

import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The checklist in a window of its own. Promote lives in the content, not in the dialog's button
 * bar, because it runs in the background and the dialog stays open to show what was recorded.
 */
public final class PromotionDialog {

    private final Parent content;
    private final PromotionDialogViewModel viewModel;

    public PromotionDialog(Parent content, PromotionDialogViewModel viewModel) {
        this.content = content;
        this.viewModel = viewModel;
    }

    public Dialog<Void> show(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
            followTheme(dialog, owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.titleProperty().bind(viewModel.titleProperty());
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        // no taller than the screen (its checks scroll), and kept on it as it grows with the SQL
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        dialog.getDialogPane().setMaxHeight(screen.getHeight() - 48);
        dialog.heightProperty().addListener((obs, old, height) -> dev.inspector.ui.support.FormDialog.keepOnScreen(dialog));
        dialog.show();
        return dialog;
    }

    /** A dialog is a scene of its own: it needs the console's token sheet and the theme's class too. */
    private static void followTheme(Dialog<?> dialog, Window owner) {
        if (owner.getScene() == null) {
            return;
        }
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        if (owner.getScene().getRoot().getStyleClass().contains("dark")) {
            dialog.getDialogPane().getStyleClass().add("dark");
        }
    }
}
