package dev.inspector.domain.audit.rules;

import dev.inspector.domain.audit.DatabaseFacts;
import dev.inspector.domain.audit.FunctionFacts;
import dev.inspector.domain.audit.PolicyFacts;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.RoleFacts;
import dev.inspector.domain.audit.TriggerFacts;
import dev.inspector.domain.audit.probe.ProbePlan;
import dev.inspector.domain.audit.reading.Body;
import dev.inspector.domain.audit.reading.Readings;
import dev.inspector.domain.audit.sql.SqlTokens.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides what the probes try, from the catalog facts alone: the probes then only execute the plan
 * and report counts. What a policy trusts is read from the policies and every helper they call, so
 * a setting read three functions deep is forged all the same.
 */
public final class ProbePlanner {

    /** The role end users act as when there is no role per tenant. */
    public static final String API_ROLE = "authenticated";

    private static final Set<String> ALL = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");
    private static final Set<String> COMMON_TENANT_KEYS = Set.of("tenant_id", "tenant", "org_id", "organization_id",
            "account_id", "workspace_id", "team_id", "company_id");
    private static final Pattern KEY = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern HEADER = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    /** Calls whose effects a rollback does not take back. */
    private static final Set<String> OUTSIDE_EFFECTS = Set.of("dblink", "dblink_exec", "dblink_send_query", "http",
            "http_get", "http_post", "http_put", "http_patch", "http_delete", "http_head", "pg_background_launch",
            "lo_export", "pg_file_write", "program");

    private ProbePlanner() {
    }

    /**
     * @param writes       whether write probes were asked for
     * @param triggersToo  whether to write even where a trigger may act outside the transaction
     * @param rolePerTenant whether each tenant acts as its own role (privileges are then the database's to check)
     */
    public static ProbePlan plan(DatabaseFacts facts, boolean writes, boolean triggersToo, boolean rolePerTenant) {
        Readings readings = new Readings(facts);
        List<ProbePlan.Target> reads = new ArrayList<>();
        List<ProbePlan.Target> writeTargets = new ArrayList<>();
        List<ProbePlan.Skip> skipped = new ArrayList<>();
        for (RelationFacts r : facts.tenantRelations()) {
            Set<String> privileges = rolePerTenant ? ALL : r.apiPrivileges().getOrDefault(API_ROLE, Set.of());
            Set<String> updatable = r.apiUpdatableColumns().getOrDefault(API_ROLE, Set.of());
            String updateColumn = rolePerTenant || updatable.contains(r.tenant()) || updatable.isEmpty()
                    ? r.tenant() : new TreeSet<>(updatable).first();
            ProbePlan.Target target = new ProbePlan.Target(r.qualifiedName(), r.tenant(), privileges, facts.isRegistry(r),
                    updateColumn, r.tenantColumnType());
            if (privileges.contains("SELECT") || anonReads(r)) {
                reads.add(target);
            }
            boolean writable = privileges.stream().anyMatch(p -> !p.equals("SELECT"));
            if (!writes || !writable) {
                continue;
            }
            Optional<String> outside = triggersToo ? Optional.empty() : outsideEffects(r, readings);
            if (outside.isPresent()) {
                skipped.add(new ProbePlan.Skip(r.qualifiedName(), outside.get()));
            } else {
                writeTargets.add(target);
            }
        }
        List<ProbePlan.Join> joins = writes && !rolePerTenant ? joins(facts, readings, skipped) : List.of();
        return new ProbePlan(reads, writeTargets, skipped, joins, forgery(facts, readings),
                rolePerTenant ? List.of() : escalation(facts));
    }

    private static boolean anonReads(RelationFacts r) {
        return r.allows("anon", "SELECT");
    }

    /** Relations where a user can write a row naming any tenant next to their own user id. */
    private static List<ProbePlan.Join> joins(DatabaseFacts facts, Readings readings, List<ProbePlan.Skip> skipped) {
        List<ProbePlan.Join> joins = new ArrayList<>();
        for (RelationFacts r : facts.relations()) {
            if (r.userColumns().isEmpty() || r.tenantishColumns().isEmpty() || facts.isRegistry(r)
                    || !readings.canWriteTenant(r, API_ROLE)) {
                continue;
            }
            if (skipped.stream().anyMatch(s -> s.relation().equals(r.qualifiedName()))) {
                continue;
            }
            boolean update = r.apiUpdatableColumns().getOrDefault(API_ROLE, Set.of()).stream()
                    .anyMatch(r.tenantishColumns()::contains);
            joins.add(new ProbePlan.Join(r.qualifiedName(), new TreeSet<>(r.userColumns()).first(),
                    List.copyOf(new TreeSet<>(r.tenantishColumns())), r.allows(API_ROLE, "INSERT"), update));
        }
        return joins;
    }

