package dev.inspector.domain.audit.reading;

import dev.inspector.domain.audit.sql.SqlTokens;
import dev.inspector.domain.audit.sql.SqlTokens.Token;
import java.util.List;
import java.util.Set;

/**
 * What a function body (or a view's query) touches: the relations it reads and writes, those it
 * names without a schema (resolved through search_path, where a caller's temporary table can stand
 * in), the settings it reads, and whether it uses a column of the NEW row of a trigger.
 */
public record Body(Set<String> relationsRead, Set<String> relationsWritten, Set<String> unqualifiedRelations,
                   Set<String> settings, List<Token> tokens) {

    public Body {
        relationsRead = Set.copyOf(relationsRead);
        relationsWritten = Set.copyOf(relationsWritten);
        unqualifiedRelations = Set.copyOf(unqualifiedRelations);
        settings = Set.copyOf(settings);
        tokens = List.copyOf(tokens);
    }

    public static Body of(String sql, Sources sources) {
        List<Token> tokens = SqlTokens.of(sql);
        Scan scan = Scan.of(tokens, null, null, sources, null);
        return new Body(scan.relationsRead, scan.relationsWritten, scan.unqualifiedRelations, scan.settings, tokens);
    }

    /** Whether it uses {@code NEW.column}: a trigger that copies the checked row's tenant stays in that tenant. */
    public boolean usesNew(String column) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).is("new") && tokens.get(i + 1).is(".") && tokens.get(i + 2).is(column)) {
                return true;
            }
        }
        return false;
    }

    /** The string literals it contains: keys a header or JSON lookup may use. */
    public Set<String> strings() {
        return tokens.stream().filter(t -> t.kind() == SqlTokens.Kind.STRING).map(Token::text)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
