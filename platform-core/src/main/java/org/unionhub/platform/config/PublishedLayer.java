package org.unionhub.platform.config;

/**
 * A tenant's layer as published.
 *
 * @param tenantCode the tenant
 * @param number the version number within the tenant and module, from 1
 * @param versionId the platform-wide version id, increasing with every publish anywhere
 * @param layer the content
 */
public record PublishedLayer(String tenantCode, int number, long versionId, ConfigLayer layer) {}
