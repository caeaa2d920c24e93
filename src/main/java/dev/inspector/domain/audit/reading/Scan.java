package dev.inspector.domain.audit.reading;

import dev.inspector.domain.audit.sql.SqlTokens;
import dev.inspector.domain.audit.sql.SqlTokens.Kind;
import dev.inspector.domain.audit.sql.SqlTokens.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One pass over tokens that collects what decides isolation: who is calling (auth.uid(),
 * auth.jwt(), the request's JWT settings, current_user, helpers that read them), what the caller
 * can forge (user_metadata, settings anyone may set, request headers, tables it writes), which
 * columns of the row it looks at (unqualified outside sub-selects, qualified with the table's name
 * inside), and inside which of the database's own functions each tenant-column reference sits.
 */
final class Scan {

    static final String USER_METADATA = "user_metadata in the JWT (users edit it themselves)";

    private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "and", "or", "not", "in", "is", "null",
            "true", "false", "any", "all", "some", "array", "exists", "case", "when", "then", "else", "end", "as",
            "cast", "distinct", "like", "ilike", "between", "join", "on", "left", "right", "inner", "outer", "full",
            "cross", "group", "by", "order", "limit", "offset", "having", "union", "intersect", "except", "with",
            "asc", "desc", "nulls", "first", "last", "lateral", "using", "filter", "over", "partition", "into",
            "values", "insert", "update", "delete", "set", "returning", "return", "begin", "declare", "if", "elsif",
            "loop", "for", "foreach", "perform", "execute", "raise", "exception", "notice", "coalesce", "nullif",
            "row", "current_date", "current_timestamp", "localtimestamp", "now", "interval", "only");
    private static final Set<String> CALLER_NAMES = Set.of("current_user", "session_user", "current_role", "user");
    private static final Set<String> AUTH_FUNCTIONS = Set.of("uid", "jwt", "email", "role");

    final List<String> rowColumns = new ArrayList<>();
    /** For each tenant-column reference, the innermost own function around it (null: none). */
    final List<String> tenantInFunction = new ArrayList<>();
    final Set<String> forgeable = new LinkedHashSet<>();
    final Set<String> unreadable = new LinkedHashSet<>();
    final Set<String> settings = new LinkedHashSet<>();
    final Set<String> relationsRead = new LinkedHashSet<>();
    final Set<String> relationsWritten = new LinkedHashSet<>();
    final Set<String> unqualifiedRelations = new LinkedHashSet<>();
    int callerRefs;
    /** Caller references where they narrow rows: in a WHERE, ON, HAVING, IF or WHEN condition. */
    int filterCallerRefs;

    private static final Set<String> FILTER_START = Set.of("where", "on", "having", "if", "elsif", "when", "while");
    private static final Set<String> FILTER_END = Set.of("set", "returning", "into", "then", "loop", "order", "group",
            "limit", "values", "insert", "update", "delete", "return");

    private record Frame(boolean subquery, String function) {
    }

    /**
     * @param table        the policy's table (its name qualifies row columns inside sub-selects); null for a function body
     * @param tenantColumn the tenant column of that table; null for a function body
     */
    static Scan of(List<Token> tokens, String table, String tenantColumn, Sources sources, Sources.Executor executor) {
        Scan scan = new Scan();
        Deque<Frame> frames = new ArrayDeque<>();
        boolean fromClause = false;
        int filterFrom = -1; // the parenthesis depth at which the current condition began; -1: none
        int mark = 0;
        boolean markFiltering = false;
        for (int i = 0; i < tokens.size(); i++) {
            if (markFiltering) {
                scan.filterCallerRefs += scan.callerRefs - mark;
            }
            Token t = tokens.get(i);
            Token prev = i > 0 ? tokens.get(i - 1) : null;
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (t.is(";")) {
                filterFrom = -1;
            } else if (t.isName() && FILTER_START.contains(t.text()) && filterFrom < 0) {
                filterFrom = frames.size();
            } else if (t.isName() && FILTER_END.contains(t.text()) && filterFrom == frames.size()) {
                filterFrom = -1;
            }
            mark = scan.callerRefs;
            markFiltering = filterFrom >= 0;
            if (t.is("(")) {
                boolean subquery = next != null && (next.is("select") || next.is("with"));
                frames.push(new Frame(subquery, ownFunctionBefore(tokens, i, sources)));
                fromClause = false;
                continue;
            }
            if (t.is(")")) {
                if (!frames.isEmpty()) {
                    frames.pop();
                }
                if (filterFrom > frames.size()) {
                    filterFrom = -1;
                }
                fromClause = false;
                continue;
            }
            if (t.kind() == Kind.STRING && isUserMetadata(t.text())) {
                scan.forgeable.add(USER_METADATA);
            }
            if (!t.isName()) {
                continue;
            }
            String name = t.text();
            if (name.equals("from") || name.equals("join") || name.equals("into") || name.equals("update")) {
                fromClause = true;
                boolean write = name.equals("into") || name.equals("update") || prev != null && prev.is("delete");
                int at = relationAt(tokens, i + 1, scan, sources, executor, write);
                if (at > i) {
                    i = at;
                }
                continue;
            }
            if (fromClause && prev != null && prev.is(",")) {
                int at = relationAt(tokens, i, scan, sources, executor, false);
                if (at >= i) {
                    i = at;
                    continue;
                }
            }
            if (Set.of("where", "on", "group", "order", "limit", "set", "values").contains(name)) {
                fromClause = false;
            }
            if (isUserMetadata(name)) {
                scan.forgeable.add(USER_METADATA);
                continue;
            }
            boolean call = next != null && next.is("(");
            boolean qualifier = next != null && next.is(".");
            boolean qualified = prev != null && prev.is(".");
            String owner = qualified && i >= 2 && tokens.get(i - 2).isName() ? tokens.get(i - 2).text() : null;
            if (call) {
                scan.call(owner, name, tokens, i, sources);
                continue;
            }
            if (!qualified && !qualifier && CALLER_NAMES.contains(name)) {
                scan.callerRefs++;
                continue;
            }
            if (qualifier || prev != null && prev.is("::") || KEYWORDS.contains(name)) {
                continue;
            }
            boolean inSubquery = frames.stream().anyMatch(Frame::subquery);
            boolean rowColumn = table != null && (qualified ? table.equals(owner) : !inSubquery);
            if (rowColumn) {
                scan.rowColumns.add(name);
                if (name.equals(tenantColumn)) {
                    scan.tenantInFunction.add(frames.stream().map(Frame::function).filter(f -> f != null)
                            .findFirst().orElse(null));
                }
            }
        }
        if (markFiltering) {
            scan.filterCallerRefs += scan.callerRefs - mark;
        }
        return scan;
    }

    private void call(String schema, String name, List<Token> tokens, int at, Sources sources) {
        if ("auth".equals(schema) && AUTH_FUNCTIONS.contains(name)) {
            callerRefs++;
            return;
        }
        if (name.equals("current_setting") || name.equals("set_config")) {
            Token argument = at + 2 < tokens.size() ? tokens.get(at + 2) : null;
            if (name.equals("current_setting") && argument != null && argument.kind() == Kind.STRING) {
                String setting = argument.text();
                settings.add(setting);
                if (setting.startsWith("request.jwt.")) {
                    callerRefs++; // claims of the verified token, set by the API server
                } else if (setting.equals("request.headers") || setting.equals("request.cookies")) {
                    forgeable.add("request " + setting.substring("request.".length()) + " (the client sends them)");
                } else {
                    forgeable.add("setting " + setting + " (any role can set it with set_config)");
                }
            }
            return;
        }
        if (name.equals("pg_has_role") || name.startsWith("has_")) {
            callerRefs++;
            return;
        }
        Optional<Reading> reading = sources.function(schema, name);
        if (reading.isPresent()) {
            Reading r = reading.get();
            if (r.strength().atLeast(Strength.CALLER_ONLY)) {
                callerRefs++;
            }
            forgeable.addAll(r.forgeable());
            unreadable.addAll(r.unreadable());
        }
    }

    /** Reads "name" or "schema.name" at {@code i}; returns the index of its last token, or i - 1 if none. */
    private static int relationAt(List<Token> tokens, int i, Scan scan, Sources sources, Sources.Executor executor,
                                  boolean write) {
        if (i >= tokens.size() || !tokens.get(i).isName() || KEYWORDS.contains(tokens.get(i).text())) {
            return i - 1;
        }
        String schema = null;
        String name = tokens.get(i).text();
        int last = i;
        if (i + 2 < tokens.size() && tokens.get(i + 1).is(".") && tokens.get(i + 2).isName()) {
            schema = name;
            name = tokens.get(i + 2).text();
            last = i + 2;
        }
        if (!write && last + 1 < tokens.size() && tokens.get(last + 1).is("(")) {
            return i - 1; // a set-returning function, read by call(); after INTO it is a column list
        }
        String qualified = schema == null ? name : schema + "." + name;
        (write ? scan.relationsWritten : scan.relationsRead).add(qualified);
        if (schema == null) {
            scan.unqualifiedRelations.add(name);
        }
        if (!write) {
            Sources.RelationTrust trust = sources.relation(schema, name);
            if (trust.callerFiltered() && (executor == null || executor.boundBy(trust))) {
                scan.callerRefs++;
            }
            trust.forgeableBecause().ifPresent(scan.forgeable::add);
        }
        return last;
    }

    /** The own function whose argument list the '(' at {@code i} opens, e.g. "public.can_view_tenant". */
    private static String ownFunctionBefore(List<Token> tokens, int i, Sources sources) {
        if (i == 0 || !tokens.get(i - 1).isName()) {
            return null;
        }
        String name = tokens.get(i - 1).text();
        String schema = i >= 3 && tokens.get(i - 2).is(".") && tokens.get(i - 3).isName() ? tokens.get(i - 3).text() : null;
        return sources.function(schema, name).isPresent() ? (schema == null ? name : schema + "." + name) : null;
    }

    private static boolean isUserMetadata(String text) {
        return text.equals("user_metadata") || text.equals("raw_user_meta_data");
    }

    Reading asFunctionReading() {
        return new Reading(callerRefs > 0 ? Strength.CALLER_ONLY : Strength.NONE, forgeable, unreadable);
    }

    static List<Token> tokens(String sql) {
        return SqlTokens.of(sql);
    }
}
