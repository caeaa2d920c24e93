package dev.inspector.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowDiffTest {

    @Test
    void namesOnlyTheFieldsThatMovedWithTimestampsLast() {
        String before = "{\"enabled\": false, \"updated_at\": \"2025-01-01\", \"release_channel\": \"pilot\"}";
        String after = "{\"enabled\": true, \"updated_at\": \"2026-01-01\", \"release_channel\": \"pilot\"}";

        assertThat(RowDiff.describe(before, after)).isEqualTo("enabled: false → true; updated_at: 2025-01-01 → 2026-01-01");
    }

    @Test
    void newAndDeletedRowsShowTheirFieldsWithoutIdsAndStamps() {
        String row = "{\"id\": \"x\", \"feature_flag_id\": \"y\", \"enabled\": true, \"created_at\": \"2025\"}";

        assertThat(RowDiff.describe(null, row)).isEqualTo("new row: enabled = true");
        assertThat(RowDiff.describe(row, null)).isEqualTo("deleted: enabled = true");
    }

    @Test
    void textThatIsNotAJsonObjectIsShownAsItIs() {
        assertThat(RowDiff.describe("[1]", "{\"a\": 1}")).isEqualTo("[1] → {\"a\": 1}");
    }
}
