package dev.inspector.testing;

/**
 * What test classes share beyond their own database, for {@code @ResourceLock}: classes run two at
 * a time (junit-platform.properties), and these must not overlap where one changes what the other
 * reads.
 */
public final class Locks {

    /**
     * The one JavaFX toolkit, its stages and the robot's mouse and keyboard: window tests run one
     * at a time.
     */
    public static final String WINDOW = "inspector.console-window";

    /**
     * Roles are global to the test server, not per database. Classes that create, grant or drop
     * roles take this READ_WRITE; classes whose results depend on what roles may do (audits,
     * impersonation) take it READ.
     */
    public static final String ROLES = "inspector.postgres-roles";

    private Locks() {
    }
}
