/**
 * The tenant tree and its configuration, and the database schema (Liquibase changelogs) that holds
 * them. Fills the tenancy ports of platform-core.
 */
package org.unionhub.tenant;
