package org.unionhub.sdk;

import java.util.List;

/**
 * A per-use instance of a module: turns a submission into the facts its rules reason about, and
 * hears about what happens to its requests.
 *
 * <p>Hooks run after the platform has stored the change, in the same transaction. A hook that
 * throws does not undo the change: the platform logs the failure with the module's id, so one
 * module's bug never blocks union staff from handling requests.
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
   * Called when a submission has been accepted and stored.
   *
   * @param event the new request
   * @since 0.2
   */
  default void onSubmit(RequestEvent event) {}

  /**
   * Called when a request has moved from one state to another.
   *
   * @param event the move
   * @since 0.2
   */
  default void onTransition(RequestEvent event) {}

  /**
   * Called when a deadline timer of a request has fired (a reminder or an escalation).
   *
   * @param event the timer, with action {@code remind} or {@code escalate}
   * @since 0.2
   */
  default void onTimer(RequestEvent event) {}

  /**
   * Releases what this instance holds; nothing by default.
   *
   * @since 0.1
   */
  @Override
  default void close() {}
}
