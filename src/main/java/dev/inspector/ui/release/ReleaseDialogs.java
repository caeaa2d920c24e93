package dev.inspector.ui.release;

import dev.inspector.ui.support.FormDialog;
import dev.inspector.ui.support.ViewLoader;
import javafx.scene.Parent;
import javafx.stage.Window;

/** The windows Release Control opens; each is a {@link FormDialog}. */
public final class ReleaseDialogs {

    private final ViewLoader views;

    public ReleaseDialogs(ViewLoader views) {
        this.views = views;
    }

    public void createFlag(Window owner, CreateFlagDialogViewModel form) {
        Parent content = views.load("CreateFlagDialog", new CreateFlagDialogView(form));
        FormDialog.show(owner, "New flag", "Create a feature flag", content, "Create", "createFlagConfirm",
                form.canCreateProperty(), form.runningProperty(), form.doneProperty(), form::create);
    }

    public void editFlag(Window owner, EditFlagDialogViewModel form) {
        Parent content = views.load("EditFlagDialog", new EditFlagDialogView(form));
        FormDialog.show(owner, "Edit flag", "Edit " + form.flagKey(), content, "Save", "editFlagConfirm",
                form.canSaveProperty(), form.runningProperty(), form.doneProperty(), form::save);
    }

    public void kill(Window owner, KillDialogViewModel form) {
        Parent content = views.load("KillDialog", new KillDialogView(form));
        FormDialog.show(owner, "Kill " + form.flagKey(), "Stop " + form.flagKey() + " now", content, "Kill", "killConfirm",
                form.canKillProperty(), form.runningProperty(), form.doneProperty(), form::kill);
    }
}
