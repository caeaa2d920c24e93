package dev.inspector.domain.change;

/** How changes committed by other consoles reach this one. */
public enum ChangeFeed {
    /** Not decided yet. */
    STARTING,
    /** LISTEN/NOTIFY: a change shows as soon as it is committed. */
    LIVE,
    /** Behind a pooler in transaction mode: the change history is polled every few seconds. */
    POLLING,
    /** No change history to follow (the console's schema is absent): refresh by hand. */
    OFF
}
