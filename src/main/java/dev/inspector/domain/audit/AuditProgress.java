package dev.inspector.domain.audit;

/** Where a long audit reports what it is doing, and learns that the admin cancelled it. */
public interface AuditProgress {

    void step(String message, int done, int total);

    boolean cancelled();

    AuditProgress SILENT = new AuditProgress() {
        @Override
        public void step(String message, int done, int total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
