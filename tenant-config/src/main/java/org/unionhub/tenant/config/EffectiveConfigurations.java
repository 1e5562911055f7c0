package org.unionhub.tenant.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.unionhub.platform.config.ConfigLayerJson;
import org.unionhub.platform.config.ConfigurationSource;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.config.PublishedLayer;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.workflow.RequestLifecycle;
import org.unionhub.sdk.ServiceModuleFactory;

/**
 * Effective configurations served from memory: the published layers in force are held here and
 * refreshed from the database at most once a second (a cheap {@code max(change_seq)} query;
 * versions are numbered in commit order, ADR 27), so a version published on another node takes
 * effect here within about a second. An effective configuration is cached per tenant and module
 * together with the layers it was resolved from; a lookup checks those few layers are still the
 * ones in force, so a publish anywhere above a tenant takes effect on its next lookup without a
 * sweep of the cache.
 */
@ApplicationScoped
public class EffectiveConfigurations implements ConfigurationSource {

  private static final long REFRESH_NANOS = 1_000_000_000L;

  @Inject ConfigStore store;
  @Inject TenantDirectory tenants;
  @Inject ModuleRegistry modules;
  @Inject RequestLifecycle lifecycle;

  /** The layers in force and the effective configurations resolved from them. */
  private final EffectiveConfigCache configs = new EffectiveConfigCache();

  private volatile long seenChange = -1;
  private volatile long lastCheck;

  @Override
  public Optional<EffectiveConfig> effective(String tenantCode, String moduleId) {
    Optional<ServiceModuleFactory> module = modules.find(moduleId);
    if (module.isEmpty() || tenants.find(tenantCode).isEmpty()) {
      return Optional.empty();
    }
    refresh(false);
    return Optional.of(effective(tenantCode, module.get()));
  }

  EffectiveConfig effective(String tenantCode, ServiceModuleFactory module) {
    return configs.effective(
        tenantCode,
        module.getId(),
        chain(tenantCode),
        (tenant, layers) ->
            lifecycle
                .resolver()
                .resolve(tenant, module.descriptor(), lifecycle.defaultRules(module), layers));
  }

  /** The tenant's ancestors and itself, root first. */
  List<String> chain(String tenantCode) {
    return EffectiveConfigCache.chain(tenantCode, tenants);
  }

  /**
   * Brings the layers in force up to date with the database.
   *
   * @param force check now rather than at most once a second
   */
  public void refresh(boolean force) {
    long now = System.nanoTime();
    if (!force && seenChange >= 0 && now - lastCheck < REFRESH_NANOS) {
      return;
    }
    synchronized (this) {
      if (!force && seenChange >= 0 && System.nanoTime() - lastCheck < REFRESH_NANOS) {
        return;
      }
      lastCheck = System.nanoTime();
      long last = store.lastChange();
      if (last == seenChange) {
        return;
      }
      for (ConfigVersion v : store.publishedAfter(seenChange)) {
        configs.offer(
            v.getModule(),
            new PublishedLayer(
                v.getTenantCode(),
                v.getNumber(),
                v.getId(),
                ConfigLayerJson.read(v.getDocument()).layer()));
      }
      seenChange = last;
    }
  }

  /**
   * @param tenantCode a tenant
   * @param moduleId a module
   * @return the tenant's own layer in force, or null
   */
  PublishedLayer layer(String tenantCode, String moduleId) {
    return configs.layer(tenantCode, moduleId);
  }

  /**
   * @return how many effective configurations are cached
   */
  public int cachedConfigurations() {
    return configs.cachedConfigurations();
  }
}
