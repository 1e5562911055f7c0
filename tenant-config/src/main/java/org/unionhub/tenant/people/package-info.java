/**
 * The people of the unions: staff and admins as tenant rows ({@link Person}), who may manage whom
 * ({@link PersonRules}), the use cases ({@link PeopleService}), and the outbox that mirrors each
 * account to a Keycloak user ({@link PersonSyncService}, {@link UserReconciler}). See ADR 16.
 */
package org.unionhub.tenant.people;
