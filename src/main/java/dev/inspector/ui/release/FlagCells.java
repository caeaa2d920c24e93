package dev.inspector.ui.release;

import dev.inspector.domain.wording.OnOff;
import dev.inspector.domain.KillswitchState;
import java.util.Optional;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;

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
                    setText(OnOff.title(item.get()));
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

    /** A count, or a dash when the snapshot was not available (-1). */
    static <S> TableCell<S, Integer> count() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item < 0 ? "—" : item.toString());
            }
        };
    }

    /** "90 %  9/10": the share of tenants on, with the counts behind it. */
    static TableCell<FlagRow, FlagRow> share() {
        return new TableCell<>() {
            @Override
            protected void updateItem(FlagRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(SHARE_ALL, SHARE_SOME, SHARE_NONE);
                if (empty || row == null) {
                    setText(null);
                    return;
                }
                if (row.enabledShare().isEmpty()) {
                    setText("—");
                    return;
                }
                double share = row.enabledShare().get();
                setText(Math.round(share * 100) + " %  " + row.enabledTenants() + "/" + row.tenantCount());
                getStyleClass().add(share >= 1.0 ? SHARE_ALL : share > 0 ? SHARE_SOME : SHARE_NONE);
            }
        };
    }

    static final String SHARE_ALL = "share-all";
    static final String SHARE_SOME = "share-some";
    static final String SHARE_NONE = "share-none";

    /** Plain text that shows in full as a tooltip; for long descriptions. */
    static <S> TableCell<S, String> withTooltip() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        };
    }

    /** A flag's row: its description as tooltip; promoted in the last 48 hours, marked for the watch the process asks. */
    static TableRow<FlagRow> row() {
        return new TableRow<>() {
            @Override
            protected void updateItem(FlagRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean watched = !empty && row != null
                        && row.lifecycle().watchedPromotion(java.time.Instant.now()).isPresent();
                pseudoClassStateChanged(UNDER_WATCH, watched);
                pseudoClassStateChanged(ARCHIVED, !empty && row != null
                        && row.lifecycle().stage() == dev.inspector.domain.lifecycle.LifecycleStage.ARCHIVED);
                setTooltip(empty || row == null || row.flag().description().isEmpty()
                        ? null : new Tooltip(row.flag().description()));
            }
        };
    }

    private static final javafx.css.PseudoClass UNDER_WATCH = javafx.css.PseudoClass.getPseudoClass("under-watch");
    private static final javafx.css.PseudoClass ARCHIVED = javafx.css.PseudoClass.getPseudoClass("archived");
}
