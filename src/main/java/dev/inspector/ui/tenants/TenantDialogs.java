package dev.inspector.ui.tenants;

import dev.inspector.ui.support.FormDialog;
import dev.inspector.ui.support.ViewLoader;
import javafx.scene.Parent;
import javafx.stage.Window;

/** The forms the Tenants view opens; each is a {@link FormDialog}. */
public final class TenantDialogs {

    private final ViewLoader views;

    public TenantDialogs(ViewLoader views) {
        this.views = views;
    }

    public void move(Window owner, MoveTenantDialogViewModel form) {
        Parent content = views.load("MoveTenantDialog", new MoveTenantDialogView(form));
        FormDialog.show(owner, "Move " + form.tenantName(), "Move " + form.tenantName() + " to another release channel",
                content, "Move", "moveTenantConfirm", form.canMoveProperty(), form.runningProperty(),
                form.doneProperty(), form::move);
    }

    public void grant(Window owner, GrantDialogViewModel form) {
        Parent content = views.load("GrantDialog", new GrantDialogView(form));
        FormDialog.show(owner, form.title(), form.title(), content, form.confirmText(), "grantConfirm",
                form.canConfirmProperty(), form.runningProperty(), form.doneProperty(), form::confirm);
    }
}
