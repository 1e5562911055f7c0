package org.unionhub.sdk.conversation;

import java.time.Instant;
import org.unionhub.sdk.Role;

/**
 * One message of a conversation, as stored.
 *
 * @param id the message's id
 * @param subjectId the request's or item's id
 * @param seq its position in the conversation, from 1, without gaps
 * @param author the author's username
 * @param role the role the author wrote in ({@link Role#MEMBER} or {@link Role#WORKER} for the
 *     request's submitter, otherwise the staff role)
 * @param body the text
 * @param at when it was stored
 * @since 1.0
 */
public record Message(
    String id, String subjectId, long seq, String author, Role role, String body, Instant at) {}
