package dev.inspector.ui.release;

import dev.inspector.domain.FeatureFlag;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The flag selected in Release Control, shared with the actions that work on it (promotion, ...)
 * without those knowing the table. Touched on the JavaFX thread only.
 */
public final class SelectedFlag {

    private final ObjectProperty<FeatureFlag> flag = new SimpleObjectProperty<>(this, "flag");

    /** Null while no flag is selected. */
    public ObjectProperty<FeatureFlag> flagProperty() {
        return flag;
    }

    public FeatureFlag get() {
        return flag.get();
    }
}
