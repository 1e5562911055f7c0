/**
 * UnionHub's providers inside Keycloak (deployed into its {@code providers/} folder by the build):
 * the set-up links of accounts that union admins create. See ADR 16.
 */
package org.unionhub.keycloak;
