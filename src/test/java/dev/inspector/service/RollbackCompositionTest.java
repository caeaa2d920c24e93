package dev.inspector.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inspector.domain.ChangeKind;
import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.KillswitchAction;
import dev.inspector.domain.KillswitchState;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.RollbackOption;
import dev.inspector.domain.failure.StateChangedException;
import dev.inspector.persistence.ChangeHistoryReader;
import dev.inspector.persistence.FlagRepository;
import dev.inspector.testing.FlagRows;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rollbacks of the process compose, and Restore walks back through them to exactly the state
 * before the first: on the demo (whose tables carry timestamps the console never writes) and on a
 * database with exactly the reference document's tables.
 */
@ExtendWith(PostgresExtension.class)
class RollbackCompositionTest {

    /** A flag with channel rows on and an override on and one off, in each schema. */
    private static final java.util.Map<String, String> FLAG = java.util.Map.of("demo", "ai_load_matching",
            "reference", "live_map");

    private static TestDatabase database(TestPostgres postgres, String schema) {
        return schema.equals("demo") ? postgres.cloneDemo() : postgres.createReference();
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "reference"})
    void killKillChannelsOffOverrideAllOffThenRestoreUntilNothingIsLeftIsExactlyTheOriginal(String schema,
                                                                                           TestPostgres postgres) {
        try (TestDatabase db = database(postgres, schema)) {
            String key = FLAG.get(schema);
            FlagCommands alice = db.commands("alice");
            RestoreCommands restores = db.restores("alice");
            String original = FlagRows.of(db, key);

            WriteOutcome kill = alice.rollback(key, RollbackOption.KILLSWITCH, "incident 1");
            WriteOutcome again = alice.rollback(key, RollbackOption.KILLSWITCH, "incident 1, second console");
            WriteOutcome channels = alice.rollback(key, RollbackOption.CHANNELS_OFF, "belt");
            WriteOutcome overrides = alice.rollback(key, RollbackOption.OVERRIDE_ALL_OFF, "braces");

            assertThat(kill.changed()).isTrue();
            assertThat(again.changed()).as("killing a tripped flag changes nothing and is not recorded").isFalse();
            assertThat(again.message()).startsWith(key + " is tripped already since ").contains(", by alice (")
                    .endsWith("reason \u201cincident 1\u201d: nothing changed.");
            assertThat(channels.changed()).isTrue();
            assertThat(overrides.changed()).isTrue();
            assertThat(history(db, key)).extracting(ChangeRecord::action).containsExactly(
                    "rollback:override_all_off", "rollback:channels_off", "rollback:killswitch");

            assertThat(restores.next(key)).map(ChangeRecord::id).contains(overrides.changeId());
            assertThat(restores.restoreLatest(key, Optional.empty(), "").changed()).isTrue();
            assertThat(restores.next(key)).as("a second restore goes one step further back")
                    .map(ChangeRecord::id).contains(channels.changeId());
            assertThat(restores.restoreLatest(key, Optional.empty(), "").changed()).isTrue();
            assertThat(restores.restoreLatest(key, Optional.empty(), "").changed()).isTrue();
            WriteOutcome nothing = restores.restoreLatest(key, Optional.empty(), "");

            assertThat(nothing.changed()).isFalse();
            assertThat(nothing.message()).isEqualTo(key + " has no rollback left to restore: nothing changed.");
            assertThat(FlagRows.of(db, key)).as("byte for byte").isEqualTo(original);
            assertThat(history(db, key)).filteredOn(c -> c.kind() == ChangeKind.ROLLBACK)
                    .allSatisfy(c -> assertThat(c.restoredBy()).isPresent());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "reference"})
    void restoreToBeforeTheIncidentUndoesEveryRollbackInOneStep(String schema, TestPostgres postgres) {
        try (TestDatabase db = database(postgres, schema)) {
            String key = FLAG.get(schema);
            FlagCommands alice = db.commands("alice");
            String original = FlagRows.of(db, key);
            alice.rollback(key, RollbackOption.CHANNELS_OFF, "first");
            alice.rollback(key, RollbackOption.KILLSWITCH, "second");
            alice.rollback(key, RollbackOption.OVERRIDE_ALL_OFF, "third");
            int before = history(db, key).size();

            WriteOutcome restored = db.restores("bob").restoreIncident(key, "");

            assertThat(FlagRows.of(db, key)).isEqualTo(original);
            assertThat(history(db, key)).hasSize(before + 1);
            ChangeRecord change = history(db, key).get(0);
            assertThat(change.id()).isEqualTo(restored.changeId());
            assertThat(change.action()).isEqualTo("restore:incident");
            assertThat(change.osUser()).isEqualTo("bob");
            assertThat(change.reason()).startsWith("Restore to before the incident: changes ");
            assertThat(db.restores("bob").next(key)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "reference"})
    void theIncidentEndsAtTheLastChangeThatWasNotARollback(String schema, TestPostgres postgres) {
        try (TestDatabase db = database(postgres, schema)) {
            String key = FLAG.get(schema);
            FlagCommands alice = db.commands("alice");
            alice.rollback(key, RollbackOption.OVERRIDE_ALL_OFF, "old incident");
            FeatureFlag flag = new FlagRepository(db.dsl()).find(key).orElseThrow();
            alice.editText(flag, flag.name(), "described after the old incident", "docs");
            String afterTheWork = FlagRows.of(db, key);
            alice.rollback(key, RollbackOption.KILLSWITCH, "new incident");

            assertThat(db.restores("alice").incident(key)).extracting(ChangeRecord::reason)
                    .containsExactly("new incident");
            db.restores("alice").restoreIncident(key, "over");

            assertThat(FlagRows.of(db, key)).isEqualTo(afterTheWork);
            assertThat(db.restores("alice").next(key)).map(ChangeRecord::reason)
                    .as("Restore can still go further back, step by step").contains("old incident");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "reference"})
    void aRestoreWhoseRowsMovedOnIsRefusedWithWhatChangedAndWritesNothing(String schema, TestPostgres postgres) {
        try (TestDatabase db = database(postgres, schema)) {
            String key = FLAG.get(schema);
            WriteOutcome kill = db.commands("alice").rollback(key, RollbackOption.KILLSWITCH, "incident");
            db.execute("UPDATE public.feature_flags SET is_killswitch = false WHERE key = '" + key + "'"); // by hand
            String moved = FlagRows.of(db, key);

            assertThatThrownBy(() -> db.restores("alice").restoreLatest(key, Optional.of(kill.changeId()), "undo"))
                    .isInstanceOf(StateChangedException.class)
                    .hasMessage("Since change " + kill.changeId() + ", feature_flags row " + key + " moved on: "
                            + "is_killswitch is now false, the change left true. Nothing was restored; look at the "
                            + "history first.");
            assertThat(FlagRows.of(db, key)).isEqualTo(moved);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "reference"})
    void theKillswitchLifecycleIsExplicitAndRecorded(String schema, TestPostgres postgres) {
        try (TestDatabase db = database(postgres, schema)) {
            String armed = schema.equals("demo") ? "carrier_payments" : "payments";
            FlagCommands alice = db.commands("alice");
            Function<String, KillswitchState> state = k -> new FlagRepository(db.dsl()).find(k).orElseThrow()
                    .killswitchState();

            assertThat(alice.killswitch(armed, KillswitchAction.ARM, "again").message())
                    .isEqualTo(armed + " is armed already: nothing changed.");
            alice.killswitch(armed, KillswitchAction.TRIP, "payouts doubled");
            assertThat(state.apply(armed)).isEqualTo(KillswitchState.TRIPPED);
            assertThatThrownBy(() -> alice.killswitch(armed, KillswitchAction.DISARM, "no"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("un-trip it, or restore");
            alice.killswitch(armed, KillswitchAction.UNTRIP, "fixed");
            assertThat(state.apply(armed)).as("released, the default stays off").isEqualTo(KillswitchState.NONE);
            assertThatThrownBy(() -> alice.killswitch(armed, KillswitchAction.ARM, "re-arm"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs its global default on");
            assertThat(history(db, armed)).extracting(ChangeRecord::action)
                    .containsExactly("killswitch:untrip", "rollback:killswitch");
            assertThat(history(db, armed).get(0).kind()).isEqualTo(ChangeKind.KILLSWITCH);
        }
    }

    private static java.util.List<ChangeRecord> history(TestDatabase db, String key) {
        return new ChangeHistoryReader(db.dsl()).recent(Optional.of(key), 100);
    }
}
