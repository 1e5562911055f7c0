/**
 * Conversations between a member and a union's staff: who may write and in which role, when a
 * conversation is closed, and what a message must be — decisions with no storage, shared by the
 * server and the module test kit.
 */
package org.unionhub.platform.conversation;
