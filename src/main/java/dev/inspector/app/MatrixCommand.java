package dev.inspector.app;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.service.Session;
import dev.inspector.service.report.MatrixCsv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code inspector matrix}: the effective server-gate state of every tenant × flag, as CSV. */
@Command(name = "matrix", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the effective server-gate state of every tenant x flag as CSV "
                + "(tenant_id, tenant_name, channel, flag_key, enabled, reason).")
final class MatrixCommand extends HeadlessCommand {

    @Option(names = "--flag", paramLabel = "KEY", description = "Only these flags (repeatable).")
    List<String> flags = new ArrayList<>();

    @Option(names = "--channel", paramLabel = "CHANNEL",
            description = "Only tenants on these channels (repeatable): ${COMPLETION-CANDIDATES}.")
    Set<ReleaseChannel> channels = EnumSet.noneOf(ReleaseChannel.class);

    @Option(names = "--as-of", paramLabel = "WHEN", description = "The matrix as it was then (2026-12-01, "
            + "'2026-12-01 14:30', or with an offset), from the change history.")
    String asOf;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Where to write; '-' for stdout.")
    String csv;

    @Override
    int run(Session session, PrintWriter out) throws IOException {
        // now: the server gate's four tables only (no users, no grants); in the past: as it was then
        GateSnapshot snapshot = asOf == null ? session.gates().serverSnapshot()
                : session.gates().snapshotAsOf(pastMoment(asOf));
        for (String key : flags) {
            if (snapshot.findFlag(key).isEmpty()) {
                throw badInput("No flag has the key '" + key + "'.");
            }
        }
        int[] flagIndexes = IntStream.range(0, snapshot.flagCount())
                .filter(f -> flags.isEmpty() || flags.contains(snapshot.flag(f).key())).toArray();
        IntPredicate tenants = t -> channels.isEmpty()
                || snapshot.tenant(t).channel().map(channels::contains).orElse(false);
        boolean toStdout = "-".equals(csv);
        long rows;
        if (!toStdout) {
            try (OutputStream file = Files.newOutputStream(Path.of(csv))) {
                rows = MatrixCsv.write(snapshot, tenants, flagIndexes, file);
            }
        } else if (parent.stdout != null) {
            out.flush();
            rows = MatrixCsv.write(snapshot, tenants, flagIndexes, parent.stdout);
        } else {
            // a caller that captures the command's output as text (a test, an embedding program)
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            rows = MatrixCsv.write(snapshot, tenants, flagIndexes, text);
            out.write(text.toString(StandardCharsets.UTF_8));
            out.flush();
        }
        if (!quiet()) {
            spec.commandLine().getErr().println("Wrote " + rows + " rows to " + (toStdout ? "stdout" : csv) + ".");
        }
        return 0;
    }
}
