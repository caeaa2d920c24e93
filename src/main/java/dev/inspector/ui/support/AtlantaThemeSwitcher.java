package dev.inspector.ui.support;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * AtlantaFX's Primer themes are the user-agent stylesheet; the console's own token sheet sits on the
 * scene and derives its colours from the theme's {@code -color-*} tokens, so one sheet serves both.
 * The {@code dark} style class lets that sheet adjust what cannot be derived.
 */
public final class AtlantaThemeSwitcher implements ThemeSwitcher {

    public static final String STYLESHEET = "/styles/inspector.css";
    private Scene scene;

    public void attach(Scene scene) {
        this.scene = scene;
        String sheet = getClass().getResource(STYLESHEET).toExternalForm();
        if (!scene.getStylesheets().contains(sheet)) {
            scene.getStylesheets().add(sheet);
        }
    }

    @Override
    public void apply(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (scene != null && scene.getRoot() != null) {
            scene.getRoot().getStyleClass().remove("dark");
            if (theme == Theme.DARK) {
                scene.getRoot().getStyleClass().add("dark");
            }
        }
    }
}
