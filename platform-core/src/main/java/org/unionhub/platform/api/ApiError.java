package org.unionhub.platform.api;

import java.util.List;
import org.unionhub.platform.problem.ProblemText;

/**
 * The error body of every failed call.
 *
 * @param errors what went wrong, one entry per problem
 */
public record ApiError(List<Item> errors) {

  /**
   * One problem.
   *
   * @param field the field at fault, when there is one
   * @param line the line in rule text, when there is one
   * @param column the column in rule text, when there is one
   * @param code a stable reason code
   * @param message the reason for people
   */
  public record Item(String field, Integer line, Integer column, String code, String message) {

    /**
     * A problem whose text is written in the language of the request being answered.
     *
     * @param field the field at fault, or null
     * @param line the line in rule text, or null
     * @param column the column in rule text, or null
     * @param code a stable reason code
     * @param text the reason, in any language
     */
    public Item(String field, Integer line, Integer column, String code, ProblemText text) {
      this(field, line, column, code, text.in(RequestLanguage.current()));
    }
  }

  public static ApiError of(String code, String message) {
    return new ApiError(List.of(new Item(null, null, null, code, message)));
  }

  /**
   * @param code a stable reason code
   * @param text the reason, written in the request's language
   * @return a body with one problem
   */
  public static ApiError of(String code, ProblemText text) {
    return new ApiError(List.of(new Item(null, null, null, code, text)));
  }
}
