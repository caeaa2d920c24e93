package dev.inspector.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.SnapshotLookup;
import dev.inspector.domain.wording.ExplanationText;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * explain reads only the rows that decide its question; what it prints must be what the whole
 * snapshot says, word for word: every tenant (by id and by name) × every flag, without a user and
 * with a user of the tenant, another tenant's user, a platform admin, by id and by e-mail.
 */
@ExtendWith(PostgresExtension.class)
class QuestionSnapshotsTest {

    @Test
    void theRowsThatDecideAQuestionAnswerItAsTheWholeSnapshotDoes(TestDatabase db) {
        GateSnapshot whole = new GateSnapshotRepository(db.dsl()).load();
        FeatureGate wholeGate = new FeatureGate(whole);
        int compared = 0;
        for (Tenant tenant : whole.tenants()) {
            List<Optional<String>> users = new ArrayList<>();
            users.add(Optional.empty());
            whole.users().stream().filter(u -> tenant.id().equals(u.tenantId())).limit(1)
                    .forEach(u -> users.add(Optional.of(u.email().toUpperCase())));
            whole.users().stream().filter(UserProfile::platformAdmin).findFirst()
                    .ifPresent(u -> users.add(Optional.of(u.id().toString())));
            whole.users().stream().filter(u -> u.tenantId() != null && !tenant.id().equals(u.tenantId())).findFirst()
                    .ifPresent(u -> users.add(Optional.of(u.email())));
            for (String typed : List.of(tenant.id().toString(), tenant.name())) {
                for (FeatureFlag flag : whole.flags()) {
                    for (Optional<String> user : users) {
                        GateSnapshot question = QuestionSnapshots.load(db.dsl(), true, true, typed, user, flag.key());
                        Tenant found = SnapshotLookup.tenant(question, typed).tenant().orElseThrow();
                        Optional<UserProfile> profile = user.map(u -> SnapshotLookup.user(question, u).profile().orElseThrow());
                        assertThat(ExplanationText.render(question, new FeatureGate(question), found, profile, flag.key()))
                                .as(typed + " / " + flag.key() + " / " + user)
                                .isEqualTo(ExplanationText.render(whole, wholeGate, tenant, profile, flag.key()));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(500);
    }

    @Test
    void whatDoesNotMatchIsAbsentSoTheLookUpSaysWhyAsEverywhere(TestDatabase db) {
        GateSnapshot whole = new GateSnapshotRepository(db.dsl()).load();
        for (String typed : List.of("a", "no such tenant", "Talbi", "00000000-0000-0000-0000-0000000000ff")) {
            GateSnapshot question = QuestionSnapshots.load(db.dsl(), true, true, typed, Optional.of("nobody@example.test"),
                    "no_such_flag");
            assertThat(SnapshotLookup.tenant(question, typed)).as(typed).isEqualTo(SnapshotLookup.tenant(whole, typed));
            assertThat(SnapshotLookup.user(question, "nobody@example.test").problem())
                    .isEqualTo(SnapshotLookup.user(whole, "nobody@example.test").problem());
            assertThat(question.findFlag("no_such_flag")).isEmpty();
        }
    }
}
