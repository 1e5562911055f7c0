package org.unionhub.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import org.unionhub.platform.audit.AuditTrail;

/**
 * Interim {@link AuditTrail}: writes each record to the server log (category {@code
 * org.unionhub.audit}) so that the application deploys and changes leave a trace until the
 * append-only audit table replaces this class. It is not durable and not tamper-proof: remove it
 * when the table-backed implementation is merged (two implementations make the deployment fail).
 */
@ApplicationScoped
public class LoggedAuditTrail implements AuditTrail {

  private static final Logger LOG = Logger.getLogger("org.unionhub.audit");

  @Override
  public void record(
      String actor, String tenantCode, String subject, String action, String before, String after) {
    LOG.info(
        () ->
            String.format(
                "audit actor=%s tenant=%s subject=%s action=%s before=%s after=%s",
                actor, tenantCode, subject, action, before, after));
  }
}
