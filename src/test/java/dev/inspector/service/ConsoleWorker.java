package dev.inspector.service;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.RollbackOption;
import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.domain.failure.StateChangedException;
import dev.inspector.domain.promotion.GeneralWay;
import dev.inspector.domain.promotion.PromotionRules;
import dev.inspector.domain.promotion.PromotionTarget;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.persistence.ConnectionSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * One admin's console hammering a few flags: kills of every kind, restores one step and to before
 * the incident, promotions through the gates (overridden), override edits and channel switches,
 * in random order. Runs in a thread of the test or, through {@link #main}, as a process of its own.
 * Every outcome is counted; a deadlock that reaches the admin, or any other failure than "the state
 * changed meanwhile", is a failure of the console.
 */
final class ConsoleWorker {

    static final List<String> FLAGS = List.of("ai_load_matching", "live_tracking_map", "document_scanning");

    /** What happened, by kind. */
    record Counts(int written, int unchanged, int refused, int deadlocks, int failures, String firstFailure) {

        Counts plus(Counts o) {
            return new Counts(written + o.written, unchanged + o.unchanged, refused + o.refused, deadlocks + o.deadlocks,
                    failures + o.failures, firstFailure.isEmpty() ? o.firstFailure : firstFailure);
        }

        String line() {
            return written + " " + unchanged + " " + refused + " " + deadlocks + " " + failures + " " + firstFailure;
        }

        static Counts parse(String line) {
            String[] p = line.split(" ", 6);
            return new Counts(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                    Integer.parseInt(p[3]), Integer.parseInt(p[4]), p.length > 5 ? p[5] : "");
        }
    }

    private ConsoleWorker() {
    }

    static Counts run(Session session, long seed, int rounds) {
        Random random = new Random(seed);
        PromotionService promotions = new PromotionService(session, PromotionRules.DEFAULT_SOAK_DAYS, Clock.systemUTC());
        int written = 0;
        int unchanged = 0;
        int refused = 0;
        int deadlocks = 0;
        int failures = 0;
        String first = "";
        for (int round = 0; round < rounds; round++) {
            String key = FLAGS.get(random.nextInt(FLAGS.size()));
            try {
                WriteOutcome outcome = step(session, promotions, random, key);
                if (outcome.changed()) {
                    written++;
                } else {
                    unchanged++;
                }
            } catch (StateChangedException | IllegalArgumentException e) {
                refused++; // the state moved since it was read, or the gates say no: said and nothing written
            } catch (DatabaseException e) {
                if (e.getMessage().contains("same rows at the same moment") || e.getMessage().contains("deadlock")) {
                    deadlocks++;
                } else {
                    failures++;
                }
                first = first.isEmpty() ? e.getMessage().replace('\n', ' ') : first;
            } catch (RuntimeException e) {
                failures++;
                first = first.isEmpty() ? e.toString().replace('\n', ' ') : first;
            }
        }
        return new Counts(written, unchanged, refused, deadlocks, failures, first);
    }

    private static WriteOutcome step(Session session, PromotionService promotions, Random random, String key) {
        String who = "round of " + session.consoleId();
        switch (random.nextInt(10)) {
            case 0:
                return session.flagCommands().rollback(key, RollbackOption.values()[random.nextInt(3)], who);
            case 1:
                return session.restores().restoreLatest(key, Optional.empty(), "");
            case 2:
                return session.restores().restoreIncident(key, "");
            case 3: {
                PromotionTarget target = random.nextBoolean() ? PromotionTarget.PILOT : PromotionTarget.GENERAL;
                var review = promotions.review(key, target);
                Set<String> ticks = review.checks().stream().filter(c -> c.kind() == dev.inspector.domain.promotion.GateCheck.Kind.MANUAL)
                        .map(dev.inspector.domain.promotion.GateCheck::id).collect(java.util.stream.Collectors.toSet());
                return promotions.promote(review, target == PromotionTarget.GENERAL
                        ? Optional.of(random.nextBoolean() ? GeneralWay.GENERAL_ROW : GeneralWay.GLOBAL_DEFAULT)
                        : Optional.empty(), ticks, "stress test: gates overridden on purpose");
            }
            case 4: {
                GateSnapshot snapshot = session.gates().snapshot();
                int f = snapshot.flagIndex(key);
                int t = random.nextInt(snapshot.tenantCount());
                UUID tenant = snapshot.tenant(t).id();
                Optional<Boolean> seen = snapshot.override(t, f).map(o -> o.enabled());
                Optional<Boolean> value = switch (random.nextInt(3)) {
                    case 0 -> Optional.of(true);
                    case 1 -> Optional.of(false);
                    default -> Optional.empty();
                };
                return session.flagCommands().setOverrides(key, Map.of(tenant, seen), value, who);
            }
            case 5: {
                var flag = session.releaseControl().listFlags().stream().filter(o -> o.flag().key().equals(key))
                        .findFirst().orElseThrow();
                Optional<Boolean> seen = flag.channel(ReleaseChannel.INTERNAL);
                return session.flagCommands().setChannel(key, ReleaseChannel.INTERNAL, seen,
                        Optional.of(!seen.orElse(false)), who);
            }
            case 7: {
                // grant or revoke the flag for one or all members of a tenant
                GateSnapshot snapshot = session.gates().snapshot();
                UUID tenant = snapshot.tenant(random.nextInt(snapshot.tenantCount())).id();
                List<UUID> members = snapshot.users().stream().filter(u -> u.isMemberOf(tenant))
                        .map(dev.inspector.domain.UserProfile::id).toList();
                if (members.isEmpty()) {
                    return new WriteOutcome(Optional.empty(), 0, "no members");
                }
                List<UUID> who2 = random.nextBoolean() ? members : List.of(members.get(random.nextInt(members.size())));
                return session.tenantCommands().setGrants(key, tenant, who2, random.nextBoolean(), who);
            }
            case 8: {
                // move a tenant, as seen a moment ago
                GateSnapshot snapshot = session.gates().snapshot();
                var tenant = snapshot.tenant(random.nextInt(snapshot.tenantCount()));
                return session.tenantCommands().moveTenant(tenant.id(), Optional.ofNullable(tenant.releaseChannel()),
                        ReleaseChannel.values()[random.nextInt(3)], who);
            }
            case 9:
                return random.nextBoolean() ? session.archives().archive(key, who) : session.archives().unarchive(key, who);
            default: {
                return session.flagCommands().killswitch(key, random.nextBoolean()
                        ? dev.inspector.domain.KillswitchAction.UNTRIP : dev.inspector.domain.KillswitchAction.TRIP, who);
            }
        }
    }

    /** As a process of its own: URL, user, password, seed, rounds; prints one line of counts. */
    public static void main(String[] args) {
        ConnectionSettings settings = new ConnectionSettings(args[0], args[1], args[2], "worker", false);
        try (Session session = new SessionOpener().open(new DatabaseTarget.External(settings, false), m -> { })) {
            System.out.println("COUNTS " + run(session, Long.parseLong(args[3]), Integer.parseInt(args[4])).line());
        }
        System.exit(0);
    }
}
