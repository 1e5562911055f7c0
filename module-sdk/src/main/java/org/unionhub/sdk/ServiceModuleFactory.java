package org.unionhub.sdk;

/**
 * The entry point of a module, found with {@link java.util.ServiceLoader} (name the class in {@code
 * META-INF/services/org.unionhub.sdk.ServiceModuleFactory}). A singleton with an explicit life: the
 * platform reads {@link #descriptor()} and checks it when the application starts, calls {@link
 * #init(ModuleContext)} once, {@link #create(ModuleContext)} whenever it needs the module at work,
 * and {@link #close()} when the application stops.
 *
 * @since 0.1
 */
public interface ServiceModuleFactory {

  /**
   * @return the module's id; by default the descriptor's
   * @since 0.1
   */
  default String getId() {
    return descriptor().id();
  }

  /**
   * @return what the module is, as data; the same object on every call
   * @since 0.1
   */
  ModuleDescriptor descriptor();

  /**
   * Called once, after the descriptor was accepted and before the first {@link
   * #create(ModuleContext)}.
   *
   * @param context what the platform offers the module
   * @since 1.0
   */
  default void init(ModuleContext context) {}

  /**
   * The module at work. Cheap: the platform may call it per use.
   *
   * @param context what the platform offers the module
   * @return the module
   * @since 1.0
   */
  ServiceModule create(ModuleContext context);

  /**
   * Called once when the application stops.
   *
   * @since 0.1
   */
  default void close() {}

  /**
   * @return the module's place in lists such as the service hall; lower first
   * @since 0.1
   */
  default int order() {
    return 0;
  }
}
