package dev.inspector.domain.audit.rules;

import static dev.inspector.domain.audit.rules.Findings.list;
import static dev.inspector.domain.audit.rules.Findings.schema;

import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.FunctionFacts;
import dev.inspector.domain.audit.PolicyFacts;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.Severity;
import dev.inspector.domain.audit.TriggerFacts;
import dev.inspector.domain.audit.reading.Body;
import dev.inspector.domain.audit.reading.Readings;
import dev.inspector.domain.audit.sql.SqlText;
import dev.inspector.domain.audit.sql.SqlTokens.Token;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rights that functions lend. A SECURITY DEFINER function the API roles may call runs as its owner:
 * when that owner is exempt from RLS on tenant data the function touches and its body never narrows
 * what it touches to the caller, any caller reaches any tenant (high); when it does ask, the check needs review.
 * Functions that policies call, and definer functions, must not resolve an unqualified table name
 * through a search_path the caller can prepend a temporary table to. A definer trigger that writes
 * into another tenant relation without carrying the checked row's tenant writes where it is told.
 */
final class FunctionRules {

    private FunctionRules() {
    }

    static void evaluate(Readings readings, List<Finding> out) {
        Set<String> policyHelpers = policyHelpers(readings);
        for (FunctionFacts f : readings.facts().functions()) {
            if (!f.readable()) {
                continue;
            }
            Body body = Body.of(f.body(), readings);
            // the platform's own functions (auth, storage, …) are read as helpers but not judged as the product's RPCs
            boolean rpc = f.securityDefiner() && !f.executableBy().isEmpty() && !f.returnsTrigger() && !f.platform();
            if (rpc) {
                definer(f, body, readings, out);
            }
            boolean hijackable = f.unqualifiedNamesHijackable() && !body.unqualifiedRelations().isEmpty();
            boolean helper = policyHelpers.contains(f.signature());
            if (hijackable && (helper || rpc && !touchedTenantRelations(body, readings).isEmpty())) {
                out.add(schema("FN-SEARCH-PATH-HIJACK", Severity.HIGH, f.qualifiedName(),
                        "This function " + (helper ? "decides rows for a policy" : "runs as its owner over tenant data")
                                + " and names " + list(body.unqualifiedRelations()) + " without a schema, resolved through a search_path "
                                + "in which the caller's temporary tables come first: a caller creates one and chooses the answer.",
                        "search_path " + f.searchPath().map(p -> "= '" + p + "'").orElse("not pinned")
                                + "; unqualified " + list(body.unqualifiedRelations()),
                        "ALTER FUNCTION " + f.signature() + " SET search_path = ''; and qualify every name in its body."));
            } else if (rpc && f.searchPath().isEmpty()) {
                out.add(schema("FN-MUTABLE-SEARCH-PATH", Severity.MEDIUM, f.qualifiedName(),
                        "SECURITY DEFINER function without a fixed search_path: a caller can shadow the objects it uses.",
                        "proconfig has no search_path", "ALTER FUNCTION " + f.signature() + " SET search_path = '';"));
            }
        }
        for (RelationFacts r : readings.facts().relations()) {
            if (r.writableByApi()) {
                r.triggers().stream().filter(TriggerFacts::enabled)
                        .forEach(t -> trigger(r, t, readings, out));
            }
        }
    }

    private static void definer(FunctionFacts f, Body body, Readings readings, List<Finding> out) {
        List<RelationFacts> touched = touchedTenantRelations(body, readings);
        if (touched.isEmpty()) {
            return;
        }
        boolean ownerExempt = f.ownerBypassesRls() || touched.stream()
                .anyMatch(r -> !r.rlsEnabled() || r.owner().equals(f.owner()) && !r.rlsForced());
        if (!ownerExempt) {
            return; // its owner is bound by the same policies as the caller
        }
        String names = list(touched.stream().map(RelationFacts::qualifiedName).toList());
        String evidence = "prosecdef = true; owner " + f.owner() + (f.ownerBypassesRls() ? " bypasses RLS" : " is exempt")
                + "; EXECUTE for " + list(f.executableBy()) + "; touches " + names;
        if (readings.filtersByCaller(f)) {
            out.add(schema("FN-DEFINER-NEEDS-REVIEW", Severity.MEDIUM, f.qualifiedName(),
                    "SECURITY DEFINER function over " + names + " that the API roles may call: it runs past Row Level "
                            + "Security and checks the caller itself, which needs review.", evidence,
                    "Prefer SECURITY INVOKER; otherwise compare the tenant of every row with the caller's inside."));
        } else {
            out.add(schema("FN-DEFINER-NOT-BOUND", Severity.HIGH, f.qualifiedName(),
                    "SECURITY DEFINER function over " + names + " that " + list(f.executableBy()) + " may call: it runs with "
                            + "its owner's rights past Row Level Security and never narrows what it touches to the caller, so any caller reaches "
                            + "any tenant's rows through it.", evidence,
                    "ALTER FUNCTION " + f.signature() + " SECURITY INVOKER; or REVOKE EXECUTE ON FUNCTION " + f.signature()
                            + " FROM " + String.join(", ", f.executableBy().stream().sorted().map(SqlText::ident).toList()) + ";"));
        }
    }

