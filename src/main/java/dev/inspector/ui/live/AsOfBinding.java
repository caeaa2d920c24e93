package dev.inspector.ui.live;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/** Binds an "As of" field, its status line and the list of changes since to an {@link AsOfChoice}; the simulator and the matrix share it. */
public final class AsOfBinding {

    private AsOfBinding() {
    }

    /**
     * The moment applies on Enter and when the field loses the focus; the status and the changes
     * since stay out of the layout while there is nothing to say.
     */
    public static void bind(AsOfChoice asOf, TextField field, Runnable apply, Label status, ListView<String> changes,
                            Node box) {
        field.textProperty().bindBidirectional(asOf.textProperty());
        field.setOnAction(e -> apply.run());
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                apply.run();
            }
        });
        status.textProperty().bind(asOf.statusProperty());
        changes.setItems(asOf.changesSince());
        changes.visibleProperty().bind(asOf.pastProperty());
        changes.managedProperty().bind(changes.visibleProperty());
        box.visibleProperty().bind(asOf.statusProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
    }
}
