package org.unionhub.platform.module;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.unionhub.sdk.ModuleContext;
import org.unionhub.sdk.ModuleStore;
import org.unionhub.sdk.Unions;
import org.unionhub.sdk.WorkingDays;

/**
 * A {@link ModuleContext} made of its parts; the server and the test kit each assemble one.
 *
 * @param moduleId the module's id
 * @param clock the clock, in China Standard Time
 * @param workingDays the working-day calendar
 * @param settingsOf a union's effective settings of the module
 * @param store the module's storage
 * @param unions the union tree as modules may read it
 */
public record BasicModuleContext(
    String moduleId,
    Clock clock,
    WorkingDays workingDays,
    Function<String, Map<String, String>> settingsOf,
    ModuleStore store,
    Unions unions)
    implements ModuleContext {

  /**
   * A context that knows no unions ({@link Unions#NONE}), as the test kit assembles it.
   *
   * @param moduleId the module's id
   * @param clock the clock, in China Standard Time
   * @param workingDays the working-day calendar
   * @param settingsOf a union's effective settings of the module
   * @param store the module's storage
   */
  public BasicModuleContext(
      String moduleId,
      Clock clock,
      WorkingDays workingDays,
      Function<String, Map<String, String>> settingsOf,
      ModuleStore store) {
    this(moduleId, clock, workingDays, settingsOf, store, Unions.NONE);
  }

  @Override
  public Map<String, String> settings(String tenantCode) {
    return settingsOf.apply(tenantCode);
  }
}
