package org.unionhub.testkit;

import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.item.ItemState;
import org.unionhub.sdk.item.Phase;

/**
 * An item a {@link ModuleTestKit} keeps: a handle that always reads the item as it is now.
 *
 * @since 1.0
 */
public final class TestItem {

  private final ModuleTestKit kit;
  private final String id;

  TestItem(ModuleTestKit kit, String id) {
    this.kit = kit;
    this.id = id;
  }

  /**
   * @return the item's id
   * @since 1.0
   */
  public String id() {
    return id;
  }

  /**
   * @return the item as stored now
   * @since 1.0
   */
  public Item item() {
    return kit.context().store().item(id).orElseThrow();
  }

  /**
   * @return its state
   * @since 1.0
   */
  public ItemState state() {
    return item().state();
  }

  /**
   * @return its phase at the kit's clock: draft, scheduled, open or closed
   * @since 1.0
   */
  public Phase phase() {
    return item().phase(kit.context().clock().instant());
  }

  @Override
  public String toString() {
    return "TestItem[" + id + "]";
  }
}
