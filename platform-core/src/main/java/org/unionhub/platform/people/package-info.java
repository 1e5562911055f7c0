/**
 * People of the unions: the port through which tenant admins list, create and change the accounts
 * of their staff and admins (implemented by tenant-config, mirrored to Keycloak). See ADR 16.
 */
package org.unionhub.platform.people;
