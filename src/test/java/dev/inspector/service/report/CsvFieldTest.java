package dev.inspector.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The matrix export's own quoting, held to RFC 4180 by a parser that implements it, and to spreadsheet safety. */
class CsvFieldTest {

    private static final String ALPHABET = "ab ,\"\r\n\t=+-@'#;|é🚚";

    @Test
    void plainTextStaysBareAndTheSpecialCharactersAreQuotedAsRfc4180Says() {
        assertThat(CsvField.quote("Northwind Freight")).isEqualTo("Northwind Freight");
        assertThat(CsvField.quote("Acme, Inc.")).isEqualTo("\"Acme, Inc.\"");
        assertThat(CsvField.quote("The \"Best\"")).isEqualTo("\"The \"\"Best\"\"\"");
        assertThat(CsvField.quote("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(CsvField.quote(" padded ")).isEqualTo("\" padded \"");
        assertThat(CsvField.quote(null)).isEmpty();
        assertThat(CsvField.quote("")).isEmpty();
    }

    @Test
    void textThatASpreadsheetWouldRunGetsAnApostropheFirst() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(CsvField.text(formula)).as(formula).contains("'" + formula.charAt(0));
            assertThat(parseOne(CsvField.text(formula))).isEqualTo("'" + formula);
        }
        assertThat(CsvField.text("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    }

    @Test
    void anyTextComesBackFromAnRfc4180ParserAsItWasWritten() throws IOException {
        Random random = new Random(4180);
        List<List<String>> rows = new ArrayList<>();
        StringBuilder file = new StringBuilder();
        for (int r = 0; r < 2_000; r++) {
            List<String> row = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            for (int c = 0; c < 1 + random.nextInt(5); c++) {
                String value = randomText(random);
                row.add(value);
                fields.add(CsvField.quote(value));
            }
            rows.add(row);
            file.append(String.join(",", fields)).append("\r\n");
        }
        List<CSVRecord> parsed = CSVFormat.RFC4180.parse(new StringReader(file.toString())).getRecords();
        assertThat(parsed).hasSize(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            assertThat(parsed.get(r).toList()).as("row " + r).isEqualTo(rows.get(r));
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(12);   // not empty: an empty single field is an empty line, which RFC 4180 leaves open
        while (text.length() < length) {
            text.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
        }
        return text.toString();
    }

    private static String parseOne(String field) {
        try {
            return CSVFormat.RFC4180.parse(new StringReader(field + "\r\n")).getRecords().get(0).get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
