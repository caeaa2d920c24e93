package dev.inspector.ui.simulator;

/** One flag, or every flag at once ({@link #ALL}, whose key is null). */
public record FlagChoice(String key) {

    public static final FlagChoice ALL = new FlagChoice(null);

    public boolean all() {
        return key == null;
    }

    public String label() {
        return all() ? "All flags" : key;
    }
}
