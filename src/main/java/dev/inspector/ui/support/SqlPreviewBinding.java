package dev.inspector.ui.support;

import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Binds a "Show SQL" button and the text area below it to a {@link SqlPreview}. */
public final class SqlPreviewBinding {

    private SqlPreviewBinding() {
    }

    /** The area stays out of the layout until asked; the dialog grows to show it instead of clipping its buttons. */
    public static void bind(SqlPreview preview, Button show, TextArea area, Runnable ask) {
        area.textProperty().bind(preview.textProperty());
        area.visibleProperty().bind(preview.textProperty().isNotEmpty());
        area.managedProperty().bind(area.visibleProperty());
        show.disableProperty().bind(preview.busyProperty());
        show.setOnAction(e -> ask.run());
        area.visibleProperty().addListener((obs, old, visible) -> {
            Window window = area.getScene() == null ? null : area.getScene().getWindow();
            if (window != null) {
                window.sizeToScene();
            }
        });
    }
}
