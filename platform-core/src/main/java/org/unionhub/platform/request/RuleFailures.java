package org.unionhub.platform.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.unionhub.platform.audit.AuditTrail;

/**
 * Tells a tenant's admins that their rules failed on a submission: the failure goes to the audit
 * log of the tenant, in a transaction of its own, since the submission's own transaction is rolled
 * back.
 */
@ApplicationScoped
public class RuleFailures {

  private static final Logger LOG = Logger.getLogger(RuleFailures.class.getName());

  @Inject Instance<AuditTrail> audit;

  /**
   * @param tenantCode the tenant whose rules ran
   * @param moduleId the module
   * @param configVersion the configuration version in force
   * @param message what went wrong
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(String tenantCode, String moduleId, long configVersion, String message) {
    LOG.log(
        Level.WARNING,
        () ->
            "rules of "
                + moduleId
                + " failed for "
                + tenantCode
                + " (config "
                + configVersion
                + "): "
                + message);
    if (audit.isResolvable()) {
      audit
          .get()
          .record(
              "system",
              tenantCode,
              "rules:" + moduleId,
              "evaluation-failed",
              null,
              org.unionhub.platform.json.Json.createObjectBuilder()
                  .add("configVersion", configVersion)
                  .add("message", message)
                  .build()
                  .toString());
    }
  }
}