    private static void trigger(RelationFacts r, TriggerFacts t, Readings readings, List<Finding> out) {
        Optional<FunctionFacts> function = readings.facts().function(t.functionSignature());
        if (function.isEmpty() || !function.get().readable() || !function.get().securityDefiner()) {
            return;
        }
        FunctionFacts f = function.get();
        Body body = Body.of(f.body(), readings);
        // Only writes its owner makes past RLS matter: elsewhere the owner's own policies still apply.
        List<RelationFacts> written = body.relationsWritten().stream()
                .map(name -> resolve(name, readings)).flatMap(Optional::stream)
                .filter(w -> w.holdsTenantData() && !w.qualifiedName().equals(r.qualifiedName()))
                .filter(w -> f.ownerBypassesRls() || !w.rlsEnabled() || w.owner().equals(f.owner()) && !w.rlsForced())
                .toList();
        if (written.isEmpty() || r.tenantColumn().map(body::usesNew).orElse(false)) {
            return;
        }
        out.add(schema("TRIGGER-DEFINER-NOT-BOUND", Severity.HIGH, function.get().qualifiedName(),
                "Trigger " + t.name() + " on " + r.qualifiedName() + " runs " + function.get().qualifiedName()
                        + " with its owner's rights and writes " + list(written.stream().map(RelationFacts::qualifiedName).toList())
                        + " without carrying the checked row's tenant (NEW." + r.tenantColumn().orElse("?")
                        + "): a user's write lands in whatever tenant the row's other columns name.",
                "prosecdef = true; owner " + function.get().owner() + "; writes " + list(body.relationsWritten()),
                "Make the trigger SECURITY INVOKER, or write only rows of NEW." + r.tenantColumn().orElse("tenant")
                        + " and check referenced rows belong to it."));
    }

    /** Every own function a policy of a tenant relation calls, and those they call in turn. */
    static Set<String> policyHelpers(Readings readings) {
        Deque<String> pending = new ArrayDeque<>();
        for (RelationFacts r : readings.facts().relations()) {
            for (PolicyFacts p : r.policies()) {
                calls(Body.of(p.using() + " " + p.withCheck(), readings).tokens(), readings).forEach(pending::add);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            String signature = pending.pop();
            if (seen.add(signature)) {
                readings.facts().function(signature).filter(FunctionFacts::readable)
                        .ifPresent(f -> calls(Body.of(f.body(), readings).tokens(), readings).forEach(pending::add));
            }
        }
        return seen;
    }

    private static List<String> calls(List<Token> tokens, Readings readings) {
        return java.util.stream.IntStream.range(0, tokens.size() - 1)
                .filter(i -> tokens.get(i).isName() && tokens.get(i + 1).is("("))
                .mapToObj(i -> readings.find(i >= 2 && tokens.get(i - 1).is(".") ? tokens.get(i - 2).text() : null,
                        tokens.get(i).text()))
                .flatMap(Optional::stream).map(FunctionFacts::signature).toList();
    }

    private static List<RelationFacts> touchedTenantRelations(Body body, Readings readings) {
        Set<String> names = new LinkedHashSet<>(body.relationsRead());
        names.addAll(body.relationsWritten());
        return names.stream().map(name -> resolve(name, readings)).flatMap(Optional::stream)
                .filter(RelationFacts::holdsTenantData).distinct().toList();
    }

    private static Optional<RelationFacts> resolve(String name, Readings readings) {
        int dot = name.indexOf('.');
        return dot < 0 ? readings.findRelation(null, name) : readings.findRelation(name.substring(0, dot), name.substring(dot + 1));
    }
}
