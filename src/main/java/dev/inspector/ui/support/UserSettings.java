package dev.inspector.ui.support;

import java.util.Optional;

/**
 * What the window remembers between starts (the theme, recent connections): a seam so view-model
 * tests use a map and the application uses the user's preference store. Never a password.
 */
public interface UserSettings {

    Optional<String> get(String key);

    void put(String key, String value);
}
