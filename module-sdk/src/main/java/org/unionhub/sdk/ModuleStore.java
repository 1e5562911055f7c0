package org.unionhub.sdk;

import java.util.List;
import java.util.Optional;
import org.unionhub.sdk.conversation.Message;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.tally.TallyCell;

/**
 * A module's own data as the platform stores it, read within the tenant scope of the use case that
 * calls the module: a module sees no more than its caller may. While a request is submitted or
 * acted on (the module's facts, its hooks), that scope is the request's union, whoever acts.
 *
 * @since 1.0
 */
public interface ModuleStore {

  /**
   * @param id an item's id
   * @return the item, empty when it does not exist or is not visible in this scope
   * @since 1.0
   */
  Optional<Item> item(String id);

  /**
   * @param tenantCode the owning union
   * @param kind the item kind
   * @return the union's items of that kind, newest first
   * @since 1.0
   */
  List<Item> items(String tenantCode, String kind);

  /**
   * @param targetId an item's or request's id
   * @param tally the tally's name
   * @return its cells, unfiltered (module code applies no minimum cell size)
   * @since 1.0
   */
  List<TallyCell> tally(String targetId, String tally);

  /**
   * @param subjectId a request's or item's id
   * @return its conversation, in order
   * @since 1.0
   */
  List<Message> messages(String subjectId);
}
