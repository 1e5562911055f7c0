package org.unionhub.sdk.workflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A module's request state machine.
 *
 * @param initialState the state a new request starts in
 * @param states all states
 * @param transitions all transitions
 * @since 0.1
 */
public record WorkflowDefinition(
    String initialState, List<State> states, List<Transition> transitions) {

  /**
   * Copies the lists.
   *
   * @since 0.1
   */
  public WorkflowDefinition {
    states = List.copyOf(states);
    transitions = List.copyOf(transitions);
  }

  /**
   * A state by name.
   *
   * @param name the state name
   * @return the state, empty when there is none of that name
   * @since 0.1
   */
  public Optional<State> state(String name) {
    return states.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * The transition an action takes from a state.
   *
   * @param from the current state
   * @param action the action
   * @return the transition, empty when the action is not possible in that state
   * @since 0.1
   */
  public Optional<Transition> transition(String from, String action) {
    return transitions.stream()
        .filter(t -> t.from().equals(from) && t.action().equals(action))
        .findFirst();
  }

  /**
   * The transitions possible from a state.
   *
   * @param from the current state
   * @return the transitions, in declaration order
   * @since 0.1
   */
  public List<Transition> transitionsFrom(String from) {
    return transitions.stream().filter(t -> t.from().equals(from)).toList();
  }

  /**
   * Consistency problems: unknown states, duplicate names, unreachable states.
   *
   * @return the problems, empty when the definition is consistent
   * @since 0.1
   */
  public List<String> problems() {
    var problems = new ArrayList<String>();
    var names = new HashSet<String>();
    for (State s : states) {
      if (!names.add(s.name())) {
        problems.add("workflow state '" + s.name() + "' is declared twice");
      }
    }
    if (!names.contains(initialState)) {
      problems.add("workflow initial state '" + initialState + "' is not a declared state");
    }
    for (State s : states) {
      if (s.optional() && (s.terminal() || s.skipTo().equals(s.name()))) {
        problems.add(
            "optional workflow state '" + s.name() + "' must not be terminal or skip to itself");
      } else if (s.optional() && !names.contains(s.skipTo())) {
        problems.add(
            "optional workflow state '" + s.name() + "' skips to undeclared '" + s.skipTo() + "'");
      }
      if (s.optional() && s.name().equals(initialState)) {
        problems.add("the initial workflow state '" + s.name() + "' cannot be optional");
      }
    }
    for (Transition t : transitions) {
      if (!names.contains(t.from()) || !names.contains(t.to())) {
        problems.add("workflow transition '" + t.action() + "' joins undeclared states");
      }
    }
    return List.copyOf(problems);
  }
}
