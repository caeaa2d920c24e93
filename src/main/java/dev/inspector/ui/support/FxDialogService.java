package dev.inspector.ui.support;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Dialogs owned by the main window, styled with its theme. */
public final class FxDialogService implements DialogService {

    private Window owner;

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, Throwable error) {
        show(Alert.AlertType.ERROR, title, DialogService.plainMessage(error));
    }

    @Override
    public void showInfo(String title, String message) {
        show(Alert.AlertType.INFORMATION, title, message);
    }

    @Override
    public Optional<String> askReason(String title, String question, boolean required) {
        return askReason(title, question, required, null);
    }

    @Override
    public Optional<String> askReason(String title, String question, boolean required, SqlPreview sql) {
        TextInputDialog dialog = new TextInputDialog();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(question);
        dialog.setContentText(required ? "Reason (required):" : "Reason (optional):");
        style(dialog.getDialogPane(), owner);
        dialog.getEditor().setId("reasonInput");
        dialog.getEditor().setPromptText("recorded in the change history");
        var confirm = dialog.getDialogPane().lookupButton(ButtonType.OK);
        confirm.setId("reasonConfirm");
        if (required) {
            confirm.disableProperty().bind(dialog.getEditor().textProperty().map(String::isBlank));
        }
        if (sql != null) {
            javafx.scene.control.Button show = new javafx.scene.control.Button("Show SQL");
            show.setId("reasonShowSql");
            javafx.scene.control.TextArea area = new javafx.scene.control.TextArea();
            area.setId("reasonSql");
            area.setEditable(false);
            area.setWrapText(true);
            area.setPrefRowCount(7);
            area.getStyleClass().add("sql-text");
            javafx.scene.layout.VBox content = new javafx.scene.layout.VBox(8, dialog.getDialogPane().getContent(), show, area);
            dialog.getDialogPane().setContent(content);
            SqlPreviewBinding.bind(sql, show, area, sql::show);
            dialog.getDialogPane().heightProperty().addListener((obs, old, height) -> FormDialog.keepOnScreen(dialog));
        }
        return dialog.showAndWait().map(String::strip);
    }

    @Override
    public void showPairs(String title, java.util.List<java.util.Map.Entry<String, String>> pairs) {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        grid.getStyleClass().add("pairs");
        for (int i = 0; i < pairs.size(); i++) {
            javafx.scene.control.Label key = new javafx.scene.control.Label(pairs.get(i).getKey());
            key.getStyleClass().add("pair-key");
            key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            javafx.scene.control.Label text = new javafx.scene.control.Label(pairs.get(i).getValue());
            text.setWrapText(true);
            text.setMaxWidth(460);
            grid.addRow(i, key, text);
        }
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setContent(grid);
        if (owner != null) {
            alert.initOwner(owner);
        }
        style(alert.getDialogPane(), owner);
        alert.show();
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String extensionLabel, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extensionLabel, "*." + extension));
        File file = chooser.showSaveDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    private void show(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type, message, ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(title);
        if (owner != null) {
            alert.initOwner(owner);
        }
        style(alert.getDialogPane(), owner);
        alert.show();
    }

    /** Dialogs have scenes of their own: give them the token sheet and the owner's theme. */
    public static void style(DialogPane pane, Window owner) {
        pane.getStyleClass().add("release-dialog");
        var sheet = FxDialogService.class.getResource(AtlantaThemeSwitcher.STYLESHEET);
        if (sheet != null) {
            pane.getStylesheets().add(sheet.toExternalForm());
        }
        if (owner != null && owner.getScene() != null && owner.getScene().getRoot().getStyleClass().contains("dark")) {
            pane.getStyleClass().add("dark");
        }
        pane.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
}
