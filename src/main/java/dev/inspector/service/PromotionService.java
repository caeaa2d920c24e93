package dev.inspector.service;

import static dev.inspector.service.ChangeWriter.lockExisting;

import dev.inspector.domain.ChangeKind;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.promotion.AuditSummary;
import dev.inspector.domain.promotion.GateCheck;
import dev.inspector.domain.promotion.GeneralWay;
import dev.inspector.domain.promotion.PromotionInputs;
import dev.inspector.domain.promotion.PromotionReview;
import dev.inspector.domain.promotion.PromotionRules;
import dev.inspector.domain.promotion.PromotionTarget;
import dev.inspector.persistence.ChannelHistory;
import dev.inspector.persistence.Database;
import dev.inspector.persistence.GateSnapshotRepository;
import dev.inspector.domain.failure.StateChangedException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.exception.DataAccessException;

/**
 * Promotion through the verification gates: a review from a fresh snapshot and the change history,
 * and the promotion itself as one recorded write that names the gates ticked or overridden. The
 * write checks the gates again under the flag's lock, on the rows as they are then: a checklist
 * that went stale (a tenant turned off, an audit failed meanwhile) promotes nothing.
 */
public final class PromotionService {

    private final GateService gates;
    private final FlagCommands commands;
    private final Database database;
    private final IsolationAudits audits;
    private final PromotionRules rules;
    private final Clock clock;

    public PromotionService(GateService gates, FlagCommands commands, Database database, IsolationAudits audits,
                            int soakDays, Clock clock) {
        this.gates = gates;
        this.commands = commands;
        this.database = database;
        this.audits = audits;
        this.rules = new PromotionRules(soakDays);
        this.clock = clock;
    }

    /** On a session: the gates read the session's latest complete isolation audit run. */
    public PromotionService(Session session, int soakDays, Clock clock) {
        this(session.gates(), session.flagCommands(), session.database(), session.audits()::latestCompleteSummary,
                soakDays, clock);
    }

    public PromotionReview review(String flagKey, PromotionTarget target) {
        var snapshot = gates.snapshot();
        return rules.review(inputs(snapshot, flagKey, target));
    }

    /**
     * Promotes as reviewed, if the ticks and the reason allow it: to pilot by switching the pilot row
     * on, to general the chosen way. Refused with a {@code StateChangedException} if the flag, the
     * target row or the outcome of any gate moved since the review.
     */
    public WriteOutcome promote(PromotionReview review, Optional<GeneralWay> way, Set<String> ticked, String overrideReason) {
        PromotionReview current = review.withTicks(ticked);
        current.problem(overrideReason).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (review.target() == PromotionTarget.GENERAL && way.isEmpty()) {
            throw new IllegalArgumentException("Choose how to promote to general: the general row or the global default.");
        }
        Optional<GeneralWay> recordedWay = review.target() == PromotionTarget.GENERAL ? way : Optional.empty();
        String reason = current.recordedReason(recordedWay, overrideReason);
        String key = review.flag().key();
        PromotionTarget target = review.target();
        Set<String> failedSeen = failedIds(review);
        // Read before the write: the audit runs and the history are not what a console write locks.
        Optional<AuditSummary> audit = audits.latest();
        Optional<OffsetDateTime> pilotSince = target == PromotionTarget.GENERAL ? pilotSwitchedOn(key) : Optional.empty();
        String action = ChangeKind.promotionAction(target.to(), review.overrideNeeded());
        return commands.promote(action, key, reason, writes -> {
            FeatureFlag flag = lockExisting(writes, key);
            if (!flag.equals(review.flag())) {
                throw new StateChangedException("The flag '" + key + "' was changed since the checklist was made. "
                        + "Nothing was written; look at the checklist again.");
            }
            Map<ReleaseChannel, Boolean> rows = writes.lockChannels(flag.id());
            Optional<Boolean> row = Optional.ofNullable(rows.get(target.to()));
            if (!row.equals(review.targetRow())) {
                throw new StateChangedException("The " + target.to().dbValue() + " row of '" + key + "' is now "
                        + FlagCommands.words(row) + ", not " + FlagCommands.words(review.targetRow())
                        + " as in the checklist. Nothing was written; look at the checklist again.");
            }
            PromotionReview now = rules.review(new PromotionInputs(GateSnapshotRepository.loadFlag(writes.tx(), flag),
                    key, target, audit, pilotSince, OffsetDateTime.now(clock)));
            Set<String> failedNow = failedIds(now);
            if (!failedNow.equals(failedSeen)) {
                throw new StateChangedException("The gates of '" + key + "' changed since the checklist was made"
                        + describe(now, failedSeen, failedNow) + ". Nothing was written; look at the checklist again.");
            }
            if (recordedWay.equals(Optional.of(GeneralWay.GLOBAL_DEFAULT))) {
                writes.updateFlag(flag, new FeatureFlag(flag.id(), flag.key(), flag.name(), flag.description(), true,
                        flag.killswitch()));
            } else {
                writes.setChannel(flag, target.to(), Optional.of(true));
            }
            return key + " is on for " + target.to().dbValue() + " already that way: nothing changed.";
        });
    }

    private PromotionInputs inputs(dev.inspector.domain.resolution.GateSnapshot snapshot, String flagKey,
                                   PromotionTarget target) {
        Optional<OffsetDateTime> pilotSince = target == PromotionTarget.GENERAL
                ? pilotSwitchedOn(flagKey)
                : Optional.empty();
        return new PromotionInputs(snapshot, flagKey, target, audits.latest(), pilotSince, OffsetDateTime.now(clock));
    }

    private static Set<String> failedIds(PromotionReview review) {
        return review.failedGates().stream().map(GateCheck::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** ": now failing “…” (detail); passing now “…”". */
    private static String describe(PromotionReview now, Set<String> before, Set<String> after) {
        String failing = now.checks().stream().filter(c -> after.contains(c.id()) && !before.contains(c.id()))
                .map(c -> "\u201c" + c.title() + "\u201d (" + c.detail() + ")").collect(Collectors.joining(", "));
        String passing = now.checks().stream().filter(c -> before.contains(c.id()) && !after.contains(c.id()))
                .map(c -> "\u201c" + c.title() + "\u201d").collect(Collectors.joining(", "));
        return (failing.isEmpty() ? "" : ": now failing " + failing) + (passing.isEmpty() ? "" : "; passing now " + passing);
    }

    private Optional<OffsetDateTime> pilotSwitchedOn(String flagKey) {
        try {
            return new ChannelHistory(database.dsl()).lastSwitchedOn(flagKey, ReleaseChannel.PILOT);
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("Reading the change history", e);
        }
    }
}
