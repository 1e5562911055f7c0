/**
 * Conversations between a member and a union's staff on a request or an item (a legal
 * consultation's replies): messages in order, each with author, role and time. Audience: module
 * developers.
 *
 * @since 1.0
 */
package org.unionhub.sdk.conversation;
