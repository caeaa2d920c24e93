package dev.inspector.persistence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;

/** A column's default value when it is a plain text literal, as the catalog states it. */
public final class ColumnDefaults {

    /** {@code 'general'::character varying}, {@code 'general'::text} or {@code 'general'}. */
    private static final Pattern LITERAL = Pattern.compile("^'((?:[^']|'')*)'(?:::[a-z ]+)?$");

    private ColumnDefaults() {
    }

    public static Optional<String> text(DSLContext dsl, String tableName, String column) {
        String expression = dsl.select(field(name("column_default"), String.class))
                .from(table(name("information_schema", "columns")))
                .where(field(name("table_schema")).eq("public"))
                .and(field(name("table_name")).eq(tableName))
                .and(field(name("column_name")).eq(column))
                .fetchOptional(0, String.class).orElse(null);
        if (expression == null) {
            return Optional.empty();
        }
        Matcher literal = LITERAL.matcher(expression.strip());
        return literal.matches() ? Optional.of(literal.group(1).replace("''", "'")) : Optional.empty();
    }
}
