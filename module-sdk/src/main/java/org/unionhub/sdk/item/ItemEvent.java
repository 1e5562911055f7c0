package org.unionhub.sdk.item;

import java.time.Instant;

/**
 * What {@link org.unionhub.sdk.ServiceModule#onItem(ItemEvent)} is told when an item was published
 * or closed.
 *
 * @param item the item after the change
 * @param actor who changed it; {@code system} for a close by its close time
 * @param at when
 * @since 1.0
 */
public record ItemEvent(Item item, String actor, Instant at) {}
