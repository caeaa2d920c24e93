package dev.inspector.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inspector.domain.audit.TenancyHints;
import dev.inspector.domain.audit.TenancyModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tenancy file says what the catalogs cannot; a typo in it is refused, never silently ignored. */
class TenancyConfigTest {

    @TempDir
    Path dir;

    @Test
    void everySettingOfTheFileReachesTheHints() throws Exception {
        Path file = Files.writeString(dir.resolve("tenancy.properties"), """
                # how this database separates tenants
                tenant-column = org_id
                tenants = core."Organisations"(id)
                membership = core.org_users(user_id, org_id)
                tenant-role = tenant_{slug}
                null-tenant-allowed = public.profiles, public.templates
                column.public.events = workspace_id
                """);

        TenancyHints hints = TenancyConfig.read(file);

        assertThat(hints.tenantColumn()).contains("org_id");
        assertThat(hints.tenants()).contains(new TenancyModel.RelationRef("core", "Organisations", "id"));
        assertThat(hints.membership()).contains(new TenancyModel.Membership("core", "org_users", "user_id", "org_id"));
        assertThat(hints.tenantRolePattern()).contains("tenant_{slug}");
        assertThat(hints.nullTenantAllowed()).containsExactlyInAnyOrder("public.profiles", "public.templates");
        assertThat(hints.columnPerRelation()).containsEntry("public.events", "workspace_id");
    }

    @Test
    void anUnknownSettingOrAnUnreadableFileIsOnePlainSentence() throws Exception {
        Path typo = Files.writeString(dir.resolve("typo.properties"), "tenant_column = org_id\n");

        assertThatThrownBy(() -> TenancyConfig.read(typo)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown setting 'tenant_column' in ");
        assertThatThrownBy(() -> TenancyConfig.read(dir.resolve("missing.properties")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Cannot read the tenancy file ");
    }
}
