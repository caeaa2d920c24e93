package dev.inspector.domain.promotion;

import dev.inspector.domain.FeatureFlag;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checklist for promoting one flag one channel further, as seen at one moment.
 *
 * <p>{@code targetRow} is the target channel's row as it was when the review was made (empty: no
 * row); the write compares it with the database, so a promotion based on a stale review is
 * refused. {@code ways} is filled for a promotion to general only.
 */
public record PromotionReview(FeatureFlag flag, PromotionTarget target, Optional<Boolean> targetRow,
                              List<GateCheck> checks, List<WayReach> ways) {

    /** A typed override reason longer than this would not fit the change history's reason column. */
    public static final int MAX_REASON_LENGTH = 1000;

    public PromotionReview {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetRow, "targetRow");
        checks = List.copyOf(checks);
        ways = List.copyOf(ways);
    }

    /** The same review with exactly these manual checks ticked. */
    public PromotionReview withTicks(Set<String> tickedIds) {
        List<GateCheck> ticked = checks.stream()
                .map(c -> c.kind() == GateCheck.Kind.MANUAL
                        ? GateCheck.manual(c.id(), c.title(), tickedIds.contains(c.id()), c.detail())
                        : c)
                .toList();
        return new PromotionReview(flag, target, targetRow, ticked, ways);
    }

    /** Automatic checks that failed: each blocks unless overridden with a reason. */
    public List<GateCheck> failedGates() {
        return checks.stream().filter(GateCheck::failedAutomatically).toList();
    }

    /** Manual checks the admin has not ticked; no override replaces a tick. */
    public List<GateCheck> unticked() {
        return checks.stream().filter(c -> c.status() == GateCheck.Status.NEEDS_TICK).toList();
    }

    /** Every automatic check passed and every manual one is ticked. */
    public boolean allowed() {
        return failedGates().isEmpty() && unticked().isEmpty();
    }

    public boolean overrideNeeded() {
        return !failedGates().isEmpty();
    }

    /** What an override needs, in words; empty when nothing needs overriding. */
    public String overrideRequirement() {
        if (!overrideNeeded()) {
            return "";
        }
        return "Failed gates block the promotion. To override " + titles(failedGates())
                + ", type why; the reason is recorded with the change.";
    }

    public boolean canPromote(String overrideReason) {
        return problem(overrideReason).isEmpty();
    }

    /** Why the promotion cannot go ahead with this override reason, if it cannot. */
    public Optional<String> problem(String overrideReason) {
        if (!unticked().isEmpty()) {
            return Optional.of("Tick the manual checks first: " + titles(unticked()) + ".");
        }
        boolean blank = overrideReason == null || overrideReason.isBlank();
        if (overrideNeeded() && blank) {
            return Optional.of("Blocked by " + titles(failedGates()) + ". Type a reason to override.");
        }
        if (!blank && overrideReason.strip().length() > MAX_REASON_LENGTH) {
            return Optional.of("The reason is too long: at most " + MAX_REASON_LENGTH + " characters.");
        }
        return Optional.empty();
    }

    /**
     * The reason recorded in the change history: what was promoted, which gates were ticked or
     * overridden, and the admin's words.
     */
    public String recordedReason(Optional<GeneralWay> way, String overrideReason) {
        StringBuilder text = new StringBuilder("Promoted to ").append(target.to().dbValue());
        way.ifPresent(w -> text.append(" (").append(w.title().toLowerCase(java.util.Locale.ROOT)).append(')'));
        text.append('.');
        List<GateCheck> manual = checks.stream().filter(c -> c.kind() == GateCheck.Kind.MANUAL).toList();
        if (!manual.isEmpty()) {
            text.append(" Ticked: ").append(titles(manual)).append('.');
        }
        if (overrideNeeded()) {
            text.append(" Overridden gates: ").append(failedGates().stream()
                    .map(c -> "\"" + c.title() + "\" (" + c.detail() + ")")
                    .collect(Collectors.joining(", "))).append('.');
        } else {
            text.append(" All automatic gates passed.");
        }
        if (overrideReason != null && !overrideReason.isBlank()) {
            text.append(" Reason: ").append(overrideReason.strip());
        }
        return text.toString();
    }

    private static String titles(List<GateCheck> checks) {
        return checks.stream().map(c -> "\"" + c.title() + "\"").collect(Collectors.joining(", "));
    }
}
