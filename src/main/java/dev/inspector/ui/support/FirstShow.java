package dev.inspector.ui.support;

/**
 * Loads a tab's data when the tab is first shown, and again on each new session once it has been:
 * a tab the admin never opens costs no query. Touched on the JavaFX thread only.
 */
public final class FirstShow {

    private final Runnable load;
    private boolean shown;

    public FirstShow(Runnable load) {
        this.load = load;
    }

    /** The tab became visible: the first time, load. */
    public void shown() {
        if (!shown) {
            shown = true;
            load.run();
        }
    }

    /** The session changed: load now if the tab was ever shown, else when it is. */
    public void reload() {
        if (shown) {
            load.run();
        }
    }
}
