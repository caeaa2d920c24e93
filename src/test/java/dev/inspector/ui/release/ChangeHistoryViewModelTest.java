package dev.inspector.ui.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.service.FlagCommands;
import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import dev.inspector.testing.DirectTaskRunner;
import dev.inspector.testing.QueuedUiExecutor;
import dev.inspector.testing.ScriptedDialogs;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.live.LiveGateData;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class ChangeHistoryViewModelTest {

    @Test
    void filtersByTextAndBySelectedFlagShowsRowsAndExportsSafeCsv(TestPostgres postgres, @TempDir Path dir)
            throws Exception {
        try (TestDatabase db = postgres.cloneDemo()) {
            FlagCommands alice = db.commands("alice");
            alice.setChannel("temperature_alerts", ReleaseChannel.INTERNAL, Optional.of(true), Optional.of(false), "pilot wants it");
            alice.create("invoice_export", "Invoice export", "", "=HYPERLINK(\"http://evil\",\"click\")");
            alice.setChannel("temperature_alerts", ReleaseChannel.INTERNAL, Optional.of(false), Optional.of(true), "+ go general");

            SessionState state = new SessionState();
            ScriptedDialogs dialogs = new ScriptedDialogs();
            DirectTaskRunner tasks = new DirectTaskRunner();
            LiveGateData live = new LiveGateData(tasks, state, new QueuedUiExecutor(), Clock.systemUTC());
            ChangeHistoryViewModel vm = new ChangeHistoryViewModel(tasks, state, dialogs, live);
            try (Session session = new SessionOpener().open(db.target(), m -> { })) {
                state.replace(session);

                assertThat(vm.visibleChanges()).extracting(c -> c.reason())
                        .containsExactly("+ go general", "=HYPERLINK(\"http://evil\",\"click\")", "pilot wants it");
                assertThat(vm.summaryProperty().get()).isEqualTo("3 changes");

                vm.filterTextProperty().set("PILOT");
                assertThat(vm.visibleChanges()).extracting(c -> c.flagKey()).containsExactly("temperature_alerts");
                assertThat(vm.summaryProperty().get()).isEqualTo("1 of 3 changes");
                vm.filterTextProperty().set("alice");
                assertThat(vm.visibleChanges()).hasSize(3);
                vm.filterTextProperty().set("");

                vm.flagKeyProperty().set("invoice_export");
                vm.onlySelectedFlagProperty().set(true);
                assertThat(vm.visibleChanges()).singleElement().satisfies(c -> assertThat(c.action()).isEqualTo("create"));
                vm.selectedChangeProperty().set(vm.visibleChanges().get(0));
                assertThat(vm.selectedRows()).hasSize(4).allSatisfy(r -> assertThat(r.before()).isNull());
                assertThat(vm.selectedRows()).extracting(r -> r.table())
                        .contains("feature_flags", "release_channel_feature_flags");

                vm.flagKeyProperty().set("temperature_alerts");
                assertThat(vm.visibleChanges()).hasSize(2);
                vm.onlySelectedFlagProperty().set(false);
                assertThat(vm.visibleChanges()).hasSize(3);

                Path file = dir.resolve("history.csv");
                vm.exportCsv(file);

                assertThat(vm.statusProperty().get()).isEqualTo("3 changes exported to history.csv.");
                assertThat(dialogs.shown).isEmpty();
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(text).as("RFC 4180 line ends").contains("\r\n");
                List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(new java.io.StringReader(text)).getRecords();
                assertThat(records).as("one line per written row: 1 + 4 + 1").hasSize(6);
                assertThat(records).extracting(r -> r.get("reason")).contains(
                        "'=HYPERLINK(\"http://evil\",\"click\")", "'+ go general", "pilot wants it");
                assertThat(records).extracting(r -> r.get("reason")).noneMatch(r -> r.startsWith("=") || r.startsWith("+"));
                CSVRecord pilot = records.get(records.size() - 1);
                assertThat(pilot.get("flag_key")).isEqualTo("temperature_alerts");
                assertThat(pilot.get("os_user")).isEqualTo("alice");
                assertThat(pilot.get("action")).as("switching a channel off is recorded as a rollback")
                        .isEqualTo("rollback:channel_off");
                assertThat(pilot.get("table")).isEqualTo("release_channel_feature_flags");
                assertThat(pilot.get("before")).contains("true");
                assertThat(pilot.get("after")).contains("false");
                assertThat(pilot.get("rows_in_change")).isEqualTo("1");
            }
        }
    }
}
