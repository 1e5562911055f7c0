package org.unionhub.platform.api;

import java.util.List;

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
  public record Item(String field, Integer line, Integer column, String code, String message) {}

  public static ApiError of(String code, String message) {
    return new ApiError(List.of(new Item(null, null, null, code, message)));
  }
}
