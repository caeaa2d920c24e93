package dev.inspector.ui.release;

import dev.inspector.domain.RollbackOption;
import dev.inspector.domain.impact.RollbackImpact;
import java.util.Optional;

/**
 * One option of the kill dialog: what it writes, what it would take away now, and, when it cannot
 * be chosen, why (the killswitch is tripped already, the table it writes is missing).
 *
 * @param unavailable why the option cannot be chosen; empty when it can
 * @param noNumbers   why the numbers are missing, when the server gate cannot be evaluated
 */
public record RollbackChoice(RollbackOption option, String effect, Optional<RollbackImpact> impact,
                             String unavailable, String noNumbers) {

    public boolean available() {
        return unavailable.isEmpty();
    }

    /** "Blocks 10 tenants and 27 users who have it now.", or why it cannot be chosen. */
    public String numbers() {
        if (!unavailable.isEmpty()) {
            return unavailable;
        }
        if (impact.isEmpty()) {
            return "Numbers unavailable: " + noNumbers;
        }
        RollbackImpact counted = impact.get();
        if (counted.tenants() == 0) {
            return "Blocks nobody who has it now.";
        }
        return "Blocks " + count(counted.tenants(), "tenant") + " and " + count(counted.users(), "user") + " who have it now.";
    }

    static String effect(RollbackOption option) {
        return switch (option) {
            case KILLSWITCH -> "Trips the killswitch (killswitch on, global default off): blocked everywhere, "
                    + "whatever overrides and channels say.";
            case CHANNELS_OFF -> "Turns every channel row that is on off; tenant overrides that say on still win.";
            case OVERRIDE_ALL_OFF -> "Writes an off override for every tenant that does not have one yet.";
        };
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
