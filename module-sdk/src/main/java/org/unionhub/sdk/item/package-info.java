/**
 * Items a union owns and opens to its members for a time: surveys, votes, announcements. A module
 * declares an {@link org.unionhub.sdk.item.ItemKind}; the platform stores items, renders their
 * editor and their member view, and enforces window and audience. Audience: module developers.
 *
 * @since 1.0
 */
package org.unionhub.sdk.item;
