/**
 * Mirrors memberships to Keycloak — the {@code member} realm role and the union's group — through
 * an outbox written in the membership's transaction, with retries (as docs/adr/0007 does for
 * groups).
 */
package org.unionhub.tenant.members;
