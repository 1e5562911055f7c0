package org.unionhub.tenant.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.config.PublishedLayer;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;

/**
 * The published layers in force and the effective configurations resolved from them, held in
 * memory. An effective configuration is cached per tenant and module together with the layers it
 * was resolved from; a lookup checks those few layers (one per level of the tenant's chain) are
 * still the ones in force, so a publish anywhere above a tenant takes effect on its next lookup
 * without a sweep of the cache.
 *
 * <p>A plain class, safe for concurrent use: {@link EffectiveConfigurations} keeps one and feeds it
 * from the database; the benchmarks measure the same code without a container.
 */
public final class EffectiveConfigCache {

  /** Resolves a tenant's effective configuration of one module from the layers in its chain. */
  @FunctionalInterface
  public interface Resolve {
    /**
     * @param tenantCode the tenant
     * @param layers the layers in force along its chain, root first
     * @return the effective configuration
     */
    EffectiveConfig resolve(String tenantCode, List<PublishedLayer> layers);
  }

  private record Key(String tenant, String module) {}

  private record Cached(List<String> chain, List<PublishedLayer> layers, EffectiveConfig config) {}

  private final Map<Key, PublishedLayer> current = new ConcurrentHashMap<>();
  private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

  /**
   * @param tenantCode a tenant
   * @param moduleId a module
   * @return the tenant's layer in force for the module, or null when it has none
   */
  public PublishedLayer layer(String tenantCode, String moduleId) {
    return current.get(new Key(tenantCode, moduleId));
  }

  /**
   * Puts a published layer in force unless a later version of the same tenant and module already
   * is.
   *
   * @param moduleId the module
   * @param layer the layer
   */
  public void offer(String moduleId, PublishedLayer layer) {
    current.merge(
        new Key(layer.tenantCode(), moduleId), layer, (a, b) -> b.number() > a.number() ? b : a);
  }

  /**
   * The effective configuration of a tenant's module: the cached one when its chain and every layer
   * along it are the ones in force, otherwise freshly resolved (and cached).
   *
   * @param tenantCode the tenant
   * @param moduleId the module
   * @param chain the tenant's ancestors and itself, root first ({@link #chain})
   * @param resolve resolves when the cached configuration is missing or out of date
   * @return the effective configuration
   */
  public EffectiveConfig effective(
      String tenantCode, String moduleId, List<String> chain, Resolve resolve) {
    var key = new Key(tenantCode, moduleId);
    Cached cached = cache.get(key);
    if (cached != null && cached.chain().equals(chain) && stillInForce(cached, moduleId)) {
      return cached.config();
    }
    var layers = new ArrayList<PublishedLayer>();
    for (String code : chain) {
      PublishedLayer layer = current.get(new Key(code, moduleId));
      if (layer != null) {
        layers.add(layer);
      }
    }
    EffectiveConfig config = resolve.resolve(tenantCode, layers);
    cache.put(key, new Cached(chain, List.copyOf(layers), config));
    return config;
  }

  private boolean stillInForce(Cached cached, String moduleId) {
    int i = 0;
    List<PublishedLayer> layers = cached.layers();
    for (String code : cached.chain()) {
      PublishedLayer now = current.get(new Key(code, moduleId));
      PublishedLayer then =
          i < layers.size() && layers.get(i).tenantCode().equals(code) ? layers.get(i) : null;
      if (now != then) {
        return false;
      }
      if (then != null) {
        i++;
      }
    }
    return true;
  }

  /**
   * @return how many effective configurations are cached
   */
  public int cachedConfigurations() {
    return cache.size();
  }

  /**
   * The tenant's ancestors and itself, root first.
   *
   * @param tenantCode the tenant
   * @param tenants the tenant tree
   * @return the chain; just the tenant when it is unknown
   */
  public static List<String> chain(String tenantCode, TenantDirectory tenants) {
    var chain = new ArrayList<String>();
    var seen = new HashSet<String>();
    String code = tenantCode;
    while (code != null && seen.add(code)) {
      chain.add(0, code);
      code = tenants.find(code).map(TenantView::parentCode).orElse(null);
    }
    return chain;
  }
}
