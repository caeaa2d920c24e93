package dev.inspector.domain.change;

import dev.inspector.domain.ChangeRecord;
import java.util.Locale;

/** A recorded action in words, for people: "tripped the killswitch of fuel_card_sync". */
public final class ChangeWords {

    private ChangeWords() {
    }

    /** What the change did, as a verb phrase about its flag(s). */
    public static String did(ChangeRecord change) {
        return did(change.action(), change.flagsLabel());
    }

    public static String did(String action, String flags) {
        String a = action == null ? "" : action.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "create" -> "created " + flags;
            case "edit" -> "edited " + flags;
            case "set-channel" -> "changed a channel row of " + flags;
            case "set-default" -> "changed the global default of " + flags;
            case "overrides", "set-override", "clear-override" -> "changed tenant overrides of " + flags;
            case "rollback:killswitch" -> "tripped the killswitch of " + flags;
            case "rollback:channels_off" -> "turned every channel of " + flags + " off";
            case "rollback:override_all_off" -> "overrode every tenant off for " + flags;
            case "rollback:channel_off" -> "switched a channel row of " + flags + " off";
            case "rollback:default_off" -> "switched the global default of " + flags + " off";
            case "killswitch:arm" -> "armed the killswitch of " + flags;
            case "killswitch:disarm" -> "disarmed the killswitch of " + flags;
            case "killswitch:untrip" -> "un-tripped the killswitch of " + flags;
            case "restore" -> "restored " + flags;
            case "restore:incident" -> "restored " + flags + " to before the incident";
            default -> {
                if (a.startsWith("promote-overridden:")) {
                    yield "promoted " + flags + " to " + a.substring(a.indexOf(':') + 1) + ", overriding failed gates";
                }
                if (a.startsWith("promote:")) {
                    yield "promoted " + flags + " to " + a.substring(a.indexOf(':') + 1);
                }
                yield action + " on " + flags;
            }
        };
    }
}
