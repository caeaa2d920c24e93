package dev.inspector.ui.palette;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;

/**
 * Binds the palette: typing filters, the arrows move through the results without leaving the
 * field, Enter or a click goes there, Escape closes.
 */
public final class CommandPaletteView {

    @FXML private TextField paletteQuery;
    @FXML private ListView<PaletteEntry> paletteResults;
    @FXML private Label paletteHint;

    private final PaletteViewModel viewModel;
    private final Runnable close;

    public CommandPaletteView(PaletteViewModel viewModel, Runnable close) {
        this.viewModel = viewModel;
        this.close = close;
    }

    @FXML
    private void initialize() {
        paletteQuery.textProperty().bindBidirectional(viewModel.queryProperty());
        paletteResults.setItems(viewModel.results());
        paletteResults.setCellFactory(list -> new ListCell<>() {
            private final Label kind = new Label();
            private final Label title = new Label();
            private final Label detail = new Label();
            private final HBox line = new HBox(10, kind, title, detail);

            {
                kind.getStyleClass().add("palette-kind");
                kind.setMinWidth(70);
                detail.getStyleClass().add("muted");
                title.setMinWidth(0);
                detail.setMinWidth(0);
                setPrefWidth(0); // the list's width, not the text's: long details end in an ellipsis
            }

            @Override
            protected void updateItem(PaletteEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                if (empty || entry == null) {
                    setGraphic(null);
                    return;
                }
                kind.setText(entry.kind());
                title.setText(entry.title());
                detail.setText(entry.detail());
                setGraphic(line);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, entry) -> {
            if (paletteResults.getSelectionModel().getSelectedItem() != entry) {
                paletteResults.getSelectionModel().select(entry);
                paletteResults.scrollTo(entry);
            }
        });
        paletteResults.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (entry != null) {
                viewModel.selectedProperty().set(entry);
            }
        });
        paletteResults.setOnMouseClicked(e -> go());
        paletteHint.textProperty().bind(viewModel.hintProperty());
        paletteQuery.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        paletteResults.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    }

    private void keys(KeyEvent e) {
        int at = paletteResults.getSelectionModel().getSelectedIndex();
        switch (e.getCode()) {
            case DOWN -> select(at + 1);
            case UP -> select(at - 1);
            case ENTER -> go();
            case ESCAPE -> close.run();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void select(int index) {
        if (index >= 0 && index < paletteResults.getItems().size()) {
            paletteResults.getSelectionModel().select(index);
            paletteResults.scrollTo(index);
        }
    }

    private void go() {
        close.run();
        viewModel.choose();
    }

    /** Puts the caret in the search field; called when the palette opens. */
    public void focus() {
        paletteQuery.requestFocus();
    }

}
