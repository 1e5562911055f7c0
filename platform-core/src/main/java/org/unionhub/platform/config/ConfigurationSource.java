package org.unionhub.platform.config;

import java.util.Optional;

/** Port: the effective configuration of a tenant's modules. Implemented by tenant-config. */
public interface ConfigurationSource {

  /**
   * The module as a tenant runs it, from the published versions of the tenant and its ancestors.
   *
   * @param tenantCode the tenant
   * @param moduleId the module
   * @return the effective configuration; empty when the tenant or the module is unknown
   */
  Optional<EffectiveConfig> effective(String tenantCode, String moduleId);
}
