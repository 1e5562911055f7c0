package org.unionhub.platform.rules;

import java.util.ArrayList;
import java.util.List;
import org.unionhub.sdk.rules.Actions;

/** What the rules of one evaluation asked for; the platform's implementation of the action API. */
public final class RuleOutcome implements Actions {

  /**
   * Longest text a rule may pass. Messages, codes and tenant codes are short; a rule that builds a
   * long one (a tenant layer can concatenate a field thousands of times) fails instead of holding
   * megabytes for each of its firings.
   */
  public static final int MAX_TEXT_LENGTH = 1_000;

  /**
   * A field refused by a rule.
   *
   * @param field the field
   * @param code the reason code
   * @param message the reason
   */
  public record Rejection(String field, String code, String message) {}

  private final List<Rejection> rejections = new ArrayList<>();
  private final List<String> flags = new ArrayList<>();
  private String routeTo;
  private Integer dueInWorkingDays;
  private String advance;

  @Override
  public void reject(String field, String code, String message) {
    checkLength(field);
    checkLength(code);
    checkLength(message);
    rejections.add(new Rejection(field, code, message));
  }

  @Override
  public void routeTo(String tenantCode) {
    checkLength(tenantCode);
    this.routeTo = tenantCode;
  }

  @Override
  public void dueInWorkingDays(int workingDays) {
    if (workingDays < 1) {
      throw new IllegalArgumentException("dueInWorkingDays needs at least 1, got " + workingDays);
    }
    this.dueInWorkingDays = workingDays;
  }

  @Override
  public void advance(String action) {
    checkLength(action);
    if (advance == null) {
      advance = action;
    }
  }

  /**
   * @return the action the rules asked to take automatically, or null
   */
  public String advance() {
    return advance;
  }

  @Override
  public void flagForReview(String reason) {
    checkLength(reason);
    flags.add(reason);
  }

  private static void checkLength(String text) {
    if (text != null && text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "a rule passed "
              + text.length()
              + " characters; at most "
              + MAX_TEXT_LENGTH
              + " are kept");
    }
  }

  public List<Rejection> rejections() {
    return List.copyOf(rejections);
  }

  public List<String> flags() {
    return List.copyOf(flags);
  }

  /**
   * @return the tenant a rule routed to, or null
   */
  public String routeTo() {
    return routeTo;
  }

  /**
   * @return the deadline a rule set, or null to keep the workflow's
   */
  public Integer dueInWorkingDays() {
    return dueInWorkingDays;
  }
}
