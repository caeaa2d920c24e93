package dev.inspector.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The killswitch lifecycle as explicit, recorded actions. A killswitch is {@code is_killswitch};
 * it blocks everywhere only while the global default is off (tripped), and is merely armed while
 * the default is on. Tripping is the process's rollback option 1; un-tripping releases the switch
 * ({@code is_killswitch} off) and leaves the default off, so the flag follows its overrides and
 * channel rows again without the global default ever being turned on behind the gates' back.
 */
public enum KillswitchAction {
    ARM("killswitch:arm", "Arm"),
    DISARM("killswitch:disarm", "Disarm"),
    TRIP("rollback:killswitch", "Trip"),
    UNTRIP("killswitch:untrip", "Un-trip");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final String action;
    private final String label;

    KillswitchAction(String action, String label) {
        this.action = action;
        this.label = label;
    }

    /** The change-history action name; tripping is recorded as the rollback it is. */
    public String action() {
        return action;
    }

    public String label() {
        return label;
    }

    /** When, by whom and why a flag was last tripped, from the change history. */
    public record Trip(OffsetDateTime at, String osUser, String dbRole, String reason) {
    }

    /** What the action does to a flag as it is now. */
    public sealed interface Step {
    }

    /** Write the flag with these two values. */
    public record Write(boolean defaultEnabled, boolean killswitch) implements Step {
    }

    /** The flag is that way already: nothing is written or recorded. */
    public record AlreadyDone(String why) implements Step {
    }

    /** Not possible from this state; {@code why} says what to do instead. */
    public record Refused(String why) implements Step {
    }

    public Step plan(FeatureFlag flag, Optional<Trip> lastTrip) {
        String key = flag.key();
        KillswitchState state = flag.killswitchState();
        return switch (this) {
            case ARM -> switch (state) {
                case NONE -> flag.defaultEnabled() ? new Write(true, true) : new Refused("Arming " + key
                        + " needs its global default on: with the default off, is_killswitch = true trips the switch "
                        + "at once and blocks every tenant. Trip it (Kill) if that is what you want.");
                case ARMED -> new AlreadyDone(key + " is armed already: nothing changed.");
                case TRIPPED -> new AlreadyDone(tripped(key, lastTrip));
            };
            case DISARM -> switch (state) {
                case ARMED -> new Write(true, false);
                case NONE -> new AlreadyDone(key + " has no killswitch to disarm: nothing changed.");
                case TRIPPED -> new Refused(key + " is tripped: un-trip it, or restore the state before the kill, "
                        + "instead of disarming.");
            };
            case TRIP -> state == KillswitchState.TRIPPED
                    ? new AlreadyDone(tripped(key, lastTrip))
                    : new Write(false, true);
            case UNTRIP -> state == KillswitchState.TRIPPED
                    ? new Write(false, false)
                    : new AlreadyDone(key + " is not tripped: nothing changed.");
        };
    }

    /** "fuel_card_sync is tripped already since …, by …, reason “…”: nothing changed." */
    public static String tripped(String key, Optional<Trip> lastTrip) {
        return lastTrip.map(t -> key + " is tripped already since " + WHEN.format(t.at().withOffsetSameInstant(ZoneOffset.UTC))
                        + ", by " + t.osUser() + " (" + t.dbRole() + "), reason \u201c" + t.reason() + "\u201d: nothing changed.")
                .orElse(key + " is tripped already (by SQL outside Inspector: the change history has no record of it): "
                        + "nothing changed.");
    }
}
