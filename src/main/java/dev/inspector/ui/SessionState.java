package dev.inspector.ui;

import dev.inspector.service.Session;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The session all screens work on. Screens listen to it instead of being rebuilt when the admin
 * connects elsewhere. Touched on the JavaFX thread only.
 */
public final class SessionState {

    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>(this, "session");

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public Session current() {
        return session.get();
    }

    /** Replaces the session; the caller closes the previous one. */
    public Session replace(Session next) {
        Session previous = session.get();
        session.set(next);
        return previous;
    }
}
