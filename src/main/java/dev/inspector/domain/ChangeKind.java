package dev.inspector.domain;

import java.util.Locale;

/**
 * What kind of action a change set records, as the history tells them apart: a gated promotion is
 * not an overridden one, and neither is a rollback. The action text itself stays in the history
 * as written ({@code rollback:killswitch}, {@code promote:general}, …).
 */
public enum ChangeKind {
    CREATE("Created"),
    EDIT("Edited"),
    CHANNEL("Channel changed"),
    GLOBAL_DEFAULT("Default changed"),
    OVERRIDES("Overrides"),
    GRANTS("User grants"),
    TENANT_MOVE("Tenant moved"),
    ARCHIVE("Archive"),
    PROMOTION("Promotion, gates passed"),
    PROMOTION_OVERRIDDEN("Promotion, gates overridden"),
    ROLLBACK("Rollback"),
    KILLSWITCH("Killswitch"),
    RESTORE("Restore"),
    OTHER("Other");

    public static final String CREATE_ACTION = "create";
    public static final String EDIT_ACTION = "edit";
    public static final String SET_CHANNEL = "set-channel";
    public static final String SET_DEFAULT = "set-default";
    public static final String OVERRIDES_ACTION = "overrides";
    public static final String GRANT_ACTION = "grant";
    public static final String REVOKE_ACTION = "revoke";
    public static final String MOVE_TENANT_ACTION = "move-tenant";
    public static final String ARCHIVE_ACTION = "archive";
    public static final String UNARCHIVE_ACTION = "unarchive";
    public static final String RESTORE_ACTION = "restore";
    public static final String RESTORE_INCIDENT = "restore:incident";
    public static final String CHANNEL_OFF = "rollback:channel_off";
    public static final String DEFAULT_OFF = "rollback:default_off";

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ChangeKind of(String action) {
        if (action == null) {
            return OTHER;
        }
        String a = action.toLowerCase(Locale.ROOT);
        if (a.startsWith("rollback:")) {
            return ROLLBACK;
        }
        if (a.startsWith("promote-overridden:")) {
            return PROMOTION_OVERRIDDEN;
        }
        if (a.startsWith("promote:")) {
            return PROMOTION;
        }
        if (a.startsWith("killswitch:")) {
            return KILLSWITCH;
        }
        if (a.equals(RESTORE_ACTION) || a.startsWith("restore:")) {
            return RESTORE;
        }
        return switch (a) {
            case CREATE_ACTION -> CREATE;
            case EDIT_ACTION -> EDIT;
            case SET_CHANNEL -> CHANNEL;
            case SET_DEFAULT -> GLOBAL_DEFAULT;
            // "set-override" and "clear-override" were written before bulk changes became one kind
            case OVERRIDES_ACTION, "set-override", "clear-override" -> OVERRIDES;
            case GRANT_ACTION, REVOKE_ACTION -> GRANTS;
            case MOVE_TENANT_ACTION -> TENANT_MOVE;
            case ARCHIVE_ACTION, UNARCHIVE_ACTION -> ARCHIVE;
            default -> OTHER;
        };
    }

    /**
     * Whether "undo this change" is offered: a restore is never undone (that would be a redo), and a
     * created flag is archived, not deleted.
     */
    public boolean undoable() {
        return this != RESTORE && this != CREATE && this != OTHER;
    }

    /** The action of a promotion to a channel, gated or overridden. */
    public static String promotionAction(ReleaseChannel to, boolean overridden) {
        return (overridden ? "promote-overridden:" : "promote:") + to.dbValue();
    }
}
