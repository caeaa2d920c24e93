package dev.inspector.domain.audit.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text (a policy expression as PostgreSQL prints it, a view definition, a SQL or
 * PL/pgSQL function body) into tokens: names (unquoted ones folded to lower case), string
 * literals, numbers and symbols. Comments are dropped; dollar-quoted bodies become one string.
 * Enough to read what an expression compares with what; not a parser of whole statements.
 */
public final class SqlTokens {

    /** What a token is. */
    public enum Kind { NAME, STRING, NUMBER, SYMBOL }

    /** One token; {@code text} of a NAME is folded unless it was quoted, of a STRING is its content. */
    public record Token(Kind kind, String text) {

        public boolean is(String symbolOrName) {
            return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equals(symbolOrName);
        }

        public boolean isName() {
            return kind == Kind.NAME;
        }
    }

    private static final String[] SYMBOLS = {"->>", "#>>", "::", "->", "#>", "<>", "!=", "<=", ">=", "||", "@>", "<@",
            "(", ")", ",", ".", ";", "=", "<", ">", "+", "-", "*", "/", "%", "[", "]", ":", "~", "!", "&", "|", "^", "?",
            "@", "#"};

    private SqlTokens() {
    }

    public static List<Token> of(String sql) {
        List<Token> tokens = new ArrayList<>();
        if (sql == null) {
            return tokens;
        }
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || (c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                int start = c == '\'' ? i + 1 : i + 2;
                StringBuilder text = new StringBuilder();
                int j = start;
                while (j < n) {
                    char d = sql.charAt(j);
                    if (d == '\'' && j + 1 < n && sql.charAt(j + 1) == '\'') {
                        text.append('\'');
                        j += 2;
                    } else if (d == '\'') {
                        break;
                    } else {
                        text.append(d);
                        j++;
                    }
                }
                tokens.add(new Token(Kind.STRING, text.toString()));
                i = Math.min(n, j + 1);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                int stop = end < 0 ? n : end;
                tokens.add(new Token(Kind.STRING, sql.substring(i + tag.length(), stop)));
                i = end < 0 ? n : end + tag.length();
            } else if (c == '"') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == '"' && j + 1 < n && sql.charAt(j + 1) == '"') {
                        text.append('"');
                        j += 2;
                    } else if (sql.charAt(j) == '"') {
                        break;
                    } else {
                        text.append(sql.charAt(j++));
                    }
                }
                tokens.add(new Token(Kind.NAME, text.toString()));
                i = Math.min(n, j + 1);
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                tokens.add(new Token(Kind.NAME, SqlText.fold(sql.substring(i, j))));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(i, j)));
                i = j;
            } else {
                String symbol = symbolAt(sql, i);
                tokens.add(new Token(Kind.SYMBOL, symbol));
                i += symbol.length();
            }
        }
        return tokens;
    }

    /** "$$" or "$body$" when a dollar quote starts at {@code i}; null otherwise (a $1 parameter). */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            if (j == i + 1 && Character.isDigit(sql.charAt(j))) {
                return null;
            }
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : null;
    }

    private static String symbolAt(String sql, int i) {
        for (String symbol : SYMBOLS) {
            if (sql.startsWith(symbol, i)) {
                return symbol;
            }
        }
        return String.valueOf(sql.charAt(i));
    }
}
