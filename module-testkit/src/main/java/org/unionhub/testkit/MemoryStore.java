package org.unionhub.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unionhub.sdk.ModuleStore;
import org.unionhub.sdk.conversation.Message;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.tally.TallyCell;

/**
 * The kit's storage of items, tallies and conversations: memory, as the module's store reads it.
 */
final class MemoryStore implements ModuleStore {

  final Map<String, Item> items = new LinkedHashMap<>();
  final Map<String, Map<String, TallyCell>> tallies = new LinkedHashMap<>();
  final Map<String, List<Message>> messages = new LinkedHashMap<>();

  @Override
  public Optional<Item> item(String id) {
    return Optional.ofNullable(items.get(id));
  }

  @Override
  public List<Item> items(String tenantCode, String kind) {
    var found = new ArrayList<Item>();
    items.values().stream()
        .filter(i -> i.tenantCode().equals(tenantCode) && i.kind().equals(kind))
        .forEach(found::add);
    found.sort(Comparator.comparing(Item::id).reversed());
    return found;
  }

  @Override
  public List<TallyCell> tally(String targetId, String tally) {
    return List.copyOf(tallies.getOrDefault(targetId + "/" + tally, Map.of()).values());
  }

  @Override
  public List<Message> messages(String subjectId) {
    return List.copyOf(messages.getOrDefault(subjectId, List.of()));
  }
}
