package dev.inspector.ui.isolation;

import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.service.AuditRequest;
import dev.inspector.service.TenantChoice;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** What the next audit run will do: which tenants it impersonates, which check groups, which tenant column. */
public final class AuditSetupViewModel {

    private final ObservableList<TenantOption> tenants =
            FXCollections.observableArrayList(t -> new Observable[] {t.checkedProperty()});
    private final ReadOnlyStringWrapper tenantHint = new ReadOnlyStringWrapper(this, "tenantHint", "");
    private final BooleanProperty schemaChecks = new SimpleBooleanProperty(this, "schemaChecks", true);
    private final BooleanProperty dataChecks = new SimpleBooleanProperty(this, "dataChecks", true);
    private final BooleanProperty readProbes = new SimpleBooleanProperty(this, "readProbes", true);
    private final BooleanProperty writeProbes = new SimpleBooleanProperty(this, "writeProbes", false);
    private final StringProperty tenantColumn = new SimpleStringProperty(this, "tenantColumn", "");
    private final BooleanBinding valid;

    AuditSetupViewModel() {
        tenants.addListener((javafx.collections.ListChangeListener<TenantOption>) change -> updateTenantHint());
        valid = Bindings.createBooleanBinding(this::isValid, schemaChecks, dataChecks, readProbes, writeProbes, tenantColumn);
        updateTenantHint();
    }

    /** Every tenant of the session; the checked ones are impersonated, none checked means the defaults. */
    public ObservableList<TenantOption> tenants() {
        return tenants;
    }

    /** Who a run impersonates with nothing checked, or how many are checked. */
    public ReadOnlyStringProperty tenantHintProperty() {
        return tenantHint.getReadOnlyProperty();
    }

    public BooleanProperty schemaChecksProperty() {
        return schemaChecks;
    }

    public BooleanProperty dataChecksProperty() {
        return dataChecks;
    }

    public BooleanProperty readProbesProperty() {
        return readProbes;
    }

    /** Opt-in: attempted writes into other tenants' data, always rolled back. */
    public BooleanProperty writeProbesProperty() {
        return writeProbes;
    }

    /** Blank: detected from the catalogs. */
    public StringProperty tenantColumnProperty() {
        return tenantColumn;
    }

    /** At least one check group, and a tenant column that is blank or a column name. */
    BooleanBinding validBinding() {
        return valid;
    }

    void showTenants(List<TenantChoice> choices) {
        tenants.setAll(choices.stream().map(TenantOption::new).toList());
    }

    AuditRequest request() {
        Set<CheckGroup> groups = EnumSet.noneOf(CheckGroup.class);
        if (schemaChecks.get()) {
            groups.add(CheckGroup.SCHEMA);
        }
        if (dataChecks.get()) {
            groups.add(CheckGroup.DATA);
        }
        if (readProbes.get()) {
            groups.add(CheckGroup.CROSS_TENANT_READ);
        }
        if (writeProbes.get()) {
            groups.add(CheckGroup.CROSS_TENANT_WRITE);
        }
        List<String> chosen = checked().stream().map(t -> t.tenant().id().toString()).toList();
        String column = blankColumn() ? null : tenantColumn.get().strip();
        return new AuditRequest(column, groups, chosen);
    }

    /** A data check per table and a probe per impersonated tenant: what fills a relation's bar. */
    int expectedStepsPerRelation(AuditRequest request) {
        long checked = checked().size();
        long impersonated = checked > 0 ? checked : tenants.stream().filter(t -> t.tenant().defaultPick()).count();
        boolean probes = request.groups().contains(CheckGroup.CROSS_TENANT_READ)
                || request.groups().contains(CheckGroup.CROSS_TENANT_WRITE);
        return (request.groups().contains(CheckGroup.DATA) ? 1 : 0) + (probes ? (int) Math.max(1, impersonated) : 0);
    }

    private List<TenantOption> checked() {
        return tenants.stream().filter(t -> t.checkedProperty().get()).toList();
    }

    private boolean blankColumn() {
        return tenantColumn.get() == null || tenantColumn.get().isBlank();
    }

    private boolean isValid() {
        boolean anyGroup = schemaChecks.get() || dataChecks.get() || readProbes.get() || writeProbes.get();
        return anyGroup && (blankColumn() || tenantColumn.get().strip().matches("[A-Za-z_][A-Za-z0-9_$]*"));
    }

    private void updateTenantHint() {
        List<String> checked = checked().stream().map(t -> t.tenant().name()).toList();
        if (!checked.isEmpty()) {
            tenantHint.set("Impersonates a member of " + checked.size() + (checked.size() == 1 ? " tenant." : " tenants."));
            return;
        }
        long defaults = tenants.stream().filter(t -> t.tenant().defaultPick()).count();
        tenantHint.set(defaults == 0 ? "No tenant has an ordinary member to impersonate."
                : "None checked: impersonates the " + defaults + " tenants marked default.");
    }
}
