package dev.inspector.ui.support;

/** The two looks of the console. */
public enum Theme {
    LIGHT, DARK;

    /** The theme of a remembered name; empty for a name this version does not know. */
    public static java.util.Optional<Theme> named(String name) {
        return java.util.Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
