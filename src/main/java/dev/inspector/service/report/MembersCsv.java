package dev.inspector.service.report;

import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A tenant's members as CSV (RFC 4180, UTF-8), e.g. the pilot tenant's users to tell about a
 * pilot; names and emails are typed by people, so every cell is spreadsheet-safe.
 */
public final class MembersCsv {

    static final String[] HEADER = {"user_id", "full_name", "email", "tenant", "release_channel"};

    private MembersCsv() {
    }

    public static void write(Tenant tenant, List<UserProfile> members, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(tenant, members, out);
        }
    }

    public static void write(Tenant tenant, List<UserProfile> members, Appendable out) throws IOException {
        CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out);
        for (UserProfile member : members) {
            printer.printRecord(member.id(), SpreadsheetSafe.cell(member.fullName()), SpreadsheetSafe.cell(member.email()),
                    SpreadsheetSafe.cell(tenant.name()),
                    tenant.releaseChannel() == null ? "" : SpreadsheetSafe.cell(tenant.releaseChannel()));
        }
        printer.flush();
    }

    /** "Ada Lovelace <ada@example.com>" per line, for pasting into a mail's recipients. */
    public static String addresses(List<UserProfile> members) {
        StringBuilder text = new StringBuilder();
        for (UserProfile member : members) {
            String name = member.fullName().replace("\"", "'");
            text.append(member.email().isBlank() ? name : name.isBlank() ? member.email()
                    : "\"" + name + "\" <" + member.email() + ">").append('\n');
        }
        return text.toString();
    }
}
