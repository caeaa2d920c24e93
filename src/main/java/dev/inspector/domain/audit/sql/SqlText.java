package dev.inspector.domain.audit.sql;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identifiers and literals written into SQL the way PostgreSQL's {@code quote_ident} and
 * {@code quote_literal} (or {@code format('%I')} / {@code format('%L')}) write them, so a fix hint
 * pasted into psql runs exactly what it says, whatever a table is called.
 */
public final class SqlText {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    /**
     * The keywords quote_ident quotes: every one that is not unreserved (PostgreSQL's reserved,
     * type/function-name and column-name keywords). Quoting one more than needed is harmless.
     */
    private static final Set<String> KEYWORDS = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between",
            "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check", "coalesce",
            "collate", "collation", "column", "concurrently", "constraint", "create", "cross", "current_catalog",
            "current_date", "current_role", "current_schema", "current_time", "current_timestamp", "current_user",
            "dec", "decimal", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists",
            "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant", "greatest",
            "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout", "int", "integer",
            "intersect", "interval", "into", "is", "isnull", "join", "json", "json_array", "json_arrayagg",
            "json_object", "json_objectagg", "lateral", "leading", "least", "left", "like", "limit", "localtime",
            "localtimestamp", "merge_action", "national", "natural", "nchar", "none", "normalize", "not", "notnull",
            "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay",
            "placing", "position", "precision", "primary", "real", "references", "returning", "right", "row",
            "select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric",
            "system_user", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim",
            "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose", "when", "where",
            "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces",
            "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

    private SqlText() {
    }

    /** {@code orders} stays as it is; {@code Order Items}, {@code user} or {@code x; drop table t} are double-quoted. */
    public static String ident(String name) {
        if (PLAIN.matcher(name).matches() && !KEYWORDS.contains(name)) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** {@code schema.name}, each part quoted as needed. */
    public static String qualified(String schema, String name) {
        return ident(schema) + "." + ident(name);
    }

    /** A qualified name as the audit keeps it ("schema.name", split at the first dot) quoted for SQL. */
    public static String qualified(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        return dot < 0 ? ident(qualifiedName) : qualified(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }

    /** {@code 'it''s'}: a string literal, with backslashes written the E'' way as quote_literal does. */
    public static String literal(String value) {
        String quoted = "'" + value.replace("'", "''") + "'";
        return value.contains("\\") ? "E" + quoted.replace("\\", "\\\\") : quoted;
    }

    /** Lower-case for comparisons of unquoted names, the way PostgreSQL folds them. */
    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
