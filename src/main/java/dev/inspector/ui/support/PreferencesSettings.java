package dev.inspector.ui.support;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The user's Java preference store ({@code ~/.java/.userPrefs} on Linux, private to the user).
 * Remembering is a convenience: a store that cannot be written is left alone, never an error.
 */
public final class PreferencesSettings implements UserSettings {

    private final Preferences node = Preferences.userRoot().node("dev/inspector/console");

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(node.get(key, null));
    }

    @Override
    public void put(String key, String value) {
        node.put(key, value);
        try {
            node.flush();
        } catch (BackingStoreException | SecurityException e) {
            // not remembered this time; the window works the same
        }
    }
}
