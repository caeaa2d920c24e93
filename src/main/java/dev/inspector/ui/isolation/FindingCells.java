package dev.inspector.ui.isolation;

import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.Severity;
import java.util.Arrays;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** How the isolation tab draws severities, changes, fixed findings and relation progress. */
final class FindingCells {

    private static final String[] SEVERITY_CLASSES = Arrays.stream(Severity.values())
            .map(FindingCells::severityClass).toArray(String[]::new);

    private FindingCells() {
    }

    static String severityWord(Severity s) {
        String name = s.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static String severityClass(Severity s) {
        return "severity-" + s.name().toLowerCase(Locale.ROOT);
    }

    /** A severity as a coloured badge. */
    static final class SeverityCell<R> extends TableCell<R, Severity> {
        @Override
        protected void updateItem(Severity severity, boolean empty) {
            super.updateItem(severity, empty);
            getStyleClass().removeAll(SEVERITY_CLASSES);
            getStyleClass().remove("severity-cell");
            if (empty || severity == null) {
                setText(null);
                return;
            }
            setText(severityWord(severity));
            getStyleClass().addAll("severity-cell", severityClass(severity));
        }
    }

    static final class ChangeCell extends TableCell<FindingRow, Change> {
        @Override
        protected void updateItem(Change change, boolean empty) {
            super.updateItem(change, empty);
            getStyleClass().removeAll("change-new", "change-unchanged");
            if (empty || change == null) {
                setText(null);
                return;
            }
            setText(change.name());
            getStyleClass().add(change == Change.NEW ? "change-new" : "change-unchanged");
        }
    }

    /** A fixed finding: its severity badge, check and relation, struck through. */
    static final class FixedCell extends ListCell<Finding> {
        private final Label badge = new Label();
        private final Label text = new Label();
        private final HBox box = new HBox(8, badge, text);

        FixedCell() {
            text.getStyleClass().add("fixed-text");
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Finding f, boolean empty) {
            super.updateItem(f, empty);
            setText(null);
            if (empty || f == null) {
                setGraphic(null);
                return;
            }
            badge.setText(severityWord(f.severity()));
            badge.getStyleClass().setAll("label", "severity-badge", severityClass(f.severity()));
            text.setText("FIXED  " + f.checkId() + (f.relation().isEmpty() ? "" : "  " + f.relation())
                    + (f.tenant().isEmpty() ? "" : "  as " + f.tenant()));
            setGraphic(box);
        }
    }

    /** A relation with its own progress bar and "done / expected" steps. */
    static final class RelationCell extends ListCell<RelationProgress> {
        private final Label name = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Label steps = new Label();
        private final HBox box = new HBox(8, name, bar, steps);

        RelationCell() {
            name.getStyleClass().add("relation-name");
            steps.getStyleClass().add("muted");
            name.setMinWidth(0);
            name.setPrefWidth(140);
            HBox.setHgrow(bar, Priority.ALWAYS);
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setPrefWidth(40);
            bar.setMinWidth(30);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(RelationProgress p, boolean empty) {
            super.updateItem(p, empty);
            setText(null);
            getStyleClass().remove("relation-current");
            if (empty || p == null) {
                setGraphic(null);
                return;
            }
            name.setText(p.relation());
            bar.setProgress(p.fraction());
            steps.setText(p.stepsText());
            if (p.current()) {
                getStyleClass().add("relation-current");
            }
            setGraphic(box);
        }
    }
}
