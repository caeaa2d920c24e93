package dev.inspector.testing;

import dev.inspector.ui.support.UserSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Remembered settings in a map, for view-model tests. */
public final class MemorySettings implements UserSettings {

    public final Map<String, String> values = new HashMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void put(String key, String value) {
        values.put(key, value);
    }
}
