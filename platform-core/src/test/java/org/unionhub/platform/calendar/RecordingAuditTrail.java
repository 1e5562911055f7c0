package org.unionhub.platform.calendar;

import java.util.ArrayList;
import java.util.List;
import org.unionhub.platform.audit.AuditTrail;

/** An audit trail that keeps its records in a list. */
final class RecordingAuditTrail implements AuditTrail {

  /** One record, as the port received it. */
  record Entry(
      String actor,
      String tenantCode,
      String subject,
      String action,
      String before,
      String after) {}

  final List<Entry> entries = new ArrayList<>();

  @Override
  public void record(
      String actor, String tenantCode, String subject, String action, String before, String after) {
    entries.add(new Entry(actor, tenantCode, subject, action, before, after));
  }
}
