package dev.inspector.service;

import dev.inspector.domain.wording.OnOff;
import static dev.inspector.service.ChangeWriter.lockAsSeen;
import static dev.inspector.service.ChangeWriter.lockExisting;
import static dev.inspector.service.ChangeWriter.requireReason;

import dev.inspector.domain.ChangeKind;
import dev.inspector.domain.ConsoleFeature;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.FlagKeys;
import dev.inspector.domain.KillswitchAction;
import dev.inspector.domain.KillswitchState;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.RollbackOption;
import dev.inspector.domain.SchemaReport;
import dev.inspector.domain.promotion.Toggle;
import dev.inspector.persistence.ChangeHistoryReader;
import dev.inspector.persistence.Database;
import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.persistence.FlagWrites;
import dev.inspector.domain.failure.StateChangedException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Every Release Control write: one transaction that also records who did what and why. A write
 * that carries what the admin saw is refused (nothing written, a {@link StateChangedException}
 * saying what changed) when the database says otherwise. Turning a feature on for pilot or
 * general is refused here too: that goes through {@link PromotionService} and its gates.
 */
public final class FlagCommands {

    private static final int MAX_NAME = 200;
    private static final int MAX_DESCRIPTION = 2000;

    private final ChangeWriter writer;
    private final SchemaReport schema;

    public FlagCommands(Database database, SchemaReport schema, String osUser, String consoleId) {
        this(database, schema, osUser, consoleId, new Rehearsal());
    }

    FlagCommands(Database database, SchemaReport schema, String osUser, String consoleId, Rehearsal rehearsal) {
        this.writer = new ChangeWriter(database, osUser, consoleId, rehearsal);
        this.schema = schema;
    }

    /** A new flag the way the process demands: off everywhere but internal. */
    public FeatureFlag create(String key, String name, String description, String reason) {
        require(ConsoleFeature.CHANNELS);
        String trimmedKey = key == null ? "" : key.strip();
        FlagKeys.problem(trimmedKey).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        checkText(name, description);
        FeatureFlag[] created = new FeatureFlag[1];
        try {
            writer.write(ChangeKind.CREATE_ACTION, trimmedKey, reason, writes -> {
                // Serialises two consoles creating the same key, also where the key has no unique index.
                writes.tx().fetch("SELECT pg_advisory_xact_lock(hashtext(?))", "inspector flag " + trimmedKey);
                if (writes.lockFlag(trimmedKey).isPresent()) {
                    throw new IllegalArgumentException("A flag with the key '" + trimmedKey + "' exists already.");
                }
                FeatureFlag flag = writes.insertFlag(UUID.randomUUID(), trimmedKey, name.strip(),
                        description == null ? "" : description.strip());
                writes.setChannel(flag, ReleaseChannel.INTERNAL, Optional.of(true));
                writes.setChannel(flag, ReleaseChannel.PILOT, Optional.of(false));
                writes.setChannel(flag, ReleaseChannel.GENERAL, Optional.of(false));
                created[0] = flag;
                return "";
            });
        } catch (DatabaseException e) {
            if ("23505".equals(dev.inspector.persistence.WriteTransaction.sqlState(e))) {
                // created by a session that took no advisory lock, between our check and our insert
                throw new IllegalArgumentException("A flag with the key '" + trimmedKey + "' exists already.");
            }
            throw e;
        }
        return created[0];
    }

    public WriteOutcome editText(FeatureFlag seen, String name, String description, String reason) {
        require(ConsoleFeature.FLAG_LIST);
        checkText(name, description);
        return writer.write(ChangeKind.EDIT_ACTION, seen.key(), reason, writes -> {
            FeatureFlag current = lockAsSeen(writes, seen);
            writes.updateFlag(current, new FeatureFlag(current.id(), current.key(), name.strip(),
                    description == null ? "" : description.strip(), current.defaultEnabled(), current.killswitch()));
            return seen.key() + ": name and description are as given already: nothing changed.";
        });
    }

