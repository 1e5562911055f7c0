package org.unionhub.sdk.form;

import org.unionhub.sdk.LocalizedText;

/**
 * Why a submitted field value was refused.
 *
 * @param field the field name
 * @param code a stable, machine-readable reason such as {@code REQUIRED}
 * @param message the reason for people
 * @since 0.1
 */
public record FieldProblem(String field, String code, LocalizedText message) {}
