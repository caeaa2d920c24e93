package dev.inspector.service.report;


import dev.inspector.domain.ChangeRecord;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The change history as CSV (RFC 4180, UTF-8): one line per written row, with its change set's
 * who, when, what and why repeated, so a spreadsheet filter on any column keeps whole facts.
 * Every text cell is spreadsheet-safe: reasons, names and JSON images are typed by people and must
 * not run as formulas when the file is opened.
 */
public final class HistoryCsv {

    static final String[] HEADER = {"change_id", "happened_at", "db_role", "os_user", "action", "flag_key",
        "reason", "rows_in_change", "table", "row_key", "before", "after"};

    private HistoryCsv() {
    }

    public static void write(List<ChangeRecord> changes, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(changes, out);
        }
    }

    public static void write(List<ChangeRecord> changes, Appendable out) throws IOException {
        CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out);
        for (ChangeRecord change : changes) {
            if (change.rows().isEmpty()) {
                printer.printRecord(head(change, null));
                continue;
            }
            for (ChangeRecord.RowChange row : change.rows()) {
                printer.printRecord(head(change, row));
            }
        }
        printer.flush();
    }

    private static Object[] head(ChangeRecord c, ChangeRecord.RowChange row) {
        return new Object[] {c.id(), c.happenedAt(), safe(c.dbRole()), safe(c.osUser()), safe(c.action()),
            safe(c.flagKey()), safe(c.reason()), c.rows().size(),
            row == null ? "" : safe(row.table()), row == null ? "" : safe(row.rowKey()),
            row == null ? "" : safe(row.before()), row == null ? "" : safe(row.after())};
    }

    private static String safe(String value) {
        return value == null ? "" : SpreadsheetSafe.cell(value);
    }
}
