package org.unionhub.platform.module;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.unionhub.platform.calendar.WorkingCalendar;
import org.unionhub.platform.config.ConfigurationSource;
import org.unionhub.sdk.ModuleContext;
import org.unionhub.sdk.ModuleStore;
import org.unionhub.sdk.ServiceModuleFactory;

/**
 * The server's module contexts: the platform clock (China Standard Time), the working-day calendar
 * the calendar service keeps, each union's effective settings from its published configuration (the
 * module's defaults where none is published), and the module's store from the {@link ModuleStores}
 * port, and the union tree as {@link TenantUnions} reads it.
 */
@ApplicationScoped
public class PlatformModuleContexts implements ModuleContexts {

  @Inject Clock clock;
  @Inject WorkingCalendar calendar;
  @Inject Instance<ConfigurationSource> configurations;
  @Inject Instance<ModuleStores> stores;
  @Inject TenantUnions unions;

  private final Map<String, ModuleContext> contexts = new ConcurrentHashMap<>();

  @Override
  public ModuleContext of(ServiceModuleFactory module) {
    return contexts.computeIfAbsent(
        module.getId(),
        id ->
            new BasicModuleContext(
                id,
                clock,
                new CalendarWorkingDays(calendar),
                tenant -> settings(module, tenant),
                store(id),
                unions));
  }

  private Map<String, String> settings(ServiceModuleFactory module, String tenantCode) {
    if (configurations.isResolvable()) {
      var effective = configurations.get().effective(tenantCode, module.getId());
      if (effective.isPresent()) {
        return effective.get().settingValues();
      }
    }
    var defaults = new java.util.LinkedHashMap<String, String>();
    module.descriptor().settings().forEach(s -> defaults.put(s.key(), s.defaultValue()));
    return defaults;
  }

  private ModuleStore store(String moduleId) {
    return new ModuleStoreProxy(moduleId, stores);
  }
}
