package dev.inspector.domain.audit.rules;

import dev.inspector.domain.audit.RelationFacts;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tenants relation is a directory before it is tenant data: many products show every tenant's
 * name on purpose (a workspace switcher, a public profile). It becomes a leak when it holds more
 * than who a tenant is: billing, contacts, secrets. Columns are judged by the words in their names.
 */
final class Registry {

    private static final Set<String> SENSITIVE_WORDS = Set.of("email", "mail", "phone", "address", "billing", "stripe",
            "payment", "card", "iban", "vat", "tax", "invoice", "plan", "subscription", "customer", "secret", "token",
            "key", "password", "hash", "salt", "credit", "balance", "revenue", "contact", "ssn", "license", "notes");

    private Registry() {
    }

    /** Columns whose names say they hold more than a tenant's identity, e.g. billing_email, stripe_customer_id. */
    static Set<String> sensitiveColumns(RelationFacts registry) {
        Set<String> sensitive = new TreeSet<>();
        for (String column : registry.columns()) {
            boolean matches = Arrays.stream(column.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                    .anyMatch(SENSITIVE_WORDS::contains);
            if (matches) {
                sensitive.add(column);
            }
        }
        return sensitive;
    }
}
