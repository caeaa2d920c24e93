package dev.inspector.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.audit.sql.SqlText;
import org.junit.jupiter.api.Test;

/** Fix hints quote like PostgreSQL's quote_ident and quote_literal, so pasting one runs what it says. */
class SqlTextTest {

    @Test
    void identifiersAreQuotedExactlyWhenPostgresWouldQuoteThem() {
        assertThat(SqlText.ident("orders")).isEqualTo("orders");
        assertThat(SqlText.ident("order_items2")).isEqualTo("order_items2");
        assertThat(SqlText.ident("Orders")).isEqualTo("\"Orders\"");
        assertThat(SqlText.ident("user")).isEqualTo("\"user\"");
        assertThat(SqlText.ident("order")).isEqualTo("\"order\"");
        assertThat(SqlText.ident("x; drop table public.tenants; --")).isEqualTo("\"x; drop table public.tenants; --\"");
        assertThat(SqlText.ident("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(SqlText.qualified("public.x; drop")).isEqualTo("public.\"x; drop\"");
    }

    @Test
    void literalsDoubleTheirQuotesAndEscapeBackslashesTheEWay() {
        assertThat(SqlText.literal("it's")).isEqualTo("'it''s'");
        assertThat(SqlText.literal("a\\b")).isEqualTo("E'a\\\\b'");
    }
}