    /** Everything the policies (and the helpers they call) read that the caller can set. */
    private static ProbePlan.Forgery forgery(DatabaseFacts facts, Readings readings) {
        List<Body> bodies = new ArrayList<>();
        for (RelationFacts r : facts.relations()) {
            for (PolicyFacts p : r.policies()) {
                bodies.add(Body.of(p.using() + " " + p.withCheck(), readings));
            }
        }
        for (String signature : FunctionRules.policyHelpers(readings)) {
            facts.function(signature).filter(FunctionFacts::readable).ifPresent(f -> bodies.add(Body.of(f.body(), readings)));
        }
        Set<String> settings = new TreeSet<>();
        Set<String> headers = new TreeSet<>();
        Set<String> keys = new TreeSet<>(COMMON_TENANT_KEYS);
        facts.relations().forEach(r -> keys.addAll(r.tenantishColumns()));
        boolean raw = false;
        boolean metadata = false;
        for (Body body : bodies) {
            for (String setting : body.settings()) {
                if (setting.equals("request.headers")) {
                    body.strings().stream().filter(s -> HEADER.matcher(s).matches()).forEach(headers::add);
                    headers.add("x-tenant-id");
                } else if (!setting.startsWith("request.jwt.") && !setting.equals("request.cookies")) {
                    settings.add(setting);
                }
            }
            if (mentions(body, "user_metadata") || mentions(body, "raw_user_meta_data")) {
                metadata = true;
                body.strings().stream().filter(s -> KEY.matcher(s).matches()).forEach(keys::add);
            }
            raw |= mentions(body, "raw_user_meta_data");
        }
        return new ProbePlan.Forgery(settings, headers, keys, metadata, raw);
    }

    private static boolean mentions(Body body, String name) {
        return body.tokens().stream().anyMatch(t -> t.isName() && t.text().equals(name))
                || body.strings().contains(name);
    }

    /** Roles the API role may SET ROLE to that Row Level Security does not bind. */
    private static List<String> escalation(DatabaseFacts facts) {
        List<String> roles = new ArrayList<>();
        for (RoleFacts role : facts.roles()) {
            if (!role.becomeableBy().contains(API_ROLE)) {
                continue;
            }
            boolean ownsUnforced = role.owns().stream().map(facts::relation).flatMap(Optional::stream)
                    .anyMatch(r -> r.holdsTenantData() && !r.rlsForced());
            if (role.bypassesRls() || ownsUnforced) {
                roles.add(role.name());
            }
        }
        return roles;
    }

    /** Why writing into the relation might not be undone by the rollback, if a trigger could act outside it. */
    static Optional<String> outsideEffects(RelationFacts r, Readings readings) {
        for (TriggerFacts t : r.triggers()) {
            if (!t.enabled()) {
                continue;
            }
            Optional<FunctionFacts> f = readings.facts().function(t.functionSignature());
            if (f.isEmpty()) {
                continue; // a system trigger (foreign keys): inside the transaction
            }
            Optional<String> reason = outsideEffects(f.get(), readings, new HashSet<>());
            if (reason.isPresent()) {
                return Optional.of("trigger " + t.name() + " runs " + f.get().qualifiedName() + ", which " + reason.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> outsideEffects(FunctionFacts f, Readings readings, Set<String> seen) {
        if (!seen.add(f.signature())) {
            return Optional.empty();
        }
        if (!f.readable()) {
            return Optional.of("is written in " + f.language() + " and cannot be read");
        }
        List<Token> tokens = Body.of(f.body(), readings).tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isName() && OUTSIDE_EFFECTS.contains(token.text())
                    && (token.text().equals("program") || i + 1 < tokens.size() && tokens.get(i + 1).is("("))) {
                return Optional.of("calls " + token.text());
            }
            if (token.isName() && i + 1 < tokens.size() && tokens.get(i + 1).is("(")) {
                String schema = i >= 2 && tokens.get(i - 1).is(".") ? tokens.get(i - 2).text() : null;
                Optional<FunctionFacts> called = readings.find(schema, token.text());
                if (called.isPresent()) {
                    Optional<String> reason = outsideEffects(called.get(), readings, seen);
                    if (reason.isPresent()) {
                        return Optional.of("calls " + called.get().qualifiedName() + ", which " + reason.get());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
