package org.unionhub.sdk.tally;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.unionhub.sdk.action.MemberAction;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;

/**
 * Turns one action into the increments of a tally. A tallier is a pure function: the platform
 * applies its entries in the transaction that stores the action.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface Tallier {

  /**
   * Counts each action once, in the cell {@code count}: supports, sign-ups.
   *
   * @since 1.0
   */
  Tallier COUNT = (action, form) -> List.of(TallyEntry.count("count"));

  /**
   * Counts a form payload field by field: {@code field=choice} for each chosen choice, {@code
   * field} with the number for ratings and numbers, {@code field} (count only) for any other
   * answered field; plus {@code count}, the number of actions.
   *
   * @since 1.0
   */
  Tallier PER_FIELD =
      (action, form) -> {
        var entries = new ArrayList<TallyEntry>();
        entries.add(TallyEntry.count("count"));
        for (FormField field : form) {
          String value = action.values().get(field.name());
          if (value == null || value.isBlank()) {
            continue;
          }
          if (field.type() == FieldType.CHOICE) {
            entries.add(TallyEntry.count(field.name() + "=" + value.strip()));
          } else if (field.type() == FieldType.MULTI_CHOICE) {
            FormField.split(value)
                .forEach(c -> entries.add(TallyEntry.count(field.name() + "=" + c)));
          } else if (field.type().isNumeric()) {
            entries.add(new TallyEntry(field.name(), new BigDecimal(value.strip())));
          } else {
            entries.add(TallyEntry.count(field.name()));
          }
        }
        return entries;
      };

  /**
   * The increments for one action.
   *
   * @param action the stored action
   * @param form the fields of its payload (the item's questions, or the action type's fields)
   * @return the entries, possibly empty
   * @since 1.0
   */
  List<TallyEntry> entries(MemberAction action, List<FormField> form);
}
