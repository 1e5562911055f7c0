/**
 * SDK 1.0's shapes beyond requests, where they meet storage: items a union owns (surveys), actions
 * on items and requests (once per member through a unique constraint), tally cells kept in the
 * action's transaction, conversation messages (docs/adr/0020). Audience: the platform's use cases
 * and API.
 */
package org.unionhub.platform.item;