    /**
     * Sets the global default, if the flag still is as the admin saw it. Off is a rollback (with a
     * reason); on is a promotion to general and refused here.
     */
    public WriteOutcome setDefault(FeatureFlag seen, boolean enabled, String reason) {
        require(ConsoleFeature.FLAG_LIST);
        return writer.write(ChangeKind.SET_DEFAULT, seen.key(), reason, writes -> {
            FeatureFlag current = lockAsSeen(writes, seen);
            classify(Toggle.globalDefault(current, enabled), current.key(), "global default", writes, reason,
                    ChangeKind.DEFAULT_OFF);
            writes.updateFlag(current, new FeatureFlag(current.id(), current.key(), current.name(),
                    current.description(), enabled, current.killswitch()));
            return seen.key() + ": the global default is " + OnOff.word(enabled) + " already: nothing changed.";
        });
    }

    /**
     * Sets (or, with an empty value, removes) a channel row, if it still is what the admin saw.
     * Switching a row off is a rollback (with a reason); switching pilot or general on is a
     * promotion and refused here.
     */
    public WriteOutcome setChannel(String flagKey, ReleaseChannel channel, Optional<Boolean> seen, Optional<Boolean> value,
                                   String reason) {
        require(ConsoleFeature.CHANNELS);
        return writer.write(ChangeKind.SET_CHANNEL, flagKey, reason, writes -> {
            FeatureFlag flag = lockExisting(writes, flagKey);
            Map<ReleaseChannel, Boolean> rows = writes.lockChannels(flag.id());
            Optional<Boolean> current = Optional.ofNullable(rows.get(channel));
            if (!current.equals(seen)) {
                throw new StateChangedException("The " + channel.dbValue() + " channel of '" + flagKey
                        + "' was changed meanwhile: it is now " + words(current) + ", not " + words(seen)
                        + ". Nothing was written; the view shows the current state.");
            }
            classify(Toggle.channel(flag, rows, channel, value), flagKey, channel.dbValue() + " channel", writes, reason,
                    ChangeKind.CHANNEL_OFF);
            writes.setChannel(flag, channel, value);
            return flagKey + ": the " + channel.dbValue() + " row is " + words(value) + " already: nothing changed.";
        });
    }

    /**
     * Sets (or clears) overrides of several tenants over several flags, all or nothing; {@code seen}
     * holds per flag what the admin saw for each tenant (empty: no override). Flags are locked in
     * key order, tenants in id order.
     */
    public WriteOutcome setOverrides(Map<String, Map<UUID, Optional<Boolean>>> seen, Optional<Boolean> value,
                                     String reason) {
        require(ConsoleFeature.OVERRIDES);
        requireReason(reason, "a change of overrides");
        Map<String, Map<UUID, Optional<Boolean>>> byKey = new TreeMap<>(seen);
        String single = byKey.size() == 1 ? byKey.keySet().iterator().next() : null;
        return writer.write(ChangeKind.OVERRIDES_ACTION, single, reason, writes -> {
            Map<String, FeatureFlag> flags = writes.lockFlags(byKey.keySet());
            byKey.forEach((key, tenants) -> {
                FeatureFlag flag = flags.get(key);
                if (flag == null) {
                    throw new StateChangedException("The flag '" + key + "' does not exist (any more). Nothing was written.");
                }
                Map<UUID, Boolean> current = writes.lockOverrides(flag.id());
                new TreeMap<>(tenants).forEach((tenant, expected) -> {
                    Optional<Boolean> actual = Optional.ofNullable(current.get(tenant));
                    if (!actual.equals(expected)) {
                        throw new StateChangedException("The override of '" + key + "' for tenant " + tenant
                                + " was changed meanwhile: it is now " + words(actual) + ", not " + words(expected)
                                + ". Nothing was written; the view shows the current state.");
                    }
                    writes.setOverride(flag, tenant, value);
                });
            });
            return "Every chosen override is " + words(value) + " already: nothing changed.";
        });
    }

    /** The overrides of one flag; see {@link #setOverrides(Map, Optional, String)}. */
    public WriteOutcome setOverrides(String flagKey, Map<UUID, Optional<Boolean>> seen, Optional<Boolean> value,
                                     String reason) {
        return setOverrides(Map.of(flagKey, seen), value, reason);
    }

