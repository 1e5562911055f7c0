package org.unionhub.testkit;

import java.util.List;

/**
 * A submission the form or the rules refused. It is an {@link AssertionError}, so a test that
 * expected acceptance fails with every reason in its message.
 *
 * @since 0.1
 */
public final class Refused extends AssertionError {

  private final transient List<Refusal> refusals;

  Refused(List<Refusal> refusals) {
    super("submission refused: " + refusals);
    this.refusals = List.copyOf(refusals);
  }

  /**
   * Every reason, form problems before rule rejections.
   *
   * @return the reasons
   * @since 0.1
   */
  public List<Refusal> refusals() {
    return refusals;
  }
}
