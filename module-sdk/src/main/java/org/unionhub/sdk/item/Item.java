package org.unionhub.sdk.item;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.unionhub.sdk.form.FormField;

/**
 * An item as the platform hands it to module code: read-only.
 *
 * @param id the item's id
 * @param moduleId the module it belongs to
 * @param kind its {@link ItemKind#name()}
 * @param tenantCode the union that owns it
 * @param title its title
 * @param description its description, or null
 * @param fields values of the kind's own fields
 * @param questions the fields its owner put into it (a survey's questions), in order
 * @param opensAt when it opens, or null for "when published"
 * @param closesAt when it closes, or null for "when closed by hand"
 * @param audience who it is for
 * @param anonymous whether actions on it are stored without the actor
 * @param resultsVisibility when members see its tallies
 * @param state its state
 * @param origin the id of the item it was pushed down from, or null
 * @param createdBy the username of who created it
 * @param version its version, for optimistic locking
 * @since 1.0
 */
public record Item(
    String id,
    String moduleId,
    String kind,
    String tenantCode,
    String title,
    String description,
    Map<String, String> fields,
    List<FormField> questions,
    Instant opensAt,
    Instant closesAt,
    Audience audience,
    boolean anonymous,
    ResultsVisibility resultsVisibility,
    ItemState state,
    String origin,
    String createdBy,
    long version) {

  /**
   * Copies the collections; null becomes empty.
   *
   * @since 1.0
   */
  public Item {
    fields = fields == null ? Map.of() : Map.copyOf(fields);
    questions = questions == null ? List.of() : List.copyOf(questions);
  }

  /**
   * Its phase at a moment.
   *
   * @param now the moment
   * @return draft, scheduled, open or closed
   * @since 1.0
   */
  public Phase phase(Instant now) {
    return switch (state) {
      case DRAFT -> Phase.DRAFT;
      case CLOSED -> Phase.CLOSED;
      case PUBLISHED -> {
        if (opensAt != null && now.isBefore(opensAt)) {
          yield Phase.SCHEDULED;
        }
        yield closesAt != null && !now.isBefore(closesAt) ? Phase.CLOSED : Phase.OPEN;
      }
    };
  }

  /**
   * Whether members see its tallies at a moment (staff and admins of its union always do).
   *
   * @param now the moment
   * @return true when its results visibility allows it now
   * @since 1.0
   */
  public boolean resultsVisibleToMembers(Instant now) {
    return switch (resultsVisibility) {
      case NEVER -> false;
      case LIVE -> phase(now) != Phase.DRAFT;
      case AFTER_CLOSE -> phase(now) == Phase.CLOSED;
    };
  }

  /**
   * A question by name.
   *
   * @param name the field name
   * @return the question, or null
   * @since 1.0
   */
  public FormField question(String name) {
    return questions.stream().filter(q -> q.name().equals(name)).findFirst().orElse(null);
  }
}
