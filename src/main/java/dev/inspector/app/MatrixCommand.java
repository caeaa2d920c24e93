package dev.inspector.app;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.MatrixResult;
import dev.inspector.service.Session;
import dev.inspector.service.report.SpreadsheetSafe;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code inspector matrix}: the effective server-gate state of every tenant × flag, as CSV. */
@Command(name = "matrix", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the effective server-gate state of every tenant x flag as CSV "
                + "(tenant_id, tenant_name, channel, flag_key, enabled, reason).")
final class MatrixCommand extends HeadlessCommand {

    static final String[] HEADER = {"tenant_id", "tenant_name", "channel", "flag_key", "enabled", "reason"};

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
        GateSnapshot snapshot = asOf == null ? session.gates().snapshot() : session.gates().snapshotAsOf(pastMoment(asOf));
        for (String key : flags) {
            if (snapshot.findFlag(key).isEmpty()) {
                throw badInput("No flag has the key '" + key + "'.");
            }
        }
        MatrixResult matrix = new FeatureGate(snapshot).computeMatrix();
        boolean toStdout = "-".equals(csv);
        long rows = toStdout ? write(matrix, out, false)
                : write(matrix, Files.newBufferedWriter(Path.of(csv), StandardCharsets.UTF_8), true);
        if (!quiet()) {
            spec.commandLine().getErr().println("Wrote " + rows + " rows to " + (toStdout ? "stdout" : csv) + ".");
        }
        return 0;
    }

    private long write(MatrixResult matrix, Writer target, boolean close) throws IOException {
        long rows = 0;
        CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(target);
        try {
            for (int t = 0; t < matrix.tenantCount(); t++) {
                Tenant tenant = matrix.tenant(t);
                if (!channels.isEmpty() && tenant.channel().map(c -> !channels.contains(c)).orElse(true)) {
                    continue;
                }
                for (int f = 0; f < matrix.flagCount(); f++) {
                    FeatureFlag flag = matrix.flag(f);
                    if (!flags.isEmpty() && !flags.contains(flag.key())) {
                        continue;
                    }
                    printer.printRecord(tenant.id(), SpreadsheetSafe.cell(tenant.name()), SpreadsheetSafe.cell(tenant.releaseChannel()), flag.key(),
                            matrix.enabled(t, f), matrix.decider(t, f));
                    rows++;
                }
            }
        } finally {
            if (close) {
                printer.close();
            } else {
                printer.flush();
            }
        }
        return rows;
    }
}
