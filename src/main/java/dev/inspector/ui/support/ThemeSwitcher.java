package dev.inspector.ui.support;

/** Applies a theme to the whole application. */
public interface ThemeSwitcher {
    void apply(Theme theme);
}
