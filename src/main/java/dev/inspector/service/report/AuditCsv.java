package dev.inspector.service.report;

import dev.inspector.domain.audit.AuditRun;
import dev.inspector.domain.audit.Finding;
import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An audit run as CSV: RFC 4180, one row per finding, a stable column set (documented in the
 * README), every text cell spreadsheet-safe. The caller opens the writer as UTF-8.
 */
public final class AuditCsv {

    public static final String[] COLUMNS = {"run_id", "time", "database", "check_id", "severity", "relation", "tenant",
        "finding", "evidence", "fix_hint"};

    private AuditCsv() {
    }

    public static void write(AuditRun run, Writer target) throws IOException {
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(COLUMNS).get().print(target)) {
            for (Finding f : run.findings()) {
                csv.printRecord(run.id(), run.startedAt(), SpreadsheetSafe.cell(run.database()), f.checkId(),
                        f.severity(), SpreadsheetSafe.cell(f.relation()), SpreadsheetSafe.cell(f.tenant()),
                        SpreadsheetSafe.cell(f.finding()), SpreadsheetSafe.cell(f.evidence()),
                        SpreadsheetSafe.cell(f.fixHint()));
            }
        }
    }
}
