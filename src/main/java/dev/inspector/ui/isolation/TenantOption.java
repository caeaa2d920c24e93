package dev.inspector.ui.isolation;

import dev.inspector.service.TenantChoice;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A row of the "impersonate" list: a tenant and whether the admin checked it. */
public final class TenantOption {

    private final TenantChoice tenant;
    private final BooleanProperty checked = new SimpleBooleanProperty(this, "checked");

    TenantOption(TenantChoice tenant) {
        this.tenant = tenant;
    }

    public TenantChoice tenant() {
        return tenant;
    }

    public BooleanProperty checkedProperty() {
        return checked;
    }

    /** The name, marked when a run without a choice would impersonate it. */
    public String label() {
        return tenant.name() + (tenant.defaultPick() ? "  · default" : "");
    }
}
