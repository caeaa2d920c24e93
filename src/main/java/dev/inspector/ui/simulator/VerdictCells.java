package dev.inspector.ui.simulator;

import dev.inspector.domain.wording.OnOff;
import dev.inspector.domain.resolution.ReasonCode;
import dev.inspector.domain.resolution.TraceStep;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.Control;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/** Cells and rows of the simulator's tables; colours come from the CSS tokens through style classes. */
public final class VerdictCells {

    static final String ON = "state-on";
    static final String BLOCKED = "state-blocked";
    static final String KILLED = "killswitch-tripped";
    static final String CHANGED = "verdict-changed";
    static final String DECIDING = "deciding-step";
    static final String CURRENT = "current-channel";
    private static final List<String> VERDICT_CLASSES = List.of(ON, BLOCKED, KILLED, CHANGED);

    private VerdictCells() {
    }

    /** The style class of a verdict: on, blocked, or blocked by the killswitch. */
    static String styleOf(Verdict verdict) {
        if (verdict.on()) {
            return ON;
        }
        return verdict.reason() == ReasonCode.KILLSWITCH_TRIPPED ? KILLED : BLOCKED;
    }

    /** "On" / "Blocked", coloured. */
    public static <S> TableCell<S, Verdict> verdict() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Verdict item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(VERDICT_CLASSES);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(item.word());
                getStyleClass().add(styleOf(item));
            }
        };
    }

    /** A verdict in the channel diff: marked when it differs from today's. */
    static TableCell<ChannelRow, ChannelRow> channelVerdict(Function<ChannelRow, Verdict> verdict,
                                                            Function<ChannelRow, Boolean> changes) {
        return new TableCell<>() {
            @Override
            protected void updateItem(ChannelRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(VERDICT_CLASSES);
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                Verdict v = verdict.apply(item);
                boolean changed = changes.apply(item);
                setText(v.word() + (changed ? "  ← changes" : ""));
                setTooltip(new Tooltip(v.reasonLine()));
                getStyleClass().add(styleOf(v));
                if (changed) {
                    getStyleClass().add(CHANGED);
                }
            }
        };
    }

    /**
     * Text that wraps to the column's width, so a long observation (the row that decided) is read
     * whole; font and colour follow the cell's CSS, so the deciding row stays bold.
     */
    static <S> TableCell<S, String> wrapping(TableColumn<S, String> column) {
        return new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(16));
                text.fontProperty().bind(fontProperty());
                text.fillProperty().bind(textFillProperty());
                setPrefHeight(Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty || item == null ? null : text);
            }
        };
    }

    /** On / Off / — for the value a trace step carried. */
    static String value(Optional<Boolean> value) {
        return OnOff.title(value, "—");
    }

    /** Trace rows; the deciding step carries {@link #DECIDING}. */
    static TableRow<TraceStep> traceRow() {
        return new TableRow<>() {
            @Override
            protected void updateItem(TraceStep item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove(DECIDING);
                if (!empty && item != null && item.decided()) {
                    getStyleClass().add(DECIDING);
                }
            }
        };
    }

    /** Channel-diff rows; the tenant's current channel carries {@link #CURRENT}. */
    static TableRow<ChannelRow> channelRow() {
        return new TableRow<>() {
            @Override
            protected void updateItem(ChannelRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove(CURRENT);
                if (!empty && item != null && item.current()) {
                    getStyleClass().add(CURRENT);
                }
            }
        };
    }
}
