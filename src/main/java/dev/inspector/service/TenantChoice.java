package dev.inspector.service;

import java.util.UUID;

/**
 * A tenant the audit can impersonate.
 *
 * @param defaultPick whether a run with no tenants chosen impersonates it
 */
public record TenantChoice(UUID id, String name, boolean defaultPick) {
}
