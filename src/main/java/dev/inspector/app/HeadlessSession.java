package dev.inspector.app;

import dev.inspector.service.DatabaseTarget;
import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import java.io.PrintWriter;

/** Opens a session for a headless command; progress goes to stderr so stdout stays machine-readable. */
final class HeadlessSession {

    private HeadlessSession() {
    }

    static Session open(DatabaseTarget target, PrintWriter err, boolean quiet) {
        return new SessionOpener().open(target, message -> {
            if (!quiet) {
                err.println(message);
                err.flush();
            }
        });
    }
}
