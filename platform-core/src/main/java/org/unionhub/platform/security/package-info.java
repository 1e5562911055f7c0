/** Who is calling: identity, roles and tenant memberships from the Keycloak token. */
package org.unionhub.platform.security;
