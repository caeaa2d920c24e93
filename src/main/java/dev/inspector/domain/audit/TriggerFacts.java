package dev.inspector.domain.audit;

/** A trigger on a relation and the function it runs (its signature, as in {@link FunctionFacts}). */
public record TriggerFacts(String relation, String name, String functionSignature, boolean enabled) {
}
