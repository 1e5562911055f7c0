/**
 * Actions members take on an item or on another member's request that do not move its workflow —
 * answer, vote, support, comment — optionally at most once per member, which the platform enforces
 * with a database constraint. Audience: module developers.
 *
 * @since 1.0
 */
package org.unionhub.sdk.action;
