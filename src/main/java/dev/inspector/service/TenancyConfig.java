package dev.inspector.service;

import dev.inspector.domain.audit.TenancyHints;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tenancy model from a small properties file, for databases whose catalogs do not tell it:
 * <pre>
 * tenant-column = org_id
 * tenants = core.organisations(id)
 * membership = core.org_users(user_id, org_id)
 * tenant-role = tenant_{slug}
 * null-tenant-allowed = public.profiles, public.templates
 * column.public.events = workspace_id
 * </pre>
 * Unknown keys are refused, so a typo never silently audits less.
 */
public final class TenancyConfig {

    private static final Set<String> KEYS = Set.of("tenant-column", "tenants", "membership", "tenant-role",
            "null-tenant-allowed");

    private TenancyConfig() {
    }

    public static TenancyHints read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the tenancy file " + file + ": " + e.getMessage() + ".");
        }
        TenancyHints hints = TenancyHints.detect();
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            String value = properties.getProperty(key).strip();
            if (key.startsWith("column.")) {
                hints = hints.withColumn(key.substring("column.".length()), value);
            } else if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown setting '" + key + "' in " + file + "; known: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ", column.<schema.table>.");
            }
        }
        hints = hints.withTenantColumn(properties.getProperty("tenant-column"))
                .withTenants(blankToNull(properties.getProperty("tenants")))
                .withMembership(blankToNull(properties.getProperty("membership")))
                .withTenantRoles(blankToNull(properties.getProperty("tenant-role")));
        String allowed = properties.getProperty("null-tenant-allowed");
        if (allowed != null) {
            hints = hints.withNullTenantAllowed(Arrays.stream(allowed.split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
        }
        return hints;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
