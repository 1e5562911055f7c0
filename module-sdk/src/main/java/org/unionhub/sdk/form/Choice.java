package org.unionhub.sdk.form;

import org.unionhub.sdk.LocalizedText;

/**
 * One allowed value of a {@link FieldType#CHOICE} field.
 *
 * @param value the stored value
 * @param label what the user sees
 * @since 0.1
 */
public record Choice(String value, LocalizedText label) {}
