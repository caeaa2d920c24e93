package dev.inspector.ui.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * Loads FXML from {@code /fxml} with controllers made by the composition root, so views get their
 * view-models through constructors (nested {@code fx:include}s use the same factory).
 */
public final class ViewLoader {

    private final Callback<Class<?>, Object> controllerFactory;

    public ViewLoader(Callback<Class<?>, Object> controllerFactory) {
        this.controllerFactory = controllerFactory;
    }

    public Parent load(String name) {
        return load(name, controllerFactory);
    }

    /** Loads a view whose controller already exists, e.g. a dialog made for one flag. */
    public Parent load(String name, Object controller) {
        return load(name, type -> controller);
    }

    private static Parent load(String name, Callback<Class<?>, Object> factory) {
        URL url = ViewLoader.class.getResource("/fxml/" + name + ".fxml");
        if (url == null) {
            throw new IllegalStateException("No view /fxml/" + name + ".fxml on the class path");
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(factory);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Loading view " + name + " failed", e);
        }
    }
}
