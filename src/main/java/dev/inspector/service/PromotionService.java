package dev.inspector.service;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.promotion.GeneralWay;
import dev.inspector.domain.promotion.PromotionInputs;
import dev.inspector.domain.promotion.PromotionReview;
import dev.inspector.domain.promotion.PromotionRules;
import dev.inspector.domain.promotion.PromotionTarget;
import dev.inspector.persistence.ChannelHistory;
import dev.inspector.persistence.Database;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.jooq.exception.DataAccessException;

/**
 * Promotion through the verification gates: a review from a fresh snapshot and the change history,
 * and the promotion itself as one recorded write that names the gates ticked or overridden.
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
        Optional<OffsetDateTime> pilotSince = target == PromotionTarget.GENERAL
                ? pilotSwitchedOn(flagKey)
                : Optional.empty();
        return rules.review(new PromotionInputs(snapshot, flagKey, target, audits.latest(), pilotSince,
                OffsetDateTime.now(clock)));
    }

    /**
     * Promotes as reviewed, if the ticks and the reason allow it: to pilot by switching the pilot row
     * on, to general the chosen way. Refused with a {@code StateChangedException} if the row or flag
     * moved since the review. Returns the reason recorded in the change history.
     */
    public String promote(PromotionReview review, Optional<GeneralWay> way, Set<String> ticked, String overrideReason) {
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
        if (recordedWay.equals(Optional.of(GeneralWay.GLOBAL_DEFAULT))) {
            commands.setDefault(review.flag(), true, reason);
        } else {
            ReleaseChannel channel = review.target().to();
            commands.setChannel(key, channel, review.targetRow(), Optional.of(true), reason);
        }
        return reason;
    }

    private Optional<OffsetDateTime> pilotSwitchedOn(String flagKey) {
        try {
            return new ChannelHistory(database.dsl()).lastSwitchedOn(flagKey, ReleaseChannel.PILOT);
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("Reading the change history", e);
        }
    }
}
