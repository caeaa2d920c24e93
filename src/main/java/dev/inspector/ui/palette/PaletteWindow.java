package dev.inspector.ui.palette;

import dev.inspector.ui.support.AtlantaThemeSwitcher;
import dev.inspector.ui.support.ViewLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/**
 * Shows the palette over the main window, near its top like an editor's quick open; it closes
 * when something is chosen, on Escape, or when the admin clicks elsewhere.
 */
public final class PaletteWindow {

    private final ViewLoader views;
    private final PaletteViewModel viewModel;

    public PaletteWindow(ViewLoader views, PaletteViewModel viewModel) {
        this.views = views;
        this.viewModel = viewModel;
    }

    public void show(Window owner) {
        Stage stage = new Stage(StageStyle.UNDECORATED);
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Go to…");
        CommandPaletteView view = new CommandPaletteView(viewModel, stage::close);
        Parent root = views.load("CommandPalette", view);
        var sheet = PaletteWindow.class.getResource(AtlantaThemeSwitcher.STYLESHEET);
        if (sheet != null) {
            root.getStylesheets().add(sheet.toExternalForm());
        }
        if (owner.getScene() != null && owner.getScene().getRoot().getStyleClass().contains("dark")) {
            root.getStyleClass().add("dark");
        }
        stage.setScene(new Scene(root));
        viewModel.open();
        stage.focusedProperty().addListener((obs, was, focused) -> {
            if (was && !focused) {
                stage.close();
            }
        });
        stage.setOnShown(e -> {
            stage.setX(owner.getX() + (owner.getWidth() - stage.getWidth()) / 2);
            stage.setY(owner.getY() + Math.min(120, Math.max(0, owner.getHeight() / 6)));
            view.focus();
        });
        stage.show();
    }
}
