package dev.inspector.ui.promotion;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.promotion.GeneralWay;
import dev.inspector.domain.promotion.PromotionTarget;
import java.util.Optional;

/** Opens the promotion checklist for a flag, for general with a way chosen up front; the composition root decides how. */
@FunctionalInterface
public interface PromotionOpener {

    void open(FeatureFlag flag, PromotionTarget target, Optional<GeneralWay> way);
}
