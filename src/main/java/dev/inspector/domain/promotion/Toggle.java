package dev.inspector.domain.promotion;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import java.util.Map;
import java.util.Optional;

/**
 * What switching a channel row or the global default means for the rollout process, decided the
 * same way in the window (to pick the dialog) and in the write (to refuse a walk around the
 * gates): turning a feature on for pilot or general is a promotion and goes through the gates;
 * turning something off is a rollback, one quick step with a reason; the rest is a plain change.
 */
public sealed interface Toggle {

    /** Goes through the verification gates of {@code target}, the given way for general. */
    record Promotion(PromotionTarget target, Optional<GeneralWay> way) implements Toggle {
    }

    /** Takes the feature away from the tenants of the channel (or all, for the default): a rollback. */
    record Rollback() implements Toggle {
    }

    /** Neither: internal on, or a change that turns nobody on or off. */
    record Plain() implements Toggle {
    }

    /** Not allowed as a toggle; {@code why} says what to do instead. */
    record Refused(String why) implements Toggle {
    }

    /**
     * A channel row set on or off ({@code value} present) or removed (empty), given the flag and its
     * current channel rows. A channel's tenants without an override follow its row, or without one
     * the global default.
     */
    static Toggle channel(FeatureFlag flag, Map<ReleaseChannel, Boolean> rows, ReleaseChannel channel,
                          Optional<Boolean> value) {
        boolean before = rows.getOrDefault(channel, flag.defaultEnabled());
        boolean after = value.orElse(flag.defaultEnabled());
        if (after && !before) {
            if (channel == ReleaseChannel.INTERNAL) {
                return new Plain();
            }
            PromotionTarget target = channel == ReleaseChannel.PILOT ? PromotionTarget.PILOT : PromotionTarget.GENERAL;
            if (value.isEmpty()) {
                return new Refused("Removing the " + channel.dbValue() + " row of " + flag.key()
                        + " lets its global default, which is on, decide: that would turn it on for "
                        + channel.dbValue() + " tenants without the gates. Promote to " + channel.dbValue() + " instead.");
            }
            return new Promotion(target, target == PromotionTarget.GENERAL
                    ? Optional.of(GeneralWay.GENERAL_ROW) : Optional.empty());
        }
        return before && !after ? new Rollback() : new Plain();
    }

    /** The global default set on or off. On is the reference process's second way to general. */
    static Toggle globalDefault(FeatureFlag flag, boolean value) {
        if (value && !flag.defaultEnabled()) {
            return new Promotion(PromotionTarget.GENERAL, Optional.of(GeneralWay.GLOBAL_DEFAULT));
        }
        if (!value && flag.defaultEnabled()) {
            // Switching the default off on an armed killswitch trips it: that is a rollback too.
            return new Rollback();
        }
        return new Plain();
    }
}
