package dev.inspector.ui.release;

import dev.inspector.ui.support.FxDialogService;
import dev.inspector.ui.support.ViewLoader;
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
 * The windows Release Control opens. A form dialog stays open while its command runs in the
 * background (the confirm button only starts it) and closes itself once the command succeeded,
 * so a refusal is shown where the admin typed.
 */
public final class ReleaseDialogs {

    private final ViewLoader views;

    public ReleaseDialogs(ViewLoader views) {
        this.views = views;
    }

    public void createFlag(Window owner, CreateFlagDialogViewModel form) {
        Parent content = views.load("CreateFlagDialog", new CreateFlagDialogView(form));
        showForm(owner, "New flag", "Create a feature flag", content, "Create", "createFlagConfirm",
                form.canCreateProperty(), form.runningProperty(), form.doneProperty(), form::create);
    }

    public void editFlag(Window owner, EditFlagDialogViewModel form) {
        Parent content = views.load("EditFlagDialog", new EditFlagDialogView(form));
        showForm(owner, "Edit flag", "Edit " + form.flagKey(), content, "Save", "editFlagConfirm",
                form.canSaveProperty(), form.runningProperty(), form.doneProperty(), form::save);
    }

    public void kill(Window owner, KillDialogViewModel form) {
        Parent content = views.load("KillDialog", new KillDialogView(form));
        showForm(owner, "Kill " + form.flagKey(), "Stop " + form.flagKey() + " now", content, "Kill", "killConfirm",
                form.canKillProperty(), form.runningProperty(), form.doneProperty(), form::kill);
    }

    private static void showForm(Window owner, String title, String header, Parent content, String confirmText,
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
        dialog.show();
    }
}
