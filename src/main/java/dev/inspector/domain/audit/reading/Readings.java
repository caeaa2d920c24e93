package dev.inspector.domain.audit.reading;

import dev.inspector.domain.audit.DatabaseFacts;
import dev.inspector.domain.audit.FunctionFacts;
import dev.inspector.domain.audit.PolicyFacts;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.RoleFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The readings of one database, computed once and remembered: what each function returns with
 * respect to the caller, what each relation's policies admit per command and role, and whether a
 * relation read in a sub-select is already narrowed to the caller or writable by the caller. Cycles
 * (a policy reading a table whose policy reads the first) end in "unreadable", never in a loop.
 */
public final class Readings implements Sources {

    /** The commands the reading distinguishes; "UPDATE-CHECK" is the new row of an UPDATE. */
    public static final List<String> COMMANDS = List.of("SELECT", "INSERT", "UPDATE", "UPDATE-CHECK", "DELETE");

    private final DatabaseFacts facts;
    private final Map<String, List<FunctionFacts>> functionsByName = new HashMap<>();
    private final Map<String, Reading> functionMemo = new HashMap<>();
    private final Map<String, Sources.RelationTrust> trustMemo = new HashMap<>();
    private final Map<String, Reading> policyMemo = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    public Readings(DatabaseFacts facts) {
        this.facts = facts;
        facts.functions().forEach(f -> functionsByName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f));
    }

    public DatabaseFacts facts() {
        return facts;
    }

    // --- functions --------------------------------------------------------------------------------

    @Override
    public Optional<Reading> function(String schemaOrNull, String name) {
        return find(schemaOrNull, name).map(this::function);
    }

    /** What a function's result depends on: CALLER_ONLY when on who calls, NONE when not. */
    public Reading function(FunctionFacts function) {
        String key = "f:" + function.signature();
        Reading known = functionMemo.get(key);
        if (known != null) {
            return known;
        }
        if (!function.readable()) {
            return remember(functionMemo, key, new Reading(Strength.NONE, Set.of(),
                    Set.of("function " + function.qualifiedName() + " (language " + function.language() + ")")));
        }
        if (!inProgress.add(key)) {
            return new Reading(Strength.NONE, Set.of(), Set.of("function " + function.qualifiedName() + " (calls itself)"));
        }
        try {
            // A definer function reads with its owner's rights: another table's RLS narrows only what binds the owner.
            Scan scan = Scan.of(Scan.tokens(function.body()), null, null, this, executor(function));
            return remember(functionMemo, key, scan.asFunctionReading());
        } finally {
            inProgress.remove(key);
        }
    }

    /**
     * Whether a function narrows what it touches to the caller: the caller (directly, through a
     * helper, or through a relation whose RLS binds the function) appears in a WHERE, ON, IF or WHEN,
     * not merely in a value it writes or returns.
     */
    public boolean filtersByCaller(FunctionFacts function) {
        if (!function.readable()) {
            return false;
        }
        return Scan.of(Scan.tokens(function.body()), null, null, this, executor(function)).filterCallerRefs > 0;
    }

    private static Sources.Executor executor(FunctionFacts function) {
        return function.securityDefiner() ? new Sources.Executor(function.owner(), function.ownerBypassesRls()) : null;
    }

    public Optional<FunctionFacts> find(String schemaOrNull, String name) {
        List<FunctionFacts> candidates = functionsByName.getOrDefault(name, List.of());
        if (schemaOrNull != null) {
            return candidates.stream().filter(f -> f.schema().equals(schemaOrNull)).findFirst();
        }
        return candidates.stream().filter(f -> f.schema().equals("public")).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    // --- relations ----------------------------------------------------------------------------------

    @Override
    public Sources.RelationTrust relation(String schemaOrNull, String name) {
        Optional<RelationFacts> relation = findRelation(schemaOrNull, name);
        if (relation.isEmpty()) {
            return Sources.RelationTrust.NEUTRAL;
        }
        String key = relation.get().qualifiedName();
        Sources.RelationTrust known = trustMemo.get(key);
        if (known != null) {
            return known;
        }
        if (!inProgress.add("t:" + key)) {
            return Sources.RelationTrust.NEUTRAL;
        }
        try {
            return remember(trustMemo, key, trust(relation.get()));
        } finally {
            inProgress.remove("t:" + key);
        }
    }

    /**
     * A relation read in a sub-select is narrowed to the caller when its RLS lets each API role
     * read only the caller's rows; it is a forgeable source when an API role can write its tenant
     * columns without the write being bound to the tenant (joining another tenant by itself).
     */
    private Sources.RelationTrust trust(RelationFacts r) {
        boolean filtered = r.rlsEnabled() && !facts.apiRoles().isEmpty() && facts.apiRoles().stream().allMatch(role ->
                !r.apiInheritsOwner().contains(role) && policy(r, "SELECT", role).strength().atLeast(Strength.USER));
        Optional<String> writable = facts.apiRoles().stream()
                .filter(role -> canWriteTenant(r, role))
                .findFirst()
                .map(role -> r.qualifiedName() + " (" + role + " can write which tenant a row names)");
        return new Sources.RelationTrust(filtered, writable, r.owner(), r.rlsForced());
    }

    /** Whether the role may insert or update rows of the relation naming any tenant it likes. */
    public boolean canWriteTenant(RelationFacts r, String role) {
        if (r.tenantishColumns().isEmpty()) {
            return false;
        }
        boolean rlsBypassed = !r.rlsEnabled() || r.apiInheritsOwner().contains(role);
        boolean insert = r.allows(role, "INSERT")
                && (rlsBypassed || !policy(r, "INSERT", role).strength().atLeast(Strength.TENANT)
                        && hasPermissive(r, "INSERT", role));
        boolean update = r.apiUpdatableColumns().getOrDefault(role, Set.of()).stream()
                .anyMatch(r.tenantishColumns()::contains)
                && (rlsBypassed || !policy(r, "UPDATE-CHECK", role).strength().atLeast(Strength.TENANT)
                        && hasPermissive(r, "UPDATE", role));
        return insert || update;
    }

    public Optional<RelationFacts> findRelation(String schemaOrNull, String name) {
        return facts.relations().stream()
                .filter(r -> r.name().equals(name) && (schemaOrNull == null ? r.schema().equals("public")
                        || facts.relations().stream().noneMatch(o -> o.name().equals(name) && o.schema().equals("public"))
                        : r.schema().equals(schemaOrNull)))
                .findFirst();
    }

    // --- policies -------------------------------------------------------------------------------------

    /**
     * What a relation's policies admit for one command and role: restrictive policies are AND-ed
     * over the OR of the permissive ones; without a permissive policy nothing is admitted (TENANT,
     * the strongest). UPDATE-CHECK is the new row of an UPDATE, checked with WITH CHECK or, without
     * one, with USING.
     */
    public Reading policy(RelationFacts r, String command, String role) {
        String key = r.qualifiedName() + "|" + command + "|" + role;
        Reading known = policyMemo.get(key);
        if (known != null) {
            return known;
        }
        if (!inProgress.add("p:" + key)) {
            return new Reading(Strength.NONE, Set.of(), Set.of("policies of " + r.qualifiedName() + " (they refer to each other)"));
        }
        try {
            ClauseReader reader = new ClauseReader(r.name(), r.tenantColumn().orElse(null), this);
            String governed = command.equals("UPDATE-CHECK") ? "UPDATE" : command;
            Reading permissive = null;
            Reading restrictive = null;
            for (PolicyFacts p : applicable(r, governed, role)) {
                String clause = clause(p, command);
                Reading reading = clause.isEmpty() ? Reading.of(Strength.NONE) : reader.read(clause);
                if (p.permissive()) {
                    permissive = permissive == null ? reading : permissive.or(reading);
                } else {
                    restrictive = restrictive == null ? reading : restrictive.and(reading);
                }
            }
            Reading result = permissive == null ? Reading.of(Strength.TENANT)
                    : restrictive == null ? permissive : restrictive.and(permissive);
            return remember(policyMemo, key, result);
        } finally {
            inProgress.remove("p:" + key);
        }
    }

    /** The policies that apply to the role for the command: named for it, for PUBLIC, or for a role it is a member of. */
    public List<PolicyFacts> applicable(RelationFacts r, String command, String role) {
        return r.policies().stream()
                .filter(p -> p.governs(command))
                .filter(p -> p.appliesToPublic() || p.roles().contains(role) || p.roles().stream().anyMatch(granted ->
                        facts.roles().stream().anyMatch(rf -> rf.name().equals(granted) && rf.inheritedBy().contains(role))))
                .toList();
    }

    private boolean hasPermissive(RelationFacts r, String command, String role) {
        return applicable(r, command, role).stream().anyMatch(PolicyFacts::permissive);
    }

    /** The expression a command is checked with. */
    static String clause(PolicyFacts p, String command) {
        // Without WITH CHECK, new rows are checked with USING (only FOR ALL and FOR UPDATE policies have both).
        return switch (command) {
            case "INSERT", "UPDATE-CHECK" -> p.withCheck().isEmpty() ? p.using() : p.withCheck();
            default -> p.using();
        };
    }

    /** Roles an API role can become or inherit, for the role rules. */
    public List<RoleFacts> roles() {
        return facts.roles();
    }

    private static <V> V remember(Map<String, V> memo, String key, V value) {
        memo.put(key, value);
        return value;
    }
}
