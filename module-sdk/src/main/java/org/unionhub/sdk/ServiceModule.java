package org.unionhub.sdk;

import java.util.List;

/**
 * A per-use instance of a module: turns a submission into the facts its rules reason about.
 *
 * @since 0.1
 */
public interface ServiceModule extends AutoCloseable {

  /**
   * Builds the rule facts for a submission whose form data has already passed the descriptor's
   * field validation. Every returned object must be an instance of one of {@link
   * ModuleDescriptor#factTypes()}.
   *
   * @param submission the submitted form data and its context
   * @return the facts to insert into the rule session
   * @since 0.1
   */
  List<Object> facts(Submission submission);

  /**
   * Releases what this instance holds; nothing by default.
   *
   * @since 0.1
   */
  @Override
  default void close() {}
}
