package org.unionhub.platform;

/**
 * Runs a piece of work on a short-lived thread of its own and waits for it. For libraries that
 * leave thread-local state behind (the Java compiler Drools uses, Liquibase): on one of the
 * server's pooled threads that state would outlive the application and keep its class loader, and
 * every class it loaded, after an undeploy; on a thread that ends with the work it goes with the
 * thread. The thread inherits the caller's context class loader.
 */
public final class OwnThread {

  /**
   * Work that returns a value and may throw one checked exception.
   *
   * @param <T> the value
   * @param <E> the checked exception
   */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    /**
     * @return the value
     * @throws E when the work fails
     */
    T run() throws E;
  }

  private OwnThread() {}

  /**
   * Runs the work on a new thread and returns its value, or throws what it threw.
   *
   * @param name the thread's name
   * @param work the work
   * @param <T> the value
   * @param <E> the checked exception the work may throw
   * @return the work's value
   * @throws E what the work threw
   */
  @SuppressWarnings("unchecked")
  public static <T, E extends Exception> T call(String name, Work<T, E> work) throws E {
    Object[] value = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread thread =
        new Thread(
            () -> {
              try {
                value[0] = work.run();
              } catch (Throwable t) {
                failure[0] = t;
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    }
    if (failure[0] instanceof RuntimeException r) {
      throw r;
    }
    if (failure[0] instanceof Error error) {
      throw error;
    }
    if (failure[0] != null) {
      // Work<T, E> can throw no other checked exception than E.
      throw (E) failure[0];
    }
    return (T) value[0];
  }
}
