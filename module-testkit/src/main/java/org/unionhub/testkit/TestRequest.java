package org.unionhub.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unionhub.platform.request.RequestLifecycle;

/**
 * A request a {@link ModuleTestKit} accepted, as staff would see it in their worklist: its state,
 * deadline, flags and history. {@link ModuleTestKit#act} moves it.
 *
 * @since 0.1
 */
public final class TestRequest {

  private final ModuleTestKit kit;
  private final String id;
  private final List<String> flags;
  private final String routedTo;
  private final java.util.Map<String, String> values;
  private final List<Step> history = new ArrayList<>();
  private String state;
  private LocalDate dueDate;

  TestRequest(
      ModuleTestKit kit, String id, RequestLifecycle.Accepted accepted, LocalDate submittedOn) {
    this.kit = kit;
    this.id = id;
    this.flags = accepted.flags();
    this.routedTo = accepted.routeTo();
    this.values = accepted.values();
    this.state = accepted.initialState().name();
    this.dueDate = accepted.dueDate();
    history.add(new Step("submit", null, state, null, submittedOn));
  }

  void record(Step step, LocalDate newDueDate) {
    state = step.to();
    dueDate = newDueDate;
    history.add(step);
  }

  /** The submitted form values. */
  java.util.Map<String, String> values() {
    return values;
  }

  /** The platform's request version: 0 when submitted, one more for every move. */
  int version() {
    return history.size() - 1;
  }

  /**
   * @return the request's id in the kit
   * @since 1.0
   */
  public String id() {
    return id;
  }

  /**
   * The workflow state the request is in.
   *
   * @return the state name, for example {@code submitted}
   * @since 0.1
   */
  public String state() {
    return state;
  }

  /**
   * When the current state is due, in working days on the official calendar from the day the
   * request entered it, unless a rule set the deadline with {@code dueInWorkingDays}.
   *
   * @return the due date, or null when the state has no deadline
   * @since 0.1
   */
  public LocalDate dueDate() {
    return dueDate;
  }

  /**
   * Whether the deadline has passed on the kit's date, as the staff worklist shows it: a request is
   * still in time on its due date and overdue from the next day.
   *
   * @return whether it is overdue
   * @since 0.1
   */
  public boolean isOverdue() {
    return dueDate != null && dueDate.isBefore(kit.today());
  }

  /**
   * Why the rules flagged the request for review.
   *
   * @return the reasons, in the order the rules gave them; empty when not flagged
   * @since 0.1
   */
  public List<String> flags() {
    return flags;
  }

  /**
   * The tenant the rules handed the request to with {@code routeTo}.
   *
   * @return the tenant code, empty when no rule routed the request
   * @since 0.1
   */
  public Optional<String> routedTo() {
    return Optional.ofNullable(routedTo);
  }

  /**
   * Every step of the request's life, the submission first.
   *
   * @return the steps, oldest first
   * @since 0.1
   */
  public List<Step> history() {
    return List.copyOf(history);
  }

  @Override
  public String toString() {
    return "TestRequest[state=" + state + ", dueDate=" + dueDate + ", flags=" + flags + "]";
  }
}
