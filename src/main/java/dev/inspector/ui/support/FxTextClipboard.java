package dev.inspector.ui.support;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The system clipboard; call on the JavaFX thread. */
public final class FxTextClipboard implements TextClipboard {

    @Override
    public void putText(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
