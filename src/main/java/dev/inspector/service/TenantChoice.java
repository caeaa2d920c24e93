package dev.inspector.service;

/**
 * A tenant the audit can impersonate, by its id as text (uuid, number or any key).
 *
 * @param defaultPick whether a run with no tenants chosen impersonates it
 */
public record TenantChoice(String id, String name, boolean defaultPick) {
}
