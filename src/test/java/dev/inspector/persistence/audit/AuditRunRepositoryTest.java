package dev.inspector.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.audit.AuditRun;
import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.Coverage;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.Severity;
import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class AuditRunRepositoryTest {

    @Test
    void theSavedRunsListIsOneQueryWithEveryFindingInTheOrderItWasFound(TestDatabase db) throws Exception {
        try (Session migrated = new SessionOpener().open(db.target(), m -> { })) {
            AuditRunRepository writer = new AuditRunRepository(db.dsl());
            List<AuditRun> saved = new ArrayList<>();
            for (int run = 0; run < 30; run++) {
                int count = run % 4 * 3; // some runs found nothing
                List<Finding> findings = IntStream.range(0, count).mapToObj(i -> new Finding("CHECK-" + (count - i),
                        Severity.values()[i % Severity.values().length], CheckGroup.SCHEMA, "public.t" + i, "",
                        "finding " + i, "evidence " + i, "")).toList();
                saved.add(writer.save(OffsetDateTime.now(), "db", "admin", "tenant_id", Set.of(CheckGroup.SCHEMA),
                        "", false, findings, new Coverage(count, 0, Optional.empty())));
            }
            AtomicInteger queries = new AtomicInteger();
            DSLContext counted = db.dsl().configuration()
                    .derive(ExecuteListener.onExecuteStart(ctx -> queries.incrementAndGet())).dsl();

            List<AuditRun> recent = new AuditRunRepository(counted).recent(30);

            assertThat(queries).as("queries for 30 runs and their findings").hasValue(1);
            assertThat(recent).hasSize(30);
            assertThat(recent.get(0).id()).as("newest first").isEqualTo(saved.get(29).id());
            for (AuditRun run : recent) {
                AuditRun original = saved.stream().filter(s -> s.id() == run.id()).findFirst().orElseThrow();
                assertThat(run.findings()).as("run %d, in saved order", run.id()).isEqualTo(original.findings());
                assertThat(run.coverage()).isEqualTo(original.coverage());
            }
            assertThat(recent).anySatisfy(run -> assertThat(run.findings()).isEmpty());
        }
    }
}
