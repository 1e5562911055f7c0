/**
 * Tenant groups in Keycloak: the transactional outbox of tenant changes, the reconciler that makes
 * a tenant's group match the tenant, and its Keycloak admin-API implementation. See ADR 7.
 */
package org.unionhub.tenant.groups;
