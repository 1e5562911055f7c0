package org.unionhub.tenant.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.config.ConfigLayer;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.config.PublishedLayer;
import org.unionhub.platform.rules.RuleSet;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantLevel;
import org.unionhub.platform.tenancy.TenantView;

class EffectiveConfigCacheTest {

  /** acftu → gd → gd-sz → gd-sz-ft; zj beside gd. */
  private final Map<String, TenantView> tree = new LinkedHashMap<>();

  private final TenantDirectory tenants =
      new TenantDirectory() {
        @Override
        public Optional<TenantView> find(String code) {
          return Optional.ofNullable(tree.get(code));
        }

        @Override
        public List<TenantView> all() {
          return List.copyOf(tree.values());
        }

        @Override
        public Set<String> subtree(String code) {
          throw new UnsupportedOperationException();
        }
      };

  private final EffectiveConfigCache cache = new EffectiveConfigCache();
  private final List<String> resolved = new ArrayList<>();

  EffectiveConfigCacheTest() {
    tenant("acftu", null);
    tenant("gd", "acftu");
    tenant("zj", "acftu");
    tenant("gd-sz", "gd");
    tenant("gd-sz-ft", "gd-sz");
  }

  private void tenant(String code, String parent) {
    tree.put(code, new TenantView(code, code, TenantLevel.DISTRICT, parent, true));
  }

  private EffectiveConfig resolve(String tenantCode, List<PublishedLayer> layers) {
    resolved.add(tenantCode);
    long version = layers.stream().mapToLong(PublishedLayer::versionId).max().orElse(0);
    return new EffectiveConfig(
        tenantCode,
        null,
        version,
        true,
        EffectiveConfig.Provenance.MODULE,
        Map.of(),
        List.of(),
        Map.of(),
        null,
        List.of(),
        RuleSet.EMPTY,
        List.of(),
        List.copyOf(layers));
  }

  private EffectiveConfig lookup(String tenantCode) {
    return cache.effective(
        tenantCode, "enrollment", EffectiveConfigCache.chain(tenantCode, tenants), this::resolve);
  }

  private static PublishedLayer layer(String tenant, int number, long versionId) {
    return new PublishedLayer(tenant, number, versionId, ConfigLayer.EMPTY);
  }

  @Test
  void theChainRunsFromTheRootToTheTenant() {
    assertThat(EffectiveConfigCache.chain("gd-sz-ft", tenants))
        .containsExactly("acftu", "gd", "gd-sz", "gd-sz-ft");
    assertThat(EffectiveConfigCache.chain("unknown", tenants)).containsExactly("unknown");
  }

  @Test
  void aSecondLookupIsServedFromTheCacheWithTheLayersOfTheChainRootFirst() {
    cache.offer("enrollment", layer("gd", 1, 10));
    cache.offer("enrollment", layer("acftu", 1, 5));
    cache.offer("enrollment", layer("zj", 1, 20));

    EffectiveConfig first = lookup("gd-sz-ft");
    EffectiveConfig second = lookup("gd-sz-ft");

    assertThat(second).isSameAs(first);
    assertThat(resolved).containsExactly("gd-sz-ft");
    assertThat(first.layers())
        .extracting(PublishedLayer::tenantCode)
        .containsExactly("acftu", "gd");
    assertThat(cache.cachedConfigurations()).isEqualTo(1);
  }

  @Test
  void aPublishAboveTheTenantTakesEffectOnItsNextLookup() {
    cache.offer("enrollment", layer("gd", 1, 10));
    lookup("gd-sz-ft");

    cache.offer("enrollment", layer("gd", 2, 11));

    assertThat(lookup("gd-sz-ft").version()).isEqualTo(11);
    assertThat(resolved).hasSize(2);
  }

  @Test
  void aFirstLayerAnywhereInTheChainTakesEffectToo() {
    lookup("gd-sz-ft");

    cache.offer("enrollment", layer("gd-sz", 1, 30));

    assertThat(lookup("gd-sz-ft").version()).isEqualTo(30);
  }

  @Test
  void aPublishElsewhereInTheTreeOrOfAnotherModuleKeepsTheCachedConfiguration() {
    cache.offer("enrollment", layer("gd", 1, 10));
    EffectiveConfig first = lookup("gd-sz-ft");

    cache.offer("enrollment", layer("zj", 1, 12));
    cache.offer("surveys", layer("gd", 2, 13));

    assertThat(lookup("gd-sz-ft")).isSameAs(first);
  }

  @Test
  void anOlderVersionArrivingLateDoesNotReplaceANewerOne() {
    cache.offer("enrollment", layer("gd", 3, 30));
    cache.offer("enrollment", layer("gd", 2, 20));

    assertThat(cache.layer("gd", "enrollment").number()).isEqualTo(3);
    assertThat(cache.layer("gd", "surveys")).isNull();
  }

  @Test
  void aTenantMovedToAnotherParentIsResolvedAgain() {
    cache.offer("enrollment", layer("gd", 1, 10));
    cache.offer("enrollment", layer("zj", 1, 20));
    assertThat(lookup("gd-sz").version()).isEqualTo(10);

    tenant("gd-sz", "zj");

    assertThat(lookup("gd-sz").version()).isEqualTo(20);
  }
}
