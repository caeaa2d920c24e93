package dev.inspector.ui.promotion;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.promotion.PromotionTarget;

/** Opens the promotion checklist for a flag; the composition root decides how. */
@FunctionalInterface
public interface PromotionOpener {

    void open(FeatureFlag flag, PromotionTarget target);
}
