package org.unionhub.sdk;

/**
 * Entry point of a service module, discovered by the platform with {@link java.util.ServiceLoader}
 * (list the implementation in {@code META-INF/services/org.unionhub.sdk.ServiceModuleFactory}).
 *
 * <p>A factory is a singleton for the life of the platform: {@link #init()} is called once after
 * discovery, {@link #create()} for each use, and {@link #close()} at shutdown. Factories must be
 * cheap to construct and hold no per-tenant state.
 *
 * @since 0.1
 */
public interface ServiceModuleFactory {

  /**
   * The module id, a lower-case identifier used in URLs, for example {@code enrollment}.
   *
   * @return the id; equal to {@link ModuleDescriptor#id()}
   * @since 0.1
   */
  default String getId() {
    return descriptor().id();
  }

  /**
   * Everything the platform needs to know about this module, as data.
   *
   * @return the descriptor, the same instance on every call
   * @since 0.1
   */
  ModuleDescriptor descriptor();

  /**
   * Creates a per-use module instance. Instances are cheap and closed after use.
   *
   * @return a new module instance
   * @since 0.1
   */
  ServiceModule create();

  /**
   * Called once after discovery, before the first {@link #create()}.
   *
   * @since 0.1
   */
  default void init() {}

  /**
   * Called once when the platform shuts down.
   *
   * @since 0.1
   */
  default void close() {}

  /**
   * Orders modules in lists; lower comes first.
   *
   * @return the order, 0 by default
   * @since 0.1
   */
  default int order() {
    return 0;
  }
}
