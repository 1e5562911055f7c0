package org.unionhub.platform.module;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the module registry of this deployment injectable. */
@ApplicationScoped
public class Modules {

  private ModuleRegistry registry;

  @Produces
  @ApplicationScoped
  synchronized ModuleRegistry registry() {
    if (registry == null) {
      registry = ModuleRegistry.discover(Modules.class.getClassLoader());
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
