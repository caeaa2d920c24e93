package dev.inspector.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.audit.reading.ClauseReader;
import dev.inspector.domain.audit.reading.Reading;
import dev.inspector.domain.audit.reading.Readings;
import dev.inspector.domain.audit.reading.Strength;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Policy clauses are read for what they bind, through the helper functions they call. */
class ClauseReaderTest {

    private static FunctionFacts sql(String schema, String name, String body) {
        return new FunctionFacts(schema, name, schema + "." + name + "()", "sql", false, "postgres", true, Optional.empty(),
                body, Set.of("authenticated"), false, false);
    }

    private final Readings readings = new Readings(new DatabaseFacts(
            new TenancyModel("tenant_id", Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Set.of(), List.of()),
            List.of(), Set.of("authenticated"), List.of(),
            List.of(sql("auth", "tenant_id", "SELECT nullif(auth.jwt() -> 'app_metadata' ->> 'tenant_id', '')::uuid"),
                    sql("public", "current_tenant_id", "SELECT auth.tenant_id()"),
                    sql("public", "meta_tenant", "SELECT (auth.jwt() -> 'user_metadata' ->> 'tenant_id')::uuid"),
                    sql("public", "answer", "SELECT 42")),
            List.of()));

    private Reading read(String clause) {
        return new ClauseReader("orders", "tenant_id", readings).read(clause);
    }

    @Test
    void theTenantColumnComparedWithTheCallerBindsTheTenantThroughAnyNumberOfHelpers() {
        assertThat(read("(tenant_id = auth.tenant_id())").strength()).isEqualTo(Strength.TENANT);
        assertThat(read("(tenant_id = ( SELECT current_tenant_id() AS current_tenant_id))").strength()).isEqualTo(Strength.TENANT);
        assertThat(read("((status = 'open'::text) AND (tenant_id = auth.tenant_id()))").strength()).isEqualTo(Strength.TENANT);
    }

    @Test
    void clausesThatAdmitEveryRowBindNothing() {
        assertThat(read("true").strength()).isEqualTo(Strength.NONE);
        assertThat(read("(tenant_id IS NOT NULL)").strength()).isEqualTo(Strength.NONE);
        assertThat(read("(tenant_id = answer())").strength()).isEqualTo(Strength.NONE);
        assertThat(read("((tenant_id = auth.tenant_id()) OR true)").strength()).isEqualTo(Strength.NONE);
        assertThat(read("(auth.uid() IS NOT NULL)").strength()).isEqualTo(Strength.CALLER_ONLY);
        assertThat(read("(created_by = auth.uid())").strength()).isEqualTo(Strength.USER);
    }

    @Test
    void whatTheCallerCanForgeTravelsWithTheBindingEvenInsideAHelper() {
        Reading reading = read("(tenant_id = meta_tenant())");
        assertThat(reading.strength()).isEqualTo(Strength.TENANT);
        assertThat(reading.trusted()).isFalse();
        assertThat(read("(tenant_id = (current_setting('app.tenant_id'::text))::uuid)").forgeable())
                .singleElement().asString().contains("app.tenant_id");
        assertThat(read("(tenant_id = (((auth.jwt() -> 'app_metadata'::text) ->> 'tenant_id'::text))::uuid)").trusted()).isTrue();
    }
}
