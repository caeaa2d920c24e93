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

    /**
     * One line per change for lists of what happened: "#12 2026-12-01 14:02 alice promoted x to
     * pilot (2 tenants, 1 user): “reason”".
     */
    public static String line(ChangeRecord change) {
        String touched = touched(change).isEmpty() ? "" : " (" + touched(change) + ")";
        String reason = change.reason() == null || change.reason().isBlank() ? "" : ": \u201c" + change.reason() + "\u201d";
        return "#" + change.id() + " " + LINE_TIME.format(change.happenedAt().atZoneSameInstant(java.time.ZoneId.systemDefault()))
                + " " + change.osUser() + " " + did(change) + touched + reason
                + change.restoredBy().map(r -> " (undone by #" + r + ")").orElse("");
    }

    /** "2 tenants, 1 user": whom the rows belonged to; empty for a change of flag rows alone. */
    public static String touched(ChangeRecord change) {
        int tenants = change.tenantIds().size();
        int users = change.userIds().size();
        return (tenants == 0 ? "" : tenants + " tenant" + (tenants == 1 ? "" : "s"))
                + (tenants > 0 && users > 0 ? ", " : "") + (users == 0 ? "" : users + " user" + (users == 1 ? "" : "s"));
    }

    private static final java.time.format.DateTimeFormatter LINE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
            case "grant" -> "granted " + flags + " to users";
            case "revoke" -> "revoked " + flags + " from users";
            case "move-tenant" -> "moved a tenant to another channel";
            case "archive" -> "archived " + flags;
            case "unarchive" -> "unarchived " + flags;
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
