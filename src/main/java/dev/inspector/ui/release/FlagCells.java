package dev.inspector.ui.release;

import dev.inspector.domain.KillswitchState;
import java.util.Optional;
import javafx.scene.control.TableCell;

/** Table cells that show a flag state as a word with a style class; colours come from the CSS tokens. */
final class FlagCells {

    static final String ON = "state-on";
    static final String OFF = "state-off";
    static final String NONE = "state-none";
    static final String TRIPPED = "killswitch-tripped";
    static final String ARMED = "killswitch-armed";

    private FlagCells() {
    }

    /** On / Off / "no row" for a channel or the global default. */
    static <S> TableCell<S, Optional<Boolean>> state() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Optional<Boolean> item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(ON, OFF, NONE);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                if (item.isEmpty()) {
                    setText("no row");
                    getStyleClass().add(NONE);
                } else {
                    setText(item.get() ? "On" : "Off");
                    getStyleClass().add(item.get() ? ON : OFF);
                }
            }
        };
    }

    static <S> TableCell<S, KillswitchState> killswitch() {
        return new TableCell<>() {
            @Override
            protected void updateItem(KillswitchState item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(TRIPPED, ARMED);
                if (empty || item == null || item == KillswitchState.NONE) {
                    setText(empty || item == null ? null : "—");
                    return;
                }
                setText(item == KillswitchState.TRIPPED ? "Tripped" : "Armed");
                getStyleClass().add(item == KillswitchState.TRIPPED ? TRIPPED : ARMED);
            }
        };
    }
}
