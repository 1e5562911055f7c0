/**
 * Tenancy context: the tenant tree as the runtime sees it (a port that tenant-config fills) and who
 * may see which tenants' data.
 */
package org.unionhub.platform.tenancy;
