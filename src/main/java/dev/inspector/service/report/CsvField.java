package dev.inspector.service.report;

/**
 * One CSV field as RFC 4180 writes it: quoted when it holds a comma, a double quote, CR or LF
 * (inner quotes doubled), and also when it starts or ends with white space, which some readers
 * would trim. Text from the SaaS's users first goes through {@link SpreadsheetSafe}, so a
 * spreadsheet opening the file never runs it as a formula. Null is the empty field.
 */
public final class CsvField {

    private CsvField() {
    }

    /** The field as it goes between the commas. */
    public static String quote(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean quote = value.charAt(0) <= ' ' || value.charAt(value.length() - 1) <= ' ';
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** A text cell from untrusted data: spreadsheet-safe, then quoted. */
    public static String text(String value) {
        return quote(SpreadsheetSafe.cell(value));
    }
}
