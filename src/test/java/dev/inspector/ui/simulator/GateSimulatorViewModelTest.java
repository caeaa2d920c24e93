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
        return new GateSimulatorViewModel(tasks, sessionState, copied::add,
                new LiveGateData(tasks, sessionState, action -> { }, Clock.systemUTC()));
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
        assertThat(vm.tenants()).hasSize(10).extracting(Tenant::name).startsWith("Blue Ridge Haulage");
        assertThat(vm.flagChoices()).hasSize(16).first().isEqualTo(FlagChoice.ALL);
        assertThat(vm.hintProperty().get()).startsWith("Pick a tenant");
    }

    @Test
    void usersOfferedForATenantAreItsMembersThenThePlatformAdmins() {
        pickTenant(NORTHWIND);

        assertThat(vm.users()).extracting(UserOption::id).containsExactly(GRACE, MARCUS, OLIVIA, AMIRA, JONAS);
        assertThat(vm.users()).extracting(UserOption::label).containsExactly(
                "Grace Whitfield <grace.whitfield@northwind-freight.example>",
                "Marcus Reed <marcus.reed@northwind-freight.example>",
                "Olivia Chen <olivia.chen@northwind-freight.example>",
                "Amira Haddad <amira.haddad@platform.example> · admin, not a member",
                "Jonas Berg <jonas.berg@platform.example> · admin, not a member");
        assertThat(vm.selectedUserProperty().get().id()).as("the first member is preselected").isEqualTo(GRACE);

        pickTenant(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        assertThat(vm.users()).extracting(UserOption::name)
                .as("Amira is a member of Default Tenant, so she is listed once, among the members")
                .containsExactly("Amira Haddad", "Lucas Moreau", "Priya Nair", "Jonas Berg")
                .doesNotContain("Grace Whitfield");
        assertThat(vm.users()).filteredOn(u -> u.id().equals(AMIRA)).singleElement()
                .extracting(UserOption::label).asString().endsWith(" · admin");
    }

    @Test
    void aTrippedKillswitchBlocksBothGatesAndIsTheDecidingStep() {
        choose(PRAIRIE, CALEB, "fuel_card_sync");

        assertThat(vm.serverVerdictProperty().get().on()).isFalse();
        assertThat(vm.serverVerdictProperty().get().word()).isEqualTo("Blocked");
        assertThat(vm.serverVerdictProperty().get().reason()).isEqualTo(ReasonCode.KILLSWITCH_TRIPPED);
        assertThat(vm.serverVerdictProperty().get().openFeatureReason()).isEqualTo("DISABLED");
        assertThat(vm.uiVerdictProperty().get().reason()).as("despite Caleb's grant").isEqualTo(ReasonCode.KILLSWITCH_TRIPPED);
        TraceStep deciding = vm.trace().get(vm.trace().size() - 1);
        assertThat(deciding.stage()).isEqualTo(Stage.KILLSWITCH);
        assertThat(deciding.decided()).isTrue();
        assertThat(vm.trace()).filteredOn(TraceStep::decided).hasSize(1);
        assertThat(vm.channelRows()).as("no channel lifts a tripped killswitch")
                .allSatisfy(row -> assertThat(row.server().on()).isFalse());
    }

    @Test
    void graceIsAllowedInNorthwindByHerUserGrant() {
        choose(NORTHWIND, GRACE, "advanced_analytics");

        assertThat(vm.serverVerdictProperty().get().word()).isEqualTo("On");
        assertThat(vm.serverVerdictProperty().get().reason()).isEqualTo(ReasonCode.CHANNEL_DEFAULT);
        assertThat(vm.uiVerdictProperty().get().word()).isEqualTo("On");
        assertThat(vm.uiVerdictProperty().get().reason()).isEqualTo(ReasonCode.USER_GRANT);
        assertThat(vm.uiVerdictProperty().get().openFeatureReason()).isEqualTo("TARGETING_MATCH");
        assertThat(vm.trace().get(vm.trace().size() - 1).stage()).isEqualTo(Stage.USER_GRANT);
    }

    @Test
    void aMemberWithoutAGrantIsBlockedByTheUiGateOnly() {
        choose(NORTHWIND, OLIVIA, "advanced_analytics");

        assertThat(vm.serverVerdictProperty().get().on()).isTrue();
        assertThat(vm.uiVerdictProperty().get().on()).isFalse();
        assertThat(vm.uiVerdictProperty().get().reason()).isEqualTo(ReasonCode.NO_USER_GRANT);

        vm.selectedUserProperty().set(option(MARCUS));
        assertThat(vm.uiVerdictProperty().get().reason()).as("Marcus's grant was revoked").isEqualTo(ReasonCode.GRANT_REVOKED);
    }

    @Test
    void channelDiffShowsAGeneralTenantWouldGetAPilotFlagOnPilot() {
        choose(PRAIRIE, AMIRA, "ai_load_matching");

        assertThat(vm.serverVerdictProperty().get().on()).isFalse();
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
        vm.selectedUserProperty().set(option(AMIRA));
        assertThat(vm.serverVerdictProperty().get().reason()).as("Northwind's ON override").isEqualTo(ReasonCode.TENANT_OVERRIDE);
        assertThat(vm.channelRows()).as("an override wins on every channel")
                .allSatisfy(row -> assertThat(row.serverChanges()).isFalse());
    }

    @Test
    void allFlagsModeListsEveryFlagAndShowsTheSelectedRowsTrace() {
        choose(NORTHWIND, GRACE, null);

        assertThat(vm.allFlagsModeProperty().get()).isTrue();
        assertThat(vm.simulationProperty().get()).isNull();
        assertThat(vm.flagRows()).hasSize(15);
        assertThat(vm.computingProperty().get()).isFalse();
        FlagRow fuel = vm.flagRows().stream().filter(r -> r.key().equals("fuel_card_sync")).findFirst().orElseThrow();
        assertThat(fuel.serverVerdict().reason()).isEqualTo(ReasonCode.KILLSWITCH_TRIPPED);
        FlagRow ai = vm.flagRows().stream().filter(r -> r.key().equals("ai_load_matching")).findFirst().orElseThrow();
        assertThat(ai.server().reason()).isEqualTo(ReasonCode.TENANT_OVERRIDE);
        assertThat(ai.ui().reason()).isEqualTo(ReasonCode.USER_GRANT);
        assertThat(vm.trace()).isEmpty();

        vm.selectedRowProperty().set(fuel);
        assertThat(vm.trace()).isNotEmpty();
        assertThat(vm.trace().get(vm.trace().size() - 1).stage()).isEqualTo(Stage.KILLSWITCH);
        assertThat(vm.traceTitleProperty().get()).contains("fuel_card_sync");
    }

    @Test
    void copyPutsTheWholeExplanationWithTheNumberedTraceOnTheClipboard() {
        choose(NORTHWIND, GRACE, "advanced_analytics");
        assertThat(vm.canCopyProperty().get()).isTrue();

        vm.copyResult();

        assertThat(copied).hasSize(1);
        String text = copied.get(0);
        assertThat(text).contains("Tenant: Northwind Freight Co. (" + NORTHWIND + "), channel general")
                .contains("User:   Grace Whitfield <grace.whitfield@northwind-freight.example>")
                .contains("Flag:   advanced_analytics")
                .contains("Server gate: On — Channel default (CHANNEL_DEFAULT), OpenFeature DEFAULT")
                .contains("UI gate:     On — User grant (USER_GRANT), OpenFeature TARGETING_MATCH")
                .contains("  1. Flag: feature_flags row 'advanced_analytics'")
                .contains("  2. Tenant: tenants row 'Northwind Freight Co.'")
                .containsPattern("  8\\. User grant: row tenant_feature_access\\(.*is_enabled = true \\[on\\]  <- decided")
                .contains("  pilot             On / On")
                .contains("  general (current) On / On");
    }

    @Test
    void aTypedEmailFindsAUserWhoIsNotAMember() {
        pickTenant(NORTHWIND);
        vm.selectedFlagProperty().set(new FlagChoice("advanced_analytics"));

        vm.userQueryProperty().set("Ethan.Cole@blueridge-haulage.example");

        assertThat(vm.userProblemProperty().get()).isEmpty();
        assertThat(vm.simulationProperty().get().userId()).isEqualTo(UUID.fromString("00000000-0000-0000-0001-000000000014"));
        assertThat(vm.uiVerdictProperty().get().reason()).isEqualTo(ReasonCode.USER_GRANT);
        assertThat(vm.trace()).anySatisfy(step -> assertThat(step.observed()).contains("is not a member"));

        vm.userQueryProperty().set("nobody@example.com");
        assertThat(vm.userProblemProperty().get()).isEqualTo("No user has the id or email 'nobody@example.com'.");
        assertThat(vm.simulationProperty().get()).isNull();
        assertThat(vm.canCopyProperty().get()).isFalse();

        vm.userQueryProperty().set("");
        assertThat(vm.simulationProperty().get().userId()).as("back to the picked user").isEqualTo(GRACE);
    }

    @Test
    void refreshKeepsTheChoiceAndReadsNewRows(TestDatabase db) {
        choose(NORTHWIND, OLIVIA, "advanced_analytics");
        assertThat(vm.uiVerdictProperty().get().reason()).isEqualTo(ReasonCode.NO_USER_GRANT);
        db.execute("INSERT INTO public.tenant_feature_access (tenant_id, user_id, feature_key, is_enabled) VALUES ('"
                + NORTHWIND + "', '" + OLIVIA + "', 'advanced_analytics', true)");
        try {
            vm.refresh();

            assertThat(vm.selectedTenantProperty().get().id()).isEqualTo(NORTHWIND);
            assertThat(vm.selectedUserProperty().get().id()).isEqualTo(OLIVIA);
            assertThat(vm.uiVerdictProperty().get().reason()).isEqualTo(ReasonCode.USER_GRANT);
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
                other.selectedTenantProperty().set(other.tenants().stream().filter(t -> t.id().equals(NORTHWIND))
                        .findFirst().orElseThrow());
                assertThat(other.users()).as("the grant holders of the tenant, by id")
                        .extracting(UserOption::id).contains(GRACE);
                other.selectedUserProperty().set(other.users().stream().filter(u -> u.id().equals(GRACE))
                        .findFirst().orElseThrow());
                other.selectedFlagProperty().set(new FlagChoice("advanced_analytics"));

                assertThat(other.uiVerdictProperty().get().on()).as("Grace holds a grant").isTrue();
                assertThat(other.trace()).extracting(TraceStep::observed).anySatisfy(line -> assertThat(line)
                        .contains("name and membership unknown, the database has no user directory"));

                other.userQueryProperty().set("grace.whitfield@northwind-freight.example");
                assertThat(other.userProblemProperty().get())
                        .isEqualTo("This database has no user directory (public.profiles): type the user's id.");
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
        slow.flagRows().addListener((javafx.collections.ListChangeListener<FlagRow>) c -> changes.add(slow.flagRows().size()));

        slow.selectedTenantProperty().set(slow.tenants().stream().filter(t -> t.id().equals(NORTHWIND)).findFirst().orElseThrow());
        slow.selectedFlagProperty().set(FlagChoice.ALL);
        assertThat(slow.computingProperty().get()).isTrue();
        assertThat(slow.flagRows()).as("nothing computed on the calling thread").isEmpty();

        deferred.runAll();
        assertThat(slow.computingProperty().get()).isFalse();
        assertThat(slow.flagRows()).hasSize(15);
        assertThat(changes).containsExactly(15);
    }

    @Test
    void aSlowResultForAnEarlierChoiceIsDropped() {
        DeferredTaskRunner deferred = new DeferredTaskRunner();
        GateSimulatorViewModel slow = simulator(deferred, state);
        slow.refresh();
        deferred.runAll();
        slow.selectedFlagProperty().set(FlagChoice.ALL);
        slow.selectedTenantProperty().set(slow.tenants().stream().filter(t -> t.id().equals(PRAIRIE)).findFirst().orElseThrow());
        slow.selectedTenantProperty().set(slow.tenants().stream().filter(t -> t.id().equals(NORTHWIND)).findFirst().orElseThrow());
        assertThat(slow.selectedUserProperty().get().id()).isEqualTo(GRACE);

        deferred.runNewestFirst(); // Prairie's result arrives last

        assertThat(slow.flagRows()).hasSize(15);
        FlagRow analytics = slow.flagRows().stream().filter(r -> r.key().equals("advanced_analytics")).findFirst().orElseThrow();
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
                many.selectedTenantProperty().set(many.tenants().get(0));
                many.selectedFlagProperty().set(FlagChoice.ALL);

                assertThat(many.flagRows()).hasSize(500);
                assertThat(many.flagRows()).filteredOn(r -> r.key().equals("bulk_flag_002")).singleElement()
                        .satisfies(r -> assertThat(r.server().reason()).isEqualTo(ReasonCode.GLOBAL_DEFAULT));
            }
        }
    }

    private void choose(UUID tenant, UUID user, String flag) {
        pickTenant(tenant);
        vm.selectedUserProperty().set(option(user));
        vm.selectedFlagProperty().set(flag == null ? FlagChoice.ALL : new FlagChoice(flag));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.hintProperty().get()).isEmpty();
    }

    private void pickTenant(UUID id) {
        vm.selectedTenantProperty().set(vm.tenants().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow());
    }

    private UserOption option(UUID id) {
        return vm.users().stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
    }

    private ChannelRow row(ReleaseChannel channel) {
        return vm.channelRows().stream().filter(r -> r.channel() == channel).findFirst().orElseThrow();
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
