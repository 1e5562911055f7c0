package org.unionhub.platform.module;

import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;
import org.unionhub.sdk.ModuleStore;
import org.unionhub.sdk.conversation.Message;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.tally.TallyCell;

/**
 * A module's store, looked up from the {@link ModuleStores} port on each call, so that the context
 * a module keeps from {@code init} reads through whichever store is deployed.
 */
final class ModuleStoreProxy implements ModuleStore {

  private final String moduleId;
  private final Instance<ModuleStores> stores;

  ModuleStoreProxy(String moduleId, Instance<ModuleStores> stores) {
    this.moduleId = moduleId;
    this.stores = stores;
  }

  private ModuleStore store() {
    if (!stores.isResolvable()) {
      throw new IllegalStateException(
          "module " + moduleId + " reads its store, but this deployment has no ModuleStores");
    }
    return stores.get().forModule(moduleId);
  }

  @Override
  public Optional<Item> item(String id) {
    return store().item(id);
  }

  @Override
  public List<Item> items(String tenantCode, String kind) {
    return store().items(tenantCode, kind);
  }

  @Override
  public List<TallyCell> tally(String targetId, String tally) {
    return store().tally(targetId, tally);
  }

  @Override
  public List<Message> messages(String subjectId) {
    return store().messages(subjectId);
  }
}
