package org.unionhub.platform.item;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.Audience;
import org.unionhub.sdk.item.ResultsVisibility;

/**
 * An item as its owner writes it, before it is checked and stored.
 *
 * @param title its title
 * @param description its description, or null
 * @param fields values of the kind's own fields
 * @param questions the questions, in order (built unchecked: {@link ItemDecisions#check} reports
 *     their problems)
 * @param opensAt when it opens, or null for "when published"
 * @param closesAt when it closes, or null for "when closed by hand"
 * @param audience who it is for, or null for the kind's first audience
 * @param anonymous whether actions on it are stored without the actor
 * @param resultsVisibility when members see its tallies, or null for never
 */
public record ItemDraft(
    String title,
    String description,
    Map<String, String> fields,
    List<FormField> questions,
    Instant opensAt,
    Instant closesAt,
    Audience audience,
    boolean anonymous,
    ResultsVisibility resultsVisibility) {

  public ItemDraft {
    fields = fields == null ? Map.of() : Map.copyOf(fields);
    questions = questions == null ? List.of() : List.copyOf(questions);
  }
}
