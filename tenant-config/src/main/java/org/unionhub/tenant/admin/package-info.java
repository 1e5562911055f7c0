/**
 * Tenant administration: the rules of the tenant tree and who may change it ({@link
 * org.unionhub.tenant.admin.TenantRules}, pure), and the use cases that apply them ({@link
 * org.unionhub.tenant.admin.TenantAdminService}, which fills platform-core's TenantAdministration
 * port).
 */
package org.unionhub.tenant.admin;
