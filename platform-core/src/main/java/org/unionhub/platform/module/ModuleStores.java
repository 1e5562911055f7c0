package org.unionhub.platform.module;

import org.unionhub.sdk.ModuleStore;

/**
 * Port: the storage of items, actions, tallies and conversations, one {@link ModuleStore} per
 * module, read within the tenant scope of the calling use case. The runtime's persistence of those
 * shapes implements it as a CDI bean; {@link PlatformModuleContexts} hands it to modules.
 */
@FunctionalInterface
public interface ModuleStores {

  /**
   * @param moduleId a module's id
   * @return that module's store
   */
  ModuleStore forModule(String moduleId);
}
