package org.unionhub.sdk;

import java.util.List;
import org.unionhub.sdk.action.ActionAttempt;
import org.unionhub.sdk.action.ActionEvent;
import org.unionhub.sdk.form.FieldProblem;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.item.ItemEvent;

/**
 * A module at work, made by {@link ServiceModuleFactory#create(ModuleContext)}. Every method but
 * {@link #facts(Submission)} has a default, so a module implements only the shapes it declares.
 * Checks ({@code check…}) run before the platform stores anything and may refuse; hooks ({@code
 * on…}) run after the platform committed its work: a hook that throws is logged and never undoes
 * it.
 *
 * @since 0.1
 */
public interface ServiceModule extends AutoCloseable {

  /**
   * The rule facts of a submitted request. A module without requests returns an empty list.
   *
   * @param submission the submitted form and its context
   * @return the facts the module's rules see
   * @since 0.1
   */
  List<Object> facts(Submission submission);

  /**
   * Checks an item before it is published, beyond what its kind declares (its fields and questions
   * are already checked against their definitions).
   *
   * @param item the item about to be published
   * @return problems, each naming a field ({@code title}, {@code questions[2].choices}); empty when
   *     it may be published
   * @since 1.0
   */
  default List<FieldProblem> checkItem(Item item) {
    return List.of();
  }

  /**
   * Checks an action before it is stored, beyond its payload's form.
   *
   * @param attempt the action
   * @return problems naming a field; empty when it may be stored
   * @since 1.0
   */
  default List<FieldProblem> checkAction(ActionAttempt attempt) {
    return List.of();
  }

  /**
   * After a request was submitted.
   *
   * @param event the request and the union's settings
   * @since 0.2
   */
  default void onSubmit(RequestEvent event) {}

  /**
   * After a request moved through its workflow.
   *
   * @param event the request, the transition and the union's settings
   * @since 0.2
   */
  default void onTransition(RequestEvent event) {}

  /**
   * After a request's deadline timer fired.
   *
   * @param event the request and the union's settings
   * @since 0.2
   */
  default void onTimer(RequestEvent event) {}

  /**
   * After an action was stored.
   *
   * @param event the action
   * @since 1.0
   */
  default void onAction(ActionEvent event) {}

  /**
   * After an item was published or closed.
   *
   * @param event the item
   * @since 1.0
   */
  default void onItem(ItemEvent event) {}

  /**
   * Releases what the module holds.
   *
   * @since 0.1
   */
  @Override
  default void close() {}
}
