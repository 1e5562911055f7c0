package org.unionhub.loadtest;

/**
 * One kind of work the harness drives: each call of {@link #operation} is one measured operation
 * (its latency goes into the histogram, and throughput counts them). Add a workload by writing an
 * implementation and naming it in {@link Scenarios#ALL}.
 */
public interface Scenario {

  /** The name on the command line and in the results. */
  String name();

  /** What one operation is, for the report. */
  String operationDescription();

  /**
   * Runs once before the warm-up (fetch tokens, check the data the scenario needs exists).
   *
   * @throws UnexpectedAnswer when the server is not in a state the scenario can run against
   */
  default void prepare(Api api) {}

  /**
   * One operation of client number {@code client}; {@code n} counts that client's operations.
   *
   * @throws UnexpectedAnswer when the server answered something else than a correct use expects
   */
  void operation(Api api, int client, long n);

  /** An answer that a correct client would not expect; counted as an error, not as throughput. */
  final class UnexpectedAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnexpectedAnswer(String what, Api.Answer answer) {
      super(
          what
              + " answered "
              + answer.status()
              + ": "
              + (answer.body().length() > 300 ? answer.body().substring(0, 300) : answer.body()));
    }
  }

  /** Throws unless the answer has the status. */
  static Api.Answer expect(String what, Api.Answer answer, int status) {
    if (answer.status() != status) {
      throw new UnexpectedAnswer(what, answer);
    }
    return answer;
  }
}
