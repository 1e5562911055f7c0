/**
 * The audit trail: append-only records of administrative changes, written in the transaction of the
 * change and read by admins within their reach. Implements platform-core's audit ports.
 */
package org.unionhub.tenant.audit;
