package dev.inspector.ui.promotion;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A manual gate check as the dialog shows it: a checkbox the admin ticks. */
public final class ManualCheck {

    private final String id;
    private final String title;
    private final String detail;
    private final BooleanProperty ticked = new SimpleBooleanProperty(this, "ticked");

    ManualCheck(String id, String title, String detail) {
        this.id = id;
        this.title = title;
        this.detail = detail;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** How to check it, in the reference document's words. */
    public String detail() {
        return detail;
    }

    public BooleanProperty tickedProperty() {
        return ticked;
    }
}
