package dev.inspector.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tenancy model is read from columns and foreign keys; what the admin gives is checked against them. */
class TenancyDetectionTest {

    private final List<ColumnFacts> columns = new ArrayList<>();

    private void column(String relation, String name, boolean pk, int pkSize, String references) {
        int dot = relation.indexOf('.');
        Optional<ColumnFacts.Target> target = Optional.ofNullable(references).map(r -> {
            String[] parts = r.split("\\.");
            return new ColumnFacts.Target(parts[0], parts[1], parts[2]);
        });
        columns.add(new ColumnFacts(relation.substring(0, dot), relation.substring(dot + 1), RelationKind.TABLE, name, true,
                target, pk, pkSize, "uuid"));
    }

    /** Accounts in their own schema, membership through account_user, app tables keyed by account_id. */
    private void starter() {
        column("auth.users", "id", true, 1, null);
        column("basejump.accounts", "id", true, 1, null);
        column("basejump.accounts", "name", false, 1, null);
        column("basejump.account_user", "user_id", true, 2, "auth.users.id");
        column("basejump.account_user", "account_id", true, 2, "basejump.accounts.id");
        column("public.projects", "id", true, 1, null);
        column("public.projects", "account_id", false, 1, "basejump.accounts.id");
        column("public.project_notes", "id", true, 1, null);
        column("public.project_notes", "account_id", false, 1, "basejump.accounts.id");
        column("public.events", "workspace", false, 0, "basejump.accounts.id");
        column("public.user_settings", "user_id", true, 1, "auth.users.id");
        column("public.user_settings", "account_id", false, 1, "basejump.accounts.id");
    }

    @Test
    void aStarterKitIsReadFromItsForeignKeys() {
        starter();

        TenancyModel model = TenancyDetection.detect(TenancyHints.detect(), columns);

        assertThat(model.tenantColumn()).isEqualTo("account_id");
        assertThat(model.tenants()).contains(new TenancyModel.RelationRef("basejump", "accounts", "id"));
        assertThat(model.membership()).contains(new TenancyModel.Membership("basejump", "account_user", "user_id", "account_id"));
        assertThat(model.columnFor("public.events")).as("another name, the same foreign key").isEqualTo("workspace");
        assertThat(model.columnFor("basejump.accounts")).as("the registry's tenant column is its key").isEqualTo("id");
        assertThat(model.tenantNameColumn()).contains("name");
        assertThat(model.notes()).anySatisfy(n -> assertThat(n).contains("referenced by 4 account_id"));
    }

    @Test
    void whatTheAdminGivesWinsAndIsCheckedAgainstTheCatalogs() {
        starter();

        TenancyModel model = TenancyDetection.detect(TenancyHints.detect()
                .withMembership("public.user_settings(user_id, account_id)"), columns);
        assertThat(model.membership()).contains(new TenancyModel.Membership("public", "user_settings", "user_id", "account_id"));

        assertThatThrownBy(() -> TenancyDetection.detect(TenancyHints.detect().withTenantColumn("acount_id"), columns))
                .hasMessage("No relation has a column 'acount_id'; columns that could name a tenant here: account_id.");
        assertThatThrownBy(() -> TenancyDetection.detect(TenancyHints.detect().withTenants("public.tenants(id)"), columns))
                .hasMessageContaining("There is no relation public.tenants");
        assertThatThrownBy(() -> TenancyDetection.detect(TenancyHints.detect()
                .withMembership("basejump.account_user(member_id, account_id)"), columns))
                .hasMessage("basejump.account_user has no column 'member_id'.");
        assertThatThrownBy(() -> TenancyHints.detect().withMembership("basejump.account_user"))
                .hasMessageContaining("must name its user column and its tenant column");
        assertThatThrownBy(() -> TenancyHints.detect().withTenantRoles("tenant_role"))
                .hasMessageContaining("names no tenant");
    }

    @Test
    void withoutAnyTenantColumnTheModelSaysSoAndFindsNoTenants() {
        column("public.notes", "id", true, 1, null);

        TenancyModel model = TenancyDetection.detect(TenancyHints.detect(), columns);

        assertThat(model.tenants()).isEmpty();
        assertThat(model.membership()).isEmpty();
        assertThat(model.describe()).contains("no tenants relation");
    }
}
