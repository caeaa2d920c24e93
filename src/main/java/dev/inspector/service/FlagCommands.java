package dev.inspector.service;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.FlagKeys;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.persistence.ChangeLog;
import dev.inspector.persistence.Database;
import dev.inspector.persistence.DatabaseException;
import dev.inspector.persistence.StateChangedException;
import dev.inspector.persistence.FlagWrites;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Every Release Control write: one transaction that also records who did what and why. Each
 * command carries what the admin saw; if the database says otherwise, nothing is written and a
 * {@link StateChangedException} says what changed.
 */
public final class FlagCommands {

    private final Database database;
    private final String osUser;

    public FlagCommands(Database database, String osUser) {
        this.database = database;
        this.osUser = osUser;
    }

    /** A new flag the way the process demands: off everywhere but internal. */
    public FeatureFlag create(String key, String name, String description, String reason) {
        String trimmedKey = key == null ? "" : key.strip();
        FlagKeys.problem(trimmedKey).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Enter a name for the flag.");
        }
        try {
            return write("create", trimmedKey, reason, writes -> {
                if (writes.lockFlag(trimmedKey).isPresent()) {
                    throw duplicate(trimmedKey);
                }
                FeatureFlag flag = writes.insertFlag(UUID.randomUUID(), trimmedKey, name.strip(),
                        description == null ? "" : description.strip());
                writes.setChannel(flag, ReleaseChannel.INTERNAL, Optional.of(true));
                writes.setChannel(flag, ReleaseChannel.PILOT, Optional.of(false));
                writes.setChannel(flag, ReleaseChannel.GENERAL, Optional.of(false));
                return flag;
            });
        } catch (IntegrityConstraintViolationException e) {
            throw duplicate(trimmedKey); // created by someone else between our check and insert
        }
    }

    public void editText(FeatureFlag seen, String name, String description, String reason) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Enter a name for the flag.");
        }
        write("edit", seen.key(), reason, writes -> {
            FeatureFlag current = lockAsSeen(writes, seen);
            writes.updateFlag(current, new FeatureFlag(current.id(), current.key(), name.strip(),
                    description == null ? "" : description.strip(), current.defaultEnabled(), current.killswitch()));
            return null;
        });
    }

    public void setDefault(FeatureFlag seen, boolean enabled, String reason) {
        write("set-default", seen.key(), reason, writes -> {
            FeatureFlag current = lockAsSeen(writes, seen);
            writes.updateFlag(current, new FeatureFlag(current.id(), current.key(), current.name(),
                    current.description(), enabled, current.killswitch()));
            return null;
        });
    }

    /** Sets (or, with an empty value, removes) a channel row, if it still is what the admin saw. */
    public void setChannel(String flagKey, ReleaseChannel channel, Optional<Boolean> seen, Optional<Boolean> value,
                           String reason) {
        write("set-channel", flagKey, reason, writes -> {
            FeatureFlag flag = lockExisting(writes, flagKey);
            Optional<Boolean> current = Optional.ofNullable(writes.lockChannels(flag.id()).get(channel));
            if (!current.equals(seen)) {
                throw new StateChangedException("The " + channel.dbValue() + " channel of '" + flagKey
                        + "' was changed meanwhile: it is now " + words(current) + ", not " + words(seen)
                        + ". Nothing was written; the view shows the current state.");
            }
            writes.setChannel(flag, channel, value);
            return null;
        });
    }

    /**
     * Sets (or clears) the override of several tenants for one flag at once; {@code seen} holds
     * what the admin saw for each tenant (empty: no override).
     */
    public void setOverrides(String flagKey, Map<UUID, Optional<Boolean>> seen, Optional<Boolean> value, String reason) {
        write(value.isPresent() ? "set-override" : "clear-override", flagKey, reason, writes -> {
            FeatureFlag flag = lockExisting(writes, flagKey);
            Map<UUID, Boolean> current = writes.lockOverrides(flag.id());
            seen.forEach((tenant, expected) -> {
                Optional<Boolean> actual = Optional.ofNullable(current.get(tenant));
                if (!actual.equals(expected)) {
                    throw new StateChangedException("The override of '" + flagKey + "' for tenant " + tenant
                            + " was changed meanwhile: it is now " + words(actual) + ", not " + words(expected)
                            + ". Nothing was written; the view shows the current state.");
                }
            });
            seen.keySet().forEach(tenant -> writes.setOverride(flag, tenant, value));
            return null;
        });
    }

    /** One of the process's emergency rollbacks, atomically, with a mandatory reason. */
    public long rollback(FeatureFlag seen, RollbackOption option, String reason) {
        requireReason(reason);
        return write(option.action(), seen.key(), reason, writes -> {
            FeatureFlag current = lockAsSeen(writes, seen);
            switch (option) {
                case KILLSWITCH -> writes.updateFlag(current, new FeatureFlag(current.id(), current.key(),
                        current.name(), current.description(), false, true));
                case CHANNELS_OFF -> writes.lockChannels(current.id()).keySet()
                        .forEach(channel -> writes.setChannel(current, channel, Optional.of(false)));
                case OVERRIDE_ALL_OFF -> writes.overrideEveryTenant(current, false);
            }
            return writes.log().id();
        });
    }

    /**
     * Puts back exactly the state before a recorded change, provided nothing touched those rows
     * since; recorded as a change of its own.
     */
    public long restore(long changeSetId, String reason) {
        ChangeRecord change = ChangeLog.find(database.dsl(), changeSetId)
                .orElseThrow(() -> new IllegalArgumentException("There is no change " + changeSetId + " in the history."));
        return write("restore", change.flagKey(), reason == null || reason.isBlank()
                ? "Restore of change " + changeSetId : reason, writes -> {
            writes.restore(change);
            return writes.log().id();
        });
    }

    // --- plumbing ----------------------------------------------------------------------------

    @FunctionalInterface
    private interface Work<T> {
        T run(FlagWrites writes);
    }

    /** Runs one user action in one transaction with its change set; the notification goes out on commit. */
    private <T> T write(String action, String flagKey, String reason, Work<T> work) {
        try {
            return database.dsl().transactionResult(cfg -> {
                ChangeLog log = ChangeLog.open(cfg.dsl(), action, flagKey, reason, osUser);
                T value = work.run(new FlagWrites(cfg.dsl(), log));
                log.close();
                return value;
            });
        } catch (DatabaseException | IllegalArgumentException e) {
            throw e;
        } catch (IntegrityConstraintViolationException e) {
            throw e;
        } catch (DataAccessException e) {
            // jOOQ wraps what the transaction body threw; hand our own exceptions on unchanged
            if (e.getCause() instanceof DatabaseException de) {
                throw de;
            }
            if (e.getCause() instanceof IllegalArgumentException ie) {
                throw ie;
            }
            throw DataAccessFailures.explain("Writing '" + flagKey + "'", e);
        }
    }

    private static FeatureFlag lockExisting(FlagWrites writes, String key) {
        return writes.lockFlag(key).orElseThrow(() ->
                new StateChangedException("The flag '" + key + "' no longer exists."));
    }

    private static FeatureFlag lockAsSeen(FlagWrites writes, FeatureFlag seen) {
        FeatureFlag current = lockExisting(writes, seen.key());
        if (!current.equals(seen)) {
            throw new StateChangedException("The flag '" + seen.key() + "' was changed meanwhile (now: default "
                    + (current.defaultEnabled() ? "on" : "off") + ", killswitch " + current.killswitchState()
                    .name().toLowerCase(java.util.Locale.ROOT) + "). Nothing was written; the view shows the current state.");
        }
        return current;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why: a rollback is recorded with its reason.");
        }
    }

    private static IllegalArgumentException duplicate(String key) {
        return new IllegalArgumentException("A flag with the key '" + key + "' exists already.");
    }

    private static String words(Optional<Boolean> state) {
        return state.map(v -> v ? "on" : "off").orElse("not set");
    }

    static String osUserName() {
        return Objects.requireNonNullElse(System.getProperty("user.name"), "unknown");
    }
}
