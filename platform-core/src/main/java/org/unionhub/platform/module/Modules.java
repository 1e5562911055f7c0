package org.unionhub.platform.module;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Makes the module registry of this deployment injectable, and discovers and checks the modules
 * when the application starts, so that {@code UnionHub modules loaded: [...]} and every refusal are
 * logged at boot rather than on the first request that needs a module.
 */
@ApplicationScoped
public class Modules {

  @Inject PlatformModuleContexts contexts;

  private ModuleRegistry registry;

  void discoverAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    registry();
  }

  @Produces
  @ApplicationScoped
  synchronized ModuleRegistry registry() {
    if (registry == null) {
      registry = ModuleRegistry.discover(Modules.class.getClassLoader(), contexts);
    }
    return registry;
  }

  @PreDestroy
  void close() {
    if (registry != null) {
      registry.close();
    }
  }
}
