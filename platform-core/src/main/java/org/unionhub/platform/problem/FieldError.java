package org.unionhub.platform.problem;

/**
 * A refused field, as the API reports it.
 *
 * @param field the field name
 * @param code the stable reason code
 * @param message the reason for people
 */
public record FieldError(String field, String code, String message) {}
