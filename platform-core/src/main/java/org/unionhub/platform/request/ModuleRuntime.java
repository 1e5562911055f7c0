package org.unionhub.platform.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import org.unionhub.platform.config.ConfigurationSource;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.workflow.RequestLifecycle;
import org.unionhub.sdk.RequestEvent;
import org.unionhub.sdk.ServiceModule;
import org.unionhub.sdk.ServiceModuleFactory;

/**
 * A module as a tenant runs it: its effective configuration, and its lifecycle hooks called so that
 * a failing module never undoes the platform's work. Used by every job on requests and by the
 * timers.
 */
@ApplicationScoped
public class ModuleRuntime {

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(ModuleRuntime.class.getName());

  @Inject RequestLifecycle lifecycle;
  @Inject Instance<ConfigurationSource> configurations;

  /**
   * The module as a tenant runs it: its published configuration, or the module's defaults when no
   * configuration store is deployed.
   *
   * @param tenantCode the tenant
   * @param module the module
   * @return the effective configuration
   */
  public EffectiveConfig effective(String tenantCode, ServiceModuleFactory module) {
    if (configurations.isResolvable()) {
      return configurations
          .get()
          .effective(tenantCode, module.getId())
          .orElseGet(() -> lifecycle.defaults(module, tenantCode));
    }
    return lifecycle.defaults(module, tenantCode);
  }

  /**
   * Runs a module's lifecycle hook; a failing hook is logged and never undoes the platform's work.
   *
   * @param module the module
   * @param hook what to call on a module instance
   */
  public void runHook(
      ServiceModuleFactory module, java.util.function.Consumer<ServiceModule> hook) {
    try (ServiceModule instance = lifecycle.instance(module)) {
      hook.accept(instance);
    } catch (RuntimeException e) {
      LOG.log(
          java.util.logging.Level.WARNING,
          "module " + module.getId() + " failed in a lifecycle hook; the request is unaffected",
          e);
    }
  }

  static RequestEvent event(
      ServiceRequest r, String from, String action, String actor, Instant at, EffectiveConfig c) {
    return new RequestEvent(
        r.getId().toString(),
        r.getTenantId(),
        r.getModule(),
        from,
        r.getState(),
        action,
        actor,
        at,
        c.settingValues());
  }
}