    /**
     * One of the process's emergency rollbacks, on the flag as it is now (an incident does not wait
     * for a fresh screen). One that would change nothing is not recorded and says why.
     */
    public WriteOutcome rollback(String flagKey, RollbackOption option, String reason) {
        if (option == RollbackOption.KILLSWITCH) {
            return killswitch(flagKey, KillswitchAction.TRIP, reason);
        }
        require(option.needs());
        requireReason(reason, "a rollback");
        return writer.write(option.action(), flagKey, reason, writes -> {
            FeatureFlag flag = lockExisting(writes, flagKey);
            if (option == RollbackOption.CHANNELS_OFF) {
                writes.channelsOff(flag);
                return "Every channel row of " + flagKey + " is off or absent already: nothing changed.";
            }
            writes.overrideEveryTenant(flag, false);
            return "Every tenant has an off override for " + flagKey + " already: nothing changed.";
        });
    }

    /** Arms, disarms, trips or un-trips the flag's killswitch, recorded with a mandatory reason. */
    public WriteOutcome killswitch(String flagKey, KillswitchAction action, String reason) {
        require(ConsoleFeature.KILLSWITCH);
        requireReason(reason, action == KillswitchAction.TRIP ? "a rollback" : "a killswitch change");
        return writer.write(action.action(), flagKey, reason, writes -> {
            FeatureFlag flag = lockExisting(writes, flagKey);
            Optional<KillswitchAction.Trip> lastTrip = flag.killswitchState() == KillswitchState.TRIPPED
                    ? new ChangeHistoryReader(writes.tx()).latestTrip(flagKey) : Optional.empty();
            KillswitchAction.Step step = action.plan(flag, lastTrip);
            if (step instanceof KillswitchAction.Refused refused) {
                throw new IllegalArgumentException(refused.why());
            }
            if (step instanceof KillswitchAction.AlreadyDone done) {
                return done.why();
            }
            KillswitchAction.Write write = (KillswitchAction.Write) step;
            writes.updateFlag(flag, new FeatureFlag(flag.id(), flag.key(), flag.name(), flag.description(),
                    write.defaultEnabled(), write.killswitch()));
            return "";
        });
    }

    /** The gated write of a promotion; only {@link PromotionService} calls it, after its checks. */
    WriteOutcome promote(String action, String flagKey, String reason, ChangeWriter.Work work) {
        require(ConsoleFeature.CHANNELS);
        return writer.write(action, flagKey, reason, work);
    }

    // --- rules ---------------------------------------------------------------------------------

    /** Refuses a walk around the gates; records a switch-off as the rollback it is. */
    private static void classify(Toggle toggle, String key, String what, FlagWrites writes, String reason,
                                 String rollbackAction) {
        if (toggle instanceof Toggle.Promotion promotion) {
            throw new GateRequiredException("Turning the " + what + " of " + key + " on is a promotion to "
                    + promotion.target().to().dbValue() + ": it goes through the verification gates (Promote to "
                    + promotion.target().to().dbValue() + "…). Nothing was written.");
        }
        if (toggle instanceof Toggle.Refused refused) {
            throw new GateRequiredException(refused.why() + " Nothing was written.");
        }
        if (toggle instanceof Toggle.Rollback) {
            requireReason(reason, "switching the " + what + " of " + key + " off is a rollback, and");
            writes.log().action(rollbackAction);
        }
    }

    private void require(ConsoleFeature feature) {
        ChangeWriter.require(schema, feature);
    }

    private static void checkText(String name, String description) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Enter a name for the flag.");
        }
        if (name.strip().length() > MAX_NAME) {
            throw new IllegalArgumentException("The name is too long: at most " + MAX_NAME + " characters.");
        }
        if (description != null && description.strip().length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("The description is too long: at most " + MAX_DESCRIPTION + " characters.");
        }
    }

    static String words(Optional<Boolean> state) {
        return OnOff.word(state, "not set");
    }

    static String osUserName() {
        return java.util.Objects.requireNonNullElse(System.getProperty("user.name"), "unknown");
    }
}
