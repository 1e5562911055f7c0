package org.unionhub.platform.audit;

import java.util.List;

/**
 * One page of the audit trail, newest first.
 *
 * @param items the records
 * @param next the cursor of the next page, null on the last
 */
public record AuditPage(List<AuditEntry> items, AuditCursor next) {}
