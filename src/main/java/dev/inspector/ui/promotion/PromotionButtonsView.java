package dev.inspector.ui.promotion;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.promotion.PromotionTarget;
import dev.inspector.ui.release.SelectedFlag;
import javafx.fxml.FXML;
import javafx.scene.control.Button;

/** "Promote to pilot…" and "Promote to general…" for the flag selected in Release Control. */
public final class PromotionButtonsView {

    @FXML private Button promoteToPilot;
    @FXML private Button promoteToGeneral;

    private final SelectedFlag selected;
    private final PromotionOpener opener;

    public PromotionButtonsView(SelectedFlag selected, PromotionOpener opener) {
        this.selected = selected;
        this.opener = opener;
    }

    @FXML
    private void initialize() {
        promoteToPilot.disableProperty().bind(selected.flagProperty().isNull());
        promoteToGeneral.disableProperty().bind(selected.flagProperty().isNull());
        promoteToPilot.setOnAction(e -> open(PromotionTarget.PILOT));
        promoteToGeneral.setOnAction(e -> open(PromotionTarget.GENERAL));
    }

    private void open(PromotionTarget target) {
        FeatureFlag flag = selected.get();
        if (flag != null) {
            opener.open(flag, target, java.util.Optional.empty());
        }
    }
}
