package org.unionhub.benchmarks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.unionhub.platform.config.ConfigLayer;
import org.unionhub.platform.config.ConfigLayerJson;
import org.unionhub.platform.config.ConfigResolver;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.config.PublishedLayer;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantLevel;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.settings.Setting;
import org.unionhub.tenant.config.EffectiveConfigCache;

/**
 * A 10,000-tenant union tree in memory — 1 national federation, 10 provinces, 100 cities, 1,000
 * districts and 8,889 grassroots unions — with published configuration layers at every level, and
 * the platform's own cache of effective configurations ({@link EffectiveConfigCache}, the class
 * {@code ConfigurationService} serves lookups with) over the real {@link ConfigResolver}.
 *
 * <p>Layers: the national federation sets settings with bounds, a workflow deadline with bounds and
 * a lock; every province sets settings, a deadline and a three-rule DRL layer; every other city
 * hides a field and sets a note and a deadline; 30% of districts set the minimum age and a
 * deadline; 10% of grassroots unions relabel a field and set a note.
 */
public final class ConfigTree {

  /** The module resolved: the real enrollment module, given the settings tenants adapt. */
  public static final ModuleDescriptor MODULE =
      Rules.ENROLLMENT.toBuilder()
          .settings(
              List.of(
                  Setting.integer(
                      "minimumAge", LocalizedText.of("最低年龄", "Minimum age"), 16, 14, 25),
                  Setting.text("welcomeNote", LocalizedText.of("欢迎词", "Welcome note"), "欢迎加入工会"),
                  Setting.integer(
                      "batchSize",
                      LocalizedText.of("每批审核人数", "Applications per batch"),
                      20,
                      1,
                      200)))
          .build();

  private final Map<String, TenantView> byCode = new LinkedHashMap<>();
  private final Map<String, List<String>> children = new HashMap<>();
  private final AtomicLong versionIds = new AtomicLong();
  private final Map<String, Integer> numbers = new HashMap<>();

  /** The tree's directory, served from memory as {@code JpaTenantDirectory} serves it. */
  public final TenantDirectory directory =
      new TenantDirectory() {
        @Override
        public Optional<TenantView> find(String code) {
          return Optional.ofNullable(byCode.get(code));
        }

        @Override
        public List<TenantView> all() {
          return List.copyOf(byCode.values());
        }

        @Override
        public Set<String> subtree(String code) {
          return Set.copyOf(ConfigTree.this.subtree(code));
        }
      };

  /** The cache the service keeps, holding the published layers in force. */
  public final EffectiveConfigCache cache = new EffectiveConfigCache();

  /** The resolver the platform uses (its default sandboxes, no decision tables). */
  public final ConfigResolver resolver = new ConfigResolver();

  /** How many times {@link #resolve} ran: cache misses. */
  public final AtomicLong resolves = new AtomicLong();

  /** All tenants, parents before children. */
  public final List<String> tenants;

  /** The codes of each level. */
  public final List<String> provinces = new ArrayList<>();

  /** Cities. */
  public final List<String> cities = new ArrayList<>();

  /** Builds the tree and publishes its layers. */
  public ConfigTree() {
    add("acftu", null, TenantLevel.NATIONAL);
    var districts = new ArrayList<String>();
    for (int p = 0; p < 10; p++) {
      String province = "p" + p;
      add(province, "acftu", TenantLevel.PROVINCIAL);
      provinces.add(province);
      for (int c = 0; c < 10; c++) {
        String city = province + "-c" + c;
        add(city, province, TenantLevel.MUNICIPAL);
        cities.add(city);
        for (int d = 0; d < 10; d++) {
          String district = city + "-d" + d;
          add(district, city, TenantLevel.DISTRICT);
          districts.add(district);
        }
      }
    }
    int grassroots = 8_889;
    for (int g = 0; g < grassroots; g++) {
      String district = districts.get(g % districts.size());
      add(district + "-g" + (g / districts.size()), district, TenantLevel.GRASSROOTS);
    }
    tenants = List.copyOf(byCode.keySet());
    if (tenants.size() != 10_000) {
      throw new IllegalStateException("expected 10,000 tenants, built " + tenants.size());
    }
    publish("acftu", national());
    for (String p : provinces) {
      publish(p, province(p));
    }
    for (int i = 0; i < cities.size(); i += 2) {
      publish(cities.get(i), city(cities.get(i), "第1版"));
    }
    for (int i = 0; i < districts.size(); i++) {
      if (i % 10 < 3) {
        publish(districts.get(i), district(i));
      }
    }
    int g = 0;
    for (String code : tenants) {
      if (byCode.get(code).level() == TenantLevel.GRASSROOTS && g++ % 10 == 0) {
        publish(code, grassroots(code));
      }
    }
  }

  private void add(String code, String parent, TenantLevel level) {
    byCode.put(code, new TenantView(code, code, level, parent, true));
    children.computeIfAbsent(parent, k -> new ArrayList<>()).add(code);
  }

  /**
   * @param code a tenant
   * @return it and all its descendants, parents first
   */
  public List<String> subtree(String code) {
    var result = new ArrayList<String>();
    var todo = new ArrayDeque<String>();
    todo.add(code);
    while (!todo.isEmpty()) {
      String next = todo.poll();
      result.add(next);
      todo.addAll(children.getOrDefault(next, List.of()));
    }
    return result;
  }

