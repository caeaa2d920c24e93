package dev.inspector.domain.audit.reading;

import dev.inspector.domain.audit.sql.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads one policy expression for what it means: its AND/OR structure is followed (a conjunct that
 * binds the tenant is enough under AND; every disjunct must under OR), and each comparison is read
 * for whether it ties the row's tenant column to a value derived from the caller, through helper
 * functions and sub-selects.
 */
public final class ClauseReader {

    private final String table;
    private final String tenantColumn;
    private final Sources sources;
    private final Sources.Executor executor;

    /**
     * @param table        the policy's table name (unqualified), as sub-selects refer to its columns
     * @param tenantColumn its tenant column; null for a relation without one (then USER is the best there is)
     */
    public ClauseReader(String table, String tenantColumn, Sources sources) {
        this(table, tenantColumn, sources, null);
    }

    /**
     * @param executor who the expression runs as: null for the caller (a policy), the owner for a
     *                 view without security_invoker, whose reads RLS may not narrow
     */
    public ClauseReader(String table, String tenantColumn, Sources sources, Sources.Executor executor) {
        this.table = Objects.requireNonNull(table);
        this.tenantColumn = tenantColumn;
        this.sources = Objects.requireNonNull(sources);
        this.executor = executor;
    }

    public Reading read(String expression) {
        List<Token> tokens = Scan.tokens(expression);
        if (tokens.isEmpty()) {
            return Reading.of(Strength.NONE);
        }
        return or(tokens, 0, tokens.size());
    }

    private Reading or(List<Token> t, int from, int to) {
        int[] range = stripParens(t, from, to);
        List<int[]> parts = split(t, range[0], range[1], "or");
        if (parts.size() > 1) {
            Reading result = null;
            for (int[] part : parts) {
                Reading r = and(t, part[0], part[1]);
                result = result == null ? r : result.or(r);
            }
            return result;
        }
        return and(t, range[0], range[1]);
    }

    private Reading and(List<Token> t, int from, int to) {
        int[] range = stripParens(t, from, to);
        List<int[]> parts = split(t, range[0], range[1], "and");
        if (parts.size() > 1) {
            Reading result = null;
            for (int[] part : parts) {
                Reading r = or(t, part[0], part[1]);
                result = result == null ? r : result.and(r);
            }
            return result;
        }
        int[] inner = stripParens(t, range[0], range[1]);
        if (inner[0] != range[0]) {
            return or(t, inner[0], inner[1]);
        }
        if (t.get(range[0]).is("not") && !(range[0] + 1 < range[1] && t.get(range[0] + 1).is("exists"))) {
            return Reading.of(Strength.NONE); // a negation admits what the inner clause does not: no binding
        }
        return atom(t.subList(range[0], range[1]));
    }

    /** One comparison (or function call, or EXISTS): what it ties the row to. */
    private Reading atom(List<Token> tokens) {
        if (tokens.size() == 1 && tokens.get(0).is("true")) {
            return Reading.of(Strength.NONE);
        }
        Scan scan = Scan.of(tokens, table, tenantColumn, sources, executor);
        Set<String> forgeable = scan.forgeable;
        boolean caller = scan.callerRefs > 0;
        if (!scan.tenantInFunction.isEmpty()) {
            if (scan.tenantInFunction.stream().allMatch(Objects::nonNull)) {
                // tenant_id only as an argument: the function decides what it is compared with
                String function = scan.tenantInFunction.get(0);
                int dot = function.indexOf('.');
                Reading inner = sources.function(dot < 0 ? null : function.substring(0, dot),
                        dot < 0 ? function : function.substring(dot + 1)).orElse(Reading.of(Strength.NONE));
                Strength strength = inner.strength().atLeast(Strength.CALLER_ONLY) || !inner.forgeable().isEmpty()
                        ? Strength.TENANT : Strength.NONE;
                return new Reading(strength, inner.forgeable(), inner.unreadable());
            }
            return new Reading(caller || !forgeable.isEmpty() ? Strength.TENANT : Strength.NONE, forgeable, scan.unreadable);
        }
        boolean otherColumns = !scan.rowColumns.isEmpty();
        if (otherColumns && (caller || !forgeable.isEmpty())) {
            return new Reading(Strength.USER, forgeable, scan.unreadable);
        }
        if (caller || !forgeable.isEmpty()) {
            return new Reading(Strength.CALLER_ONLY, forgeable, scan.unreadable);
        }
        return new Reading(Strength.NONE, Set.of(), scan.unreadable);
    }

    /** Drops parentheses around the whole range, unless they hold a sub-select. */
    private static int[] stripParens(List<Token> t, int from, int to) {
        while (to - from >= 2 && t.get(from).is("(") && matching(t, from) == to - 1
                && !(t.get(from + 1).is("select") || t.get(from + 1).is("with"))) {
            from++;
            to--;
        }
        return new int[] {from, to};
    }

    private static int matching(List<Token> t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            if (t.get(i).is("(")) {
                depth++;
            } else if (t.get(i).is(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The ranges between top-level occurrences of the keyword (BETWEEN … AND … kept together). */
    private static List<int[]> split(List<Token> t, int from, int to, String keyword) {
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int start = from;
        boolean between = false;
        for (int i = from; i < to; i++) {
            Token token = t.get(i);
            if (token.is("(")) {
                depth++;
            } else if (token.is(")")) {
                depth--;
            } else if (depth == 0 && token.is("between")) {
                between = true;
            } else if (depth == 0 && token.is(keyword)) {
                if (keyword.equals("and") && between) {
                    between = false;
                    continue;
                }
                parts.add(new int[] {start, i});
                start = i + 1;
            }
        }
        parts.add(new int[] {start, to});
        return parts;
    }
}
