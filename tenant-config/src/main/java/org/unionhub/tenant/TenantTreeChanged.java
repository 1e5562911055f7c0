package org.unionhub.tenant;

/**
 * CDI event fired inside a transaction that changed the tenant tree; observed after it commits.
 *
 * @param version the tree version the transaction wrote
 */
public record TenantTreeChanged(long version) {}
