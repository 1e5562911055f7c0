package org.unionhub.tenant;

/**
 * CDI event fired, and observed synchronously, inside the transaction that deactivated or
 * reactivated a tenant: whatever follows the union (its people's access) changes in the same step.
 *
 * @param code the tenant
 * @param active whether it is active now
 */
public record TenantActivityChanged(String code, boolean active) {}
