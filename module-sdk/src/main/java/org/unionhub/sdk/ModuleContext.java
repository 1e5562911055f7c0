package org.unionhub.sdk;

import java.time.Clock;
import java.util.Map;

/**
 * What the platform hands a module: handed to {@link ServiceModuleFactory#init(ModuleContext)} once
 * and to {@link ServiceModuleFactory#create(ModuleContext)}, the way Keycloak hands providers a
 * session. Module code reaches the platform only through it — never through statics — so the test
 * kit can hand it an in-memory one with a clock the test controls.
 *
 * @since 1.0
 */
public interface ModuleContext {

  /**
   * @return the module's id
   * @since 1.0
   */
  String moduleId();

  /**
   * @return the platform's clock, in China Standard Time
   * @since 1.0
   */
  Clock clock();

  /**
   * @return the working-day calendar (national schedule and each union's local holidays)
   * @since 1.0
   */
  WorkingDays workingDays();

  /**
   * A union's effective settings of this module, inherited and bounded as configured.
   *
   * @param tenantCode the union
   * @return setting key to value
   * @since 1.0
   */
  Map<String, String> settings(String tenantCode);

  /**
   * @return the module's own items, tallies and conversations, read within the tenant scope of the
   *     use case that calls the module
   * @since 1.0
   */
  ModuleStore store();

  /**
   * @return the union tree as modules may read it (employers' unions, levels); {@link Unions#NONE}
   *     where the platform gives none
   * @since 1.1
   */
  default Unions unions() {
    return Unions.NONE;
  }
}
