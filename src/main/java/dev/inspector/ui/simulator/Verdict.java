package dev.inspector.ui.simulator;

import dev.inspector.domain.wording.ExplanationText;
import dev.inspector.domain.resolution.Decision;
import dev.inspector.domain.resolution.ReasonCode;

/**
 * A gate's verdict as the simulator shows it: "On" or "Blocked", the reason in words and as the
 * engine's code, and the OpenFeature reason.
 */
public record Verdict(boolean on, String word, String reasonWords, ReasonCode reason, String openFeatureReason) {

    static Verdict of(Decision decision) {
        return new Verdict(decision.enabled(), word(decision.enabled()), words(decision.reason()),
                decision.reason(), decision.openFeatureReason());
    }

    static String word(boolean enabled) {
        return ExplanationText.word(enabled);
    }

    static String words(ReasonCode reason) {
        return ExplanationText.reasonWords(reason);
    }

    /** "Killswitch tripped (KILLSWITCH_TRIPPED)". */
    public String reasonLine() {
        return reasonWords + " (" + reason + ")";
    }

    /** "OpenFeature reason: DISABLED". */
    public String openFeatureLine() {
        return "OpenFeature reason: " + openFeatureReason;
    }
}
