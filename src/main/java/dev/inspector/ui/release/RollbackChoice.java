package dev.inspector.ui.release;

import dev.inspector.service.RollbackOption;

/** One option of the kill dialog: what it writes, and what it would take away now. */
public record RollbackChoice(RollbackOption option, String effect, RollbackImpact impact) {

    static RollbackChoice of(RollbackOption option, RollbackImpact impact) {
        return new RollbackChoice(option, effect(option), impact);
    }

    /** "Blocks 10 tenants and 27 users who have it now." */
    public String numbers() {
        if (impact.tenants() == 0) {
            return "Blocks nobody who has it now.";
        }
        return "Blocks " + count(impact.tenants(), "tenant") + " and " + count(impact.users(), "user") + " who have it now.";
    }

    static String effect(RollbackOption option) {
        return switch (option) {
            case KILLSWITCH -> "Trips the killswitch (killswitch on, global default off): blocked everywhere, "
                    + "whatever overrides and channels say.";
            case CHANNELS_OFF -> "Turns every existing channel row off; tenant overrides that say on still win.";
            case OVERRIDE_ALL_OFF -> "Writes an off override for every tenant, replacing the overrides there are.";
        };
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
