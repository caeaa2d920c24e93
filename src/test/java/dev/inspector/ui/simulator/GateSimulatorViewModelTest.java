package dev.inspector.ui.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.resolution.ReasonCode;
import dev.inspector.domain.resolution.Stage;
import dev.inspector.domain.resolution.TraceStep;
import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import dev.inspector.testing.DirectTaskRunner;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.live.LiveGateData;
import java.time.Clock;
import dev.inspector.ui.support.ProgressUpdate;
import dev.inspector.ui.support.TaskHandle;
import dev.inspector.ui.support.TaskRunner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class GateSimulatorViewModelTest {

    static final UUID NORTHWIND = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final UUID PRAIRIE = UUID.fromString("00000000-0000-0000-0000-000000000006");
    static final UUID AMIRA = UUID.fromString("00000000-0000-0000-0001-000000000001");
    static final UUID JONAS = UUID.fromString("00000000-0000-0000-0001-000000000002");
    static final UUID GRACE = UUID.fromString("00000000-0000-0000-0001-000000000009");
    static final UUID MARCUS = UUID.fromString("00000000-0000-0000-0001-000000000010");
    static final UUID OLIVIA = UUID.fromString("00000000-0000-0000-0001-000000000011");
    static final UUID CALEB = UUID.fromString("00000000-0000-0000-0001-000000000018");

    private final SessionState state = new SessionState();
    private final List<String> copied = new ArrayList<>();
    private final GateSimulatorViewModel vm = simulator(new DirectTaskRunner(), state);
    private Session session;

    private GateSimulatorViewModel simulator(TaskRunner tasks, SessionState sessionState) {
        GateSimulatorViewModel simulator = new GateSimulatorViewModel(tasks, sessionState, copied::add,
                new LiveGateData(tasks, sessionState, action -> { }, Clock.systemUTC()));
        simulator.shown();
        return simulator;
    }

    @BeforeEach
    void connect(TestDatabase db) {
        session = new SessionOpener().open(db.target(), m -> { });
        state.replace(session);
    }

    @AfterEach
    void disconnect() {
        state.replace(null);
        session.close();
    }

    @Test
    void loadsTheSnapshotWhenASessionArrives() {
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).isEqualTo("Snapshot: 10 tenants, 30 users, 15 flags");
        assertThat(vm.choices().tenants()).hasSize(10).extracting(Tenant::name).startsWith("Blue Ridge Haulage");
        assertThat(vm.choices().flagChoices()).hasSize(16).first().isEqualTo(FlagChoice.ALL);
        assertThat(vm.hintProperty().get()).startsWith("Pick a tenant");
    }

    @Test
    void usersOfferedForATenantAreItsMembersThenThePlatformAdmins() {
        pickTenant(NORTHWIND);

        assertThat(vm.choices().users()).extracting(UserOption::id).containsExactly(GRACE, MARCUS, OLIVIA, AMIRA, JONAS);
        assertThat(vm.choices().users()).extracting(UserOption::label).containsExactly(
                "Grace Whitfield <grace.whitfield@northwind-freight.example>",
                "Marcus Reed <marcus.reed@northwind-freight.example>",
                "Olivia Chen <olivia.chen@northwind-freight.example>",
                "Amira Haddad <amira.haddad@platform.example> · admin, not a member",
                "Jonas Berg <jonas.berg@platform.example> · admin, not a member");
        assertThat(vm.choices().selectedUserProperty().get().id()).as("the first member is preselected").isEqualTo(GRACE);

        pickTenant(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        assertThat(vm.choices().users()).extracting(UserOption::name)
                .as("Amira is a member of Default Tenant, so she is listed once, among the members")
                .containsExactly("Amira Haddad", "Lucas Moreau", "Priya Nair", "Jonas Berg")
                .doesNotContain("Grace Whitfield");
        assertThat(vm.choices().users()).filteredOn(u -> u.id().equals(AMIRA)).singleElement()
                .extracting(UserOption::label).asString().endsWith(" · admin");
    }

    @Test
    void aTrippedKillswitchBlocksBothGatesAndIsTheDecidingStep() {
        choose(PRAIRIE, CALEB, "fuel_card_sync");

        assertThat(vm.results().serverVerdictProperty().get().on()).isFalse();
        assertThat(vm.results().serverVerdictProperty().get().word()).isEqualTo("Blocked");
        assertThat(vm.results().serverVerdictProperty().get().reason()).isEqualTo(ReasonCode.KILLSWITCH_TRIPPED);
        assertThat(vm.results().serverVerdictProperty().get().openFeatureReason()).isEqualTo("DISABLED");
        assertThat(vm.results().uiVerdictProperty().get().reason()).as("despite Caleb's grant").isEqualTo(ReasonCode.KILLSWITCH_TRIPPED);
        TraceStep deciding = vm.results().trace().get(vm.results().trace().size() - 1);
        assertThat(deciding.stage()).isEqualTo(Stage.KILLSWITCH);
        assertThat(deciding.decided()).isTrue();
        assertThat(vm.results().trace()).filteredOn(TraceStep::decided).hasSize(1);
        assertThat(vm.results().channelRows()).as("no channel lifts a tripped killswitch")
                .allSatisfy(row -> assertThat(row.server().on()).isFalse());
    }

    @Test
    void graceIsAllowedInNorthwindByHerUserGrant() {
        choose(NORTHWIND, GRACE, "advanced_analytics");

        assertThat(vm.results().serverVerdictProperty().get().word()).isEqualTo("On");
        assertThat(vm.results().serverVerdictProperty().get().reason()).isEqualTo(ReasonCode.CHANNEL_DEFAULT);
        assertThat(vm.results().uiVerdictProperty().get().word()).isEqualTo("On");
        assertThat(vm.results().uiVerdictProperty().get().reason()).isEqualTo(ReasonCode.USER_GRANT);
        assertThat(vm.results().uiVerdictProperty().get().openFeatureReason()).isEqualTo("TARGETING_MATCH");
        assertThat(vm.results().trace().get(vm.results().trace().size() - 1).stage()).isEqualTo(Stage.USER_GRANT);
    }

    @Test
    void aMemberWithoutAGrantIsBlockedByTheUiGateOnly() {
        choose(NORTHWIND, OLIVIA, "advanced_analytics");

        assertThat(vm.results().serverVerdictProperty().get().on()).isTrue();
        assertThat(vm.results().uiVerdictProperty().get().on()).isFalse();
        assertThat(vm.results().uiVerdictProperty().get().reason()).isEqualTo(ReasonCode.NO_USER_GRANT);

        vm.choices().selectedUserProperty().set(option(MARCUS));
        assertThat(vm.results().uiVerdictProperty().get().reason()).as("Marcus's grant was revoked").isEqualTo(ReasonCode.GRANT_REVOKED);
    }

    @Test
    void channelDiffShowsAGeneralTenantWouldGetAPilotFlagOnPilot() {
        choose(PRAIRIE, AMIRA, "ai_load_matching");

        assertThat(vm.results().serverVerdictProperty().get().on()).isFalse();
        ChannelRow pilot = row(ReleaseChannel.PILOT);
        assertThat(pilot.current()).isFalse();
        assertThat(pilot.server().on()).isTrue();
        assertThat(pilot.serverChanges()).isTrue();
        assertThat(pilot.uiChanges()).as("Amira is a platform admin").isTrue();
        ChannelRow general = row(ReleaseChannel.GENERAL);
        assertThat(general.current()).isTrue();
        assertThat(general.channelLabel()).isEqualTo("general (current)");
        assertThat(general.serverChanges()).isFalse();

        pickTenant(NORTHWIND);
        vm.choices().selectedUserProperty().set(option(AMIRA));
        assertThat(vm.results().serverVerdictProperty().get().reason()).as("Northwind's ON override").isEqualTo(ReasonCode.TENANT_OVERRIDE);
        assertThat(vm.results().channelRows()).as("an override wins on every channel")
                .allSatisfy(row -> assertThat(row.serverChanges()).isFalse());
    }

    @Test
    void allFlagsModeListsEveryFlagAndShowsTheSelectedRowsTrace() {
        choose(NORTHWIND, GRACE, null);

        assertThat(vm.results().allFlagsModeProperty().get()).isTrue();
        assertThat(vm.results().simulationProperty().get()).isNull();
        assertThat(vm.results().flagRows()).hasSize(15);
        assertThat(vm.results().computingProperty().get()).isFalse();
        FlagRow fuel = vm.results().flagRows().stream().filter(r -> r.key().equals("fuel_card_sync")).findFirst().orElseThrow();
        assertThat(fuel.serverVerdict().reason()).isEqualTo(ReasonCode.KILLSWITCH_TRIPPED);
        FlagRow ai = vm.results().flagRows().stream().filter(r -> r.key().equals("ai_load_matching")).findFirst().orElseThrow();
        assertThat(ai.server().reason()).isEqualTo(ReasonCode.TENANT_OVERRIDE);
        assertThat(ai.ui().reason()).isEqualTo(ReasonCode.USER_GRANT);
        assertThat(vm.results().trace()).isEmpty();

        vm.results().selectedRowProperty().set(fuel);
        assertThat(vm.results().trace()).isNotEmpty();
        assertThat(vm.results().trace().get(vm.results().trace().size() - 1).stage()).isEqualTo(Stage.KILLSWITCH);
        assertThat(vm.results().traceTitleProperty().get()).contains("fuel_card_sync");
    }

    @Test
    void copyPutsTheWholeExplanationWithTheNumberedTraceOnTheClipboard() {
        choose(NORTHWIND, GRACE, "advanced_analytics");
        assertThat(vm.results().canCopyProperty().get()).isTrue();

        vm.copyResult();

        assertThat(copied).hasSize(1);
        String text = copied.get(0);
        // word for word in GateWordingGoldenTest; here: the parts a ticket needs are there
        assertThat(text).contains("Tenant  Northwind Freight Co. (" + NORTHWIND + "), channel general")
                .contains("User    Grace Whitfield <grace.whitfield@northwind-freight.example>")
                .contains("Flag    advanced_analytics (Advanced Analytics)")
                .contains("Server gate: ON  reason CHANNEL_DEFAULT, OpenFeature DEFAULT")
                .contains("UI gate: ON  reason USER_GRANT, OpenFeature TARGETING_MATCH")
                .containsPattern("  8\\. User grant +row tenant_feature_access\\(.*is_enabled = true  <- decided")
                .contains("  pilot     server ON      UI ON\n")
                .contains("  general   server ON      UI ON      (current)");
    }

    @Test
    void aTypedEmailFindsAUserWhoIsNotAMember() {
        pickTenant(NORTHWIND);
        vm.choices().selectedFlagProperty().set(new FlagChoice("advanced_analytics"));

        vm.choices().userQueryProperty().set("Ethan.Cole@blueridge-haulage.example");

        assertThat(vm.choices().userProblemProperty().get()).isEmpty();
        assertThat(vm.results().simulationProperty().get().userId()).isEqualTo(UUID.fromString("00000000-0000-0000-0001-000000000014"));
        assertThat(vm.results().uiVerdictProperty().get().reason()).isEqualTo(ReasonCode.USER_GRANT);
        assertThat(vm.results().trace()).anySatisfy(step -> assertThat(step.observed()).contains("is not a member"));

        vm.choices().userQueryProperty().set("nobody@example.com");
        assertThat(vm.choices().userProblemProperty().get()).isEqualTo("No user has the e-mail nobody@example.com.");
        assertThat(vm.results().simulationProperty().get()).isNull();
        assertThat(vm.results().canCopyProperty().get()).isFalse();

        vm.choices().userQueryProperty().set("");
        assertThat(vm.results().simulationProperty().get().userId()).as("back to the picked user").isEqualTo(GRACE);
    }

    @Test
    void refreshKeepsTheChoiceAndReadsNewRows(TestDatabase db) {
        choose(NORTHWIND, OLIVIA, "advanced_analytics");
        assertThat(vm.results().uiVerdictProperty().get().reason()).isEqualTo(ReasonCode.NO_USER_GRANT);
        db.execute("INSERT INTO public.tenant_feature_access (tenant_id, user_id, feature_key, is_enabled) VALUES ('"
                + NORTHWIND + "', '" + OLIVIA + "', 'advanced_analytics', true)");
        try {
            vm.refresh();

            assertThat(vm.choices().selectedTenantProperty().get().id()).isEqualTo(NORTHWIND);
            assertThat(vm.choices().selectedUserProperty().get().id()).isEqualTo(OLIVIA);
            assertThat(vm.results().uiVerdictProperty().get().reason()).isEqualTo(ReasonCode.USER_GRANT);
        } finally {
            db.execute("DELETE FROM public.tenant_feature_access WHERE user_id = '" + OLIVIA + "'");
        }
    }

    @Test
    void withoutAUserDirectoryUsersAreKnownByIdAndTheTraceSaysSo(TestDatabase db) {
        try (TestDatabase noProfiles = db.server().cloneDemo()) {
            noProfiles.execute("DROP TABLE public.profiles CASCADE");
            SessionState otherState = new SessionState();
            GateSimulatorViewModel other = simulator(new DirectTaskRunner(), otherState);
            try (Session session = new SessionOpener().open(noProfiles.target(), m -> { })) {
                otherState.replace(session);

                assertThat(other.errorProperty().get()).isEmpty();
                assertThat(other.summaryProperty().get()).isEqualTo("Snapshot: 10 tenants, no user directory, 15 flags");
                other.choices().selectedTenantProperty().set(other.choices().tenants().stream().filter(t -> t.id().equals(NORTHWIND))
                        .findFirst().orElseThrow());
                assertThat(other.choices().users()).as("the grant holders of the tenant, by id")
                        .extracting(UserOption::id).contains(GRACE);
                other.choices().selectedUserProperty().set(other.choices().users().stream().filter(u -> u.id().equals(GRACE))
                        .findFirst().orElseThrow());
                other.choices().selectedFlagProperty().set(new FlagChoice("advanced_analytics"));

                assertThat(other.results().uiVerdictProperty().get().on()).as("Grace holds a grant").isTrue();
                assertThat(other.results().trace()).extracting(TraceStep::observed).anySatisfy(line -> assertThat(line)
                        .contains("name and membership unknown, the database has no user directory"));

                other.choices().userQueryProperty().set("grace.whitfield@northwind-freight.example");
                assertThat(other.choices().userProblemProperty().get())
                        .isEqualTo("This database has no user directory (public.profiles): give the user's id.");
            }
        }
    }

    @Test
    void allFlagsAreComputedInTheBackgroundAndHandedOverInOneChange() {
        DeferredTaskRunner deferred = new DeferredTaskRunner();
        GateSimulatorViewModel slow = simulator(deferred, state);
        slow.refresh();
        assertThat(slow.hintProperty().get()).isEqualTo("Loading the gate tables…");
        deferred.runAll();
        List<Integer> changes = new ArrayList<>();
        slow.results().flagRows().addListener((javafx.collections.ListChangeListener<FlagRow>) c -> changes.add(slow.results().flagRows().size()));

        slow.choices().selectedTenantProperty().set(slow.choices().tenants().stream().filter(t -> t.id().equals(NORTHWIND)).findFirst().orElseThrow());
        slow.choices().selectedFlagProperty().set(FlagChoice.ALL);
        assertThat(slow.results().computingProperty().get()).isTrue();
        assertThat(slow.results().flagRows()).as("nothing computed on the calling thread").isEmpty();

        deferred.runAll();
        assertThat(slow.results().computingProperty().get()).isFalse();
        assertThat(slow.results().flagRows()).hasSize(15);
        assertThat(changes).containsExactly(15);
    }

    @Test
    void aSlowResultForAnEarlierChoiceIsDropped() {
        DeferredTaskRunner deferred = new DeferredTaskRunner();
        GateSimulatorViewModel slow = simulator(deferred, state);
        slow.refresh();
        deferred.runAll();
        slow.choices().selectedFlagProperty().set(FlagChoice.ALL);
        slow.choices().selectedTenantProperty().set(slow.choices().tenants().stream().filter(t -> t.id().equals(PRAIRIE)).findFirst().orElseThrow());
        slow.choices().selectedTenantProperty().set(slow.choices().tenants().stream().filter(t -> t.id().equals(NORTHWIND)).findFirst().orElseThrow());
        assertThat(slow.choices().selectedUserProperty().get().id()).isEqualTo(GRACE);

        deferred.runNewestFirst(); // Prairie's result arrives last

        assertThat(slow.results().flagRows()).hasSize(15);
        FlagRow analytics = slow.results().flagRows().stream().filter(r -> r.key().equals("advanced_analytics")).findFirst().orElseThrow();
        assertThat(analytics.ui().reason()).as("Grace at Northwind, not Prairie's first member").isEqualTo(ReasonCode.USER_GRANT);
    }

    @Test
    void fiveHundredFlagsAreListed(TestDatabase db) {
        try (TestDatabase big = db.server().cloneDemo()) {
            big.execute("INSERT INTO public.feature_flags (id, key, name, description, default_enabled, is_killswitch) "
                    + "SELECT gen_random_uuid(), 'bulk_flag_' || lpad(i::text, 3, '0'), 'Bulk ' || i, '', i % 2 = 0, false "
                    + "FROM generate_series(1, 485) AS i");
            SessionState bigState = new SessionState();
            GateSimulatorViewModel many = simulator(new DirectTaskRunner(), bigState);
            try (Session bigSession = new SessionOpener().open(big.target(), m -> { })) {
                bigState.replace(bigSession);
                many.choices().selectedTenantProperty().set(many.choices().tenants().get(0));
                many.choices().selectedFlagProperty().set(FlagChoice.ALL);

                assertThat(many.results().flagRows()).hasSize(500);
                assertThat(many.results().flagRows()).filteredOn(r -> r.key().equals("bulk_flag_002")).singleElement()
                        .satisfies(r -> assertThat(r.server().reason()).isEqualTo(ReasonCode.GLOBAL_DEFAULT));
            }
        }
    }

    private void choose(UUID tenant, UUID user, String flag) {
        pickTenant(tenant);
        vm.choices().selectedUserProperty().set(option(user));
        vm.choices().selectedFlagProperty().set(flag == null ? FlagChoice.ALL : new FlagChoice(flag));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.hintProperty().get()).isEmpty();
    }

    private void pickTenant(UUID id) {
        vm.choices().selectedTenantProperty().set(vm.choices().tenants().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow());
    }

    private UserOption option(UUID id) {
        return vm.choices().users().stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
    }

    private ChannelRow row(ReleaseChannel channel) {
        return vm.results().channelRows().stream().filter(r -> r.channel() == channel).findFirst().orElseThrow();
    }

    /** Holds work until the test runs it, like a worker thread that has not come round yet. */
    static final class DeferredTaskRunner implements TaskRunner {
        private final Deque<Runnable> queue = new ArrayDeque<>();
        private final DirectTaskRunner direct = new DirectTaskRunner();

        @Override
        public <T> TaskHandle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                                  Consumer<ProgressUpdate> onProgress) {
            queue.add(() -> direct.run(work, onSuccess, onFailure, onProgress));
            return new TaskHandle() {
                @Override
                public void cancel() {
                }

                @Override
                public boolean isDone() {
                    return false;
                }
            };
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.pollFirst().run();
            }
        }

        void runNewestFirst() {
            while (!queue.isEmpty()) {
                queue.pollLast().run();
            }
        }

        @Override
        public void shutdown() {
        }
    }
}