  /**
   * Publishes a layer as the service does once the database has it: a new version number for the
   * tenant, a new platform-wide version id, offered to the cache.
   *
   * @param tenantCode the tenant
   * @param json the layer as JSON
   * @return the version id
   */
  public long publish(String tenantCode, String json) {
    ConfigLayerJson.Read read = ConfigLayerJson.read(json);
    if (!read.problems().isEmpty()) {
      throw new IllegalStateException(tenantCode + ": " + read.problems());
    }
    return publish(tenantCode, read.layer());
  }

  /**
   * @param tenantCode the tenant
   * @param layer the layer
   * @return the version id
   */
  public long publish(String tenantCode, ConfigLayer layer) {
    long id = versionIds.incrementAndGet();
    int number = numbers.merge(tenantCode, 1, Integer::sum);
    cache.offer(MODULE.id(), new PublishedLayer(tenantCode, number, id, layer));
    return id;
  }

  /**
   * A cache miss: the resolver over the module's defaults and the layers in force.
   *
   * @param tenantCode the tenant
   * @param layers its chain's layers
   * @return the effective configuration
   */
  public EffectiveConfig resolve(String tenantCode, List<PublishedLayer> layers) {
    resolves.incrementAndGet();
    return resolver.resolve(tenantCode, MODULE, Rules.DEFAULTS, layers);
  }

  /**
   * A lookup as {@code ConfigurationService.effective} makes it: the tenant's chain from the
   * directory, then the cache (a map get and a comparison of the chain's layers), resolving on a
   * miss.
   *
   * @param tenantCode the tenant
   * @return the effective configuration
   */
  public EffectiveConfig lookup(String tenantCode) {
    return cache.effective(
        tenantCode, MODULE.id(), EffectiveConfigCache.chain(tenantCode, directory), this::resolve);
  }

  /**
   * What a miss costs, without touching the cache: the chain, the layers in force along it, and the
   * resolver.
   *
   * @param tenantCode the tenant
   * @return the effective configuration
   */
  public EffectiveConfig resolveCold(String tenantCode) {
    var layers = new ArrayList<PublishedLayer>();
    for (String code : EffectiveConfigCache.chain(tenantCode, directory)) {
      PublishedLayer layer = cache.layer(code, MODULE.id());
      if (layer != null) {
        layers.add(layer);
      }
    }
    return resolver.resolve(tenantCode, MODULE, Rules.DEFAULTS, layers);
  }

  private static String national() {
    return """
        {"settings": {"minimumAge": {"value": 16, "min": 16, "max": 20},
                      "batchSize": {"value": 50, "max": 100},
                      "welcomeNote": {"value": "欢迎加入中华全国总工会大家庭"}},
         "workflow": {"submitted": {"workingDays": 5, "min": 3, "max": 15}},
         "locks": ["form.idNumber"]}
        """;
  }

  private static String province(String code) {
    String drl =
        """
        rule "%1$s.min-age-dispatched"
        when
          Applicant( age < 18, employmentType == "dispatched" )
        then
          actions.reject("idNumber", "UNDER_18_DISPATCHED", "派遣工须年满18周岁");
        end
        rule "%1$s.gig-time"
        when
          Applicant( employmentType in ("flexible", "part-time") )
        then
          actions.dueInWorkingDays(10);
        end
        rule "%1$s.near-retirement"
        when
          Applicant( age >= 58 && < 63 )
        then
          actions.flagForReview("临近退休，请核实劳动关系");
        end
        """
            .formatted(code);
    return """
        {"settings": {"minimumAge": {"value": "17"},
                      "welcomeNote": {"value": "%1$s 省总工会欢迎您"}},
         "workflow": {"submitted": {"workingDays": 7, "max": 12}},
         "rules": {"drl": %2$s}}
        """
        .formatted(code, jakarta.json.Json.createValue(drl).toString());
  }

  /**
   * A city's layer.
   *
   * @param code the city
   * @param edition what its note says, so that a republish changes something
   * @return the layer as JSON
   */
  public static String city(String code, String edition) {
    return """
        {"settings": {"welcomeNote": {"value": "%1$s 市总工会欢迎您（%2$s）"}},
         "form": {"address": {"hidden": true}},
         "workflow": {"submitted": {"workingDays": 8}}}
        """
        .formatted(code, edition);
  }

  /**
   * A province's layer, with a new note.
   *
   * @param code the province
   * @param edition what its note says
   * @return the layer as JSON
   */
  public static String provinceEdition(String code, String edition) {
    return province(code).replace("省总工会欢迎您", "省总工会欢迎您（" + edition + "）");
  }

  private static String district(int i) {
    return """
        {"settings": {"minimumAge": {"value": "%d"}},
         "workflow": {"submitted": {"workingDays": %d}}}
        """
        .formatted(16 + i % 3, 4 + i % 5);
  }

  private static String grassroots(String code) {
    return """
        {"settings": {"welcomeNote": {"value": "%s 基层工会欢迎您"}},
         "form": {"mobile": {"label": {"zh": "联系电话", "en": "Phone"}}}}
        """
        .formatted(code);
  }
}
