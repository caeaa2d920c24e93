package dev.inspector.service;

import dev.inspector.domain.ConnectionInfo;
import dev.inspector.domain.SchemaReport;
import dev.inspector.domain.change.ChangeFeed;
import dev.inspector.domain.change.ChangeNotice;
import dev.inspector.persistence.ChangeNotifications;
import dev.inspector.persistence.Database;
import dev.inspector.persistence.embedded.EmbeddedDatabase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An open connection with everything built on it. Closing it closes the pool and, for the embedded
 * database, stops the server.
 */
public final class Session implements AutoCloseable {

    private final Database database;
    private final EmbeddedDatabase embedded;
    private final ConnectionInfo info;
    private final SchemaReport schema;
    private final ReleaseControlService releaseControl;
    private final GateService gates;
    private final FlagCommands flagCommands;
    private final TenantCommands tenantCommands;
    private final ArchiveCommands archiveCommands;
    private final Rehearsal rehearsal = new Rehearsal();
    private final RestoreCommands restores;
    /** Names this console in change notifications, so it can tell its own changes from other consoles'. */
    private final String consoleId = java.util.UUID.randomUUID().toString();
    private final HistoryService history;
    private final AuditService audits;
    private final List<Consumer<ChangeNotice>> listeners = new CopyOnWriteArrayList<>();
    private ChangeNotifications notifications;

    Session(Database database, EmbeddedDatabase embedded, ConnectionInfo info, SchemaReport schema) {
        this.database = database;
        this.embedded = embedded;
        this.info = info;
        this.schema = schema;
        this.releaseControl = new ReleaseControlService(database, schema);
        this.gates = new GateService(database, schema);
        this.flagCommands = new FlagCommands(database, schema, FlagCommands.osUserName(), consoleId, rehearsal);
        this.tenantCommands = new TenantCommands(database, schema, FlagCommands.osUserName(), consoleId, rehearsal);
        this.archiveCommands = new ArchiveCommands(database, schema, FlagCommands.osUserName(), consoleId, rehearsal);
        this.restores = new RestoreCommands(database, FlagCommands.osUserName(), consoleId, rehearsal);
        this.history = new HistoryService(database);
        this.audits = new AuditService(database, info, FlagCommands.osUserName());
    }

    public ConnectionInfo info() {
        return info;
    }

    public SchemaReport schema() {
        return schema;
    }

    public ReleaseControlService releaseControl() {
        return releaseControl;
    }

    public GateService gates() {
        return gates;
    }

    public AuditService audits() {
        return audits;
    }

    public HistoryService history() {
        return history;
    }

    /** Writes on behalf of this console's operating-system user. */
    public FlagCommands flagCommands() {
        return flagCommands;
    }

    /**
     * Runs a write of this session as a dry run: it runs, its statements on the SaaS tables are
     * kept as SQL with the SQL that would undo them, and its transaction is rolled back — nothing
     * is written, nothing recorded, no other console told.
     */
    public DryRunPlan dryRun(java.util.function.Supplier<WriteOutcome> write) {
        rehearsal.begin();
        try {
            return rehearsal.end(write.get());
        } finally {
            rehearsal.abandon();
        }
    }

    /** A dry run of a write that returns something else than its outcome, such as a new flag. */
    public DryRunPlan dryRunOf(Runnable write) {
        rehearsal.begin();
        try {
            write.run();
            return rehearsal.endCounted();
        } finally {
            rehearsal.abandon();
        }
    }

    /** Grants of premium features to users, and moving tenants between channels. */
    public TenantCommands tenantCommands() {
        return tenantCommands;
    }

    /** Archiving flags out of the daily views, and bringing them back. */
    public ArchiveCommands archives() {
        return archiveCommands;
    }

    /**
     * Calls {@code listener} (on a background thread) whenever any console commits a change to this
     * database, this one included. The first call starts following changes and may take a few
     * seconds; call it off the UI thread.
     */
    public void onCommittedChange(Consumer<ChangeNotice> listener) {
        listeners.add(listener);
        synchronized (this) {
            if (notifications == null) {
                notifications = ChangeNotifications.start(database.settings(), notice -> listeners.forEach(l -> l.accept(notice)));
            }
        }
    }

    /** How changes by other consoles reach this one; STARTING until someone subscribed. */
    public synchronized ChangeFeed changeFeed() {
        return notifications == null ? ChangeFeed.STARTING : notifications.mode();
    }

    /** Restore, "to before the incident" and undo, on behalf of this console's operating-system user. */
    public RestoreCommands restores() {
        return restores;
    }

    public String consoleId() {
        return consoleId;
    }

    public Database database() {
        return database;
    }

    public Optional<EmbeddedDatabase> embedded() {
        return Optional.ofNullable(embedded);
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                if (notifications != null) {
                    notifications.close();
                }
            }
            database.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
