package dev.inspector.service.report;

/**
 * A text cell that a spreadsheet will not run as a formula: values starting with = + - @ or a
 * control character get a leading apostrophe (the OWASP "CSV injection" advice). Tenant names come
 * from the SaaS's users, so they are untrusted.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
