package dev.inspector.domain.audit.reading;

/**
 * How tightly a piece of SQL ties the rows it admits to the caller, weakest first. Only
 * {@link #TENANT} keeps other tenants' rows out; {@link #USER} (a user column compared with the
 * caller, "my own rows") is enough for reading but not for writing, where the tenant of a new row is
 * left to the caller.
 */
public enum Strength {
    /** Nothing in it depends on who is calling: every row, for everyone (true, tenant_id IS NOT NULL). */
    NONE,
    /** It asks who is calling but not which rows: every row for an admitted caller (auth.uid() IS NOT NULL, is_admin()). */
    CALLER_ONLY,
    /** A user column of the row compared with the caller: the caller's own rows. */
    USER,
    /** The tenant column of the row compared with a value derived from the caller. */
    TENANT;

    public boolean atLeast(Strength other) {
        return ordinal() >= other.ordinal();
    }
}
