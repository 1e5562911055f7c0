/**
 * Audit of administrative changes: the port platform services write to ({@link
 * org.unionhub.platform.audit.AuditTrail}) and the one admins read through ({@link
 * org.unionhub.platform.audit.AuditLog}).
 */
package org.unionhub.platform.audit;
