package dev.inspector.ui.matrix;

import dev.inspector.domain.resolution.Decider;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/**
 * The grid's colours and font, read from CSS. A canvas cannot be styled, so each colour is the
 * background of a tiny transparent region carrying a style class of inspector.css; when the theme
 * changes, the stylesheet restyles those regions and the grid repaints with what they now say.
 */
final class MatrixPalette {

    private final Region[] deciders = new Region[Decider.values().length];
    private final Region surface = swatch("matrix-surface");
    private final Region header = swatch("matrix-header");
    private final Region grid = swatch("matrix-gridline");
    private final Region selection = swatch("matrix-selection");
    private final Region selectionBorder = swatch("matrix-selection-border");
    private final Region focus = swatch("matrix-focus");
    private final Region text = swatch("matrix-text");
    private final Region mutedText = swatch("matrix-text-muted");
    private final Label font = new Label();
    private final List<Region> all = new ArrayList<>();

    MatrixPalette() {
        for (Decider decider : Decider.values()) {
            deciders[decider.ordinal()] = swatch(DeciderStyle.styleClass(decider));
        }
        font.getStyleClass().add("matrix-font");
        all.addAll(List.of(deciders));
        all.addAll(List.of(surface, header, grid, selection, selectionBorder, focus, text, mutedText));
        for (Region region : all) {
            region.getStyleClass().add("matrix-swatch");
        }
    }

    private static Region swatch(String styleClass) {
        Region region = new Region();
        region.getStyleClass().add(styleClass);
        region.setManaged(false);
        region.setMouseTransparent(true);
        region.setOpacity(0);
        region.resize(1, 1);
        return region;
    }

    /** The nodes to put into the scene graph so CSS reaches them. */
    List<Region> swatches() {
        List<Region> nodes = new ArrayList<>(all);
        return nodes;
    }

    Label fontSwatch() {
        return font;
    }

    /** Calls {@code repaint} whenever CSS gives any swatch another colour or the font changes. */
    void onChange(Runnable repaint) {
        for (Region region : all) {
            region.backgroundProperty().addListener((obs, old, now) -> repaint.run());
        }
        font.fontProperty().addListener((obs, old, now) -> repaint.run());
        font.setOpacity(0);
        font.setManaged(false);
        font.setMouseTransparent(true);
    }

    Paint decider(int ordinal) {
        return fill(deciders[ordinal]);
    }

    Paint surface() {
        return fill(surface);
    }

    Paint header() {
        return fill(header);
    }

    Paint grid() {
        return fill(grid);
    }

    Paint selection() {
        return fill(selection);
    }

    Paint selectionBorder() {
        return fill(selectionBorder);
    }

    Paint focus() {
        return fill(focus);
    }

    Paint text() {
        return fill(text);
    }

    Paint mutedText() {
        return fill(mutedText);
    }

    Font font() {
        return font.getFont();
    }

    private static Paint fill(Region region) {
        Background background = region.getBackground();
        if (background == null || background.getFills().isEmpty()) {
            return Color.TRANSPARENT; // not styled yet; the next CSS pass repaints
        }
        return background.getFills().get(0).getFill();
    }
}
