package dev.inspector.ui.isolation;

import javafx.fxml.FXML;

/**
 * The Tenant Isolation tab. The audit itself is not built yet; the FXML says so plainly instead of
 * showing controls that do nothing.
 */
public final class TenantIsolationView {

    @FXML
    private void initialize() {
        // nothing to bind until the audit exists
    }
}
