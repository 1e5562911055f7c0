package org.unionhub.platform.module;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import org.unionhub.sdk.ServiceModuleFactory;

/**
 * The modules found with {@link ServiceLoader}. A module whose descriptor has problems is refused
 * with a message naming it and the problems; the others load.
 */
public class ModuleRegistry {

  private static final Logger LOG = Logger.getLogger(ModuleRegistry.class.getName());

  private final Map<String, ServiceModuleFactory> modules;
  private final List<String> refusals;

  /**
   * Discovers modules with the given class loader.
   *
   * @param classLoader where to look
   * @param contexts the contexts accepted modules are initialised with
   * @return the registry
   */
  public static ModuleRegistry discover(ClassLoader classLoader, ModuleContexts contexts) {
    var found = new ArrayList<ServiceModuleFactory>();
    var refusals = new ArrayList<String>();
    var iterator = ServiceLoader.load(ServiceModuleFactory.class, classLoader).iterator();
    while (true) {
      try {
        if (!iterator.hasNext()) {
          break;
        }
        found.add(iterator.next());
      } catch (ServiceConfigurationError e) {
        refusals.add("a module could not be loaded: " + e.getMessage());
      }
    }
    return new ModuleRegistry(found, refusals, contexts);
  }

  /** For CDI's client proxies only; the registry itself is made by {@link #discover}. */
  protected ModuleRegistry() {
    this.modules = Map.of();
    this.refusals = List.of();
  }

  /**
   * Checks the candidates and initialises those accepted.
   *
   * @param candidates the factories found
   * @param earlierRefusals problems met while finding them
   * @param contexts the contexts accepted modules are initialised with
   */
  public ModuleRegistry(
      Collection<ServiceModuleFactory> candidates,
      List<String> earlierRefusals,
      ModuleContexts contexts) {
    var accepted = new LinkedHashMap<String, ServiceModuleFactory>();
    var refused = new ArrayList<>(earlierRefusals);
    candidates.stream()
        .sorted(Comparator.comparingInt(ServiceModuleFactory::order))
        .forEach(
            factory -> {
              String name = factory.getClass().getName();
              List<String> problems;
              try {
                problems = factory.descriptor().problems();
              } catch (RuntimeException e) {
                problems = List.of("its descriptor could not be read: " + e);
              }
              if (problems.isEmpty() && accepted.containsKey(factory.getId())) {
                problems = List.of("module id '" + factory.getId() + "' is already taken");
              }
              if (!problems.isEmpty()) {
                refused.add("module " + name + " refused: " + String.join("; ", problems));
                return;
              }
              try {
                factory.init(contexts.of(factory));
              } catch (RuntimeException e) {
                refused.add("module " + name + " refused: its init failed: " + e);
                return;
              }
              accepted.put(factory.getId(), factory);
            });
    this.modules = Map.copyOf(accepted);
    this.refusals = List.copyOf(refused);
    refusals.forEach(LOG::severe);
    LOG.info(() -> "UnionHub modules loaded: " + accepted.keySet());
  }

  /**
   * A module by id.
   *
   * @param id the module id
   * @return the module, empty when no module has that id
   */
  public Optional<ServiceModuleFactory> find(String id) {
    return Optional.ofNullable(modules.get(id));
  }

  /**
   * @return every loaded module, ordered by {@link ServiceModuleFactory#order()} then id
   */
  public List<ServiceModuleFactory> all() {
    return modules.values().stream()
        .sorted(
            Comparator.comparingInt(ServiceModuleFactory::order)
                .thenComparing(ServiceModuleFactory::getId))
        .toList();
  }

  /**
   * @return why modules were refused, one message each
   */
  public List<String> refusals() {
    return refusals;
  }

  /** Closes every module. */
  public void close() {
    modules.values().forEach(ServiceModuleFactory::close);
  }
}
