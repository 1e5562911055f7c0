package org.unionhub.platform.module;

import org.unionhub.sdk.ModuleContext;
import org.unionhub.sdk.ServiceModuleFactory;

/**
 * Where the runtime gets the {@link ModuleContext} it hands a module's factory: the server's is
 * backed by the calendar service, the effective configuration and the module store; the test kit's
 * by a clock the test controls and memory.
 */
@FunctionalInterface
public interface ModuleContexts {

  /**
   * @param module a module
   * @return the context the module works in
   */
  ModuleContext of(ServiceModuleFactory module);
}
