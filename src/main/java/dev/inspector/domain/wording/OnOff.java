package dev.inspector.domain.wording;

import java.util.Optional;

/**
 * A flag setting in words, one way everywhere: "on" and "off" inside a sentence, "On" and "Off" on
 * their own (a cell, a menu item), and what a missing row is called where it is shown.
 */
public final class OnOff {

    private OnOff() {
    }

    /** "on" or "off", inside a sentence. */
    public static String word(boolean on) {
        return on ? "on" : "off";
    }

    /** "On" or "Off", standing alone. */
    public static String title(boolean on) {
        return on ? "On" : "Off";
    }

    /** "on", "off", or {@code missing} when there is no row. */
    public static String word(Optional<Boolean> setting, String missing) {
        return setting.map(OnOff::word).orElse(missing);
    }

    /** "On", "Off", or {@code missing} when there is no row. */
    public static String title(Optional<Boolean> setting, String missing) {
        return setting.map(OnOff::title).orElse(missing);
    }
}
