package org.unionhub.platform.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.conversation.ConversationSpec;

/**
 * Whether a message may be posted, free of storage. The server numbers messages in the database
 * (one sequence per subject, unique), the test kit in memory.
 */
public final class ConversationDecisions {

  private ConversationDecisions() {}

  /**
   * The role an author writes in: a replying role when they hold one (staff side), otherwise the
   * participant's (the request's submitter, or a member of the item's audience).
   *
   * @param spec the conversation
   * @param roles the author's roles
   * @param officerOfOwner whether the author works for the owning union or one above it
   * @param participant whether the author is the request's submitter or in the item's audience
   * @return the role
   * @throws NotAllowedException when they may not write here
   */
  public static Role authorRole(
      ConversationSpec spec, Set<Role> roles, boolean officerOfOwner, boolean participant) {
    if (officerOfOwner) {
      for (Role r : List.of(Role.STAFF, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN)) {
        if (roles.contains(r) && (spec.repliedBy().contains(r) || r == Role.PLATFORM_ADMIN)) {
          return r;
        }
      }
      if (roles.contains(Role.TENANT_ADMIN) && spec.repliedBy().contains(Role.STAFF)) {
        return Role.TENANT_ADMIN;
      }
    }
    if (participant) {
      return roles.contains(Role.MEMBER) ? Role.MEMBER : Role.WORKER;
    }
    throw new NotAllowedException("this conversation is not yours to write in");
  }

  /**
   * Checks a message.
   *
   * @param spec the conversation
   * @param body the text
   * @param subjectTerminal whether the request has reached a terminal state (or the item closed)
   * @return the text as stored, stripped
   * @throws SubmissionRefusedException with every problem
   */
  public static String check(ConversationSpec spec, String body, boolean subjectTerminal) {
    var problems = new ArrayList<FieldError>();
    if (subjectTerminal && !spec.openInTerminalStates()) {
      problems.add(
          new FieldError(
              "subject",
              "CONVERSATION_CLOSED",
              ProblemText.of("conversation.it-is-finished-no-more-messages")));
    }
    if (body == null || body.isBlank()) {
      problems.add(
          new FieldError("body", "REQUIRED", ProblemText.of("common.this-field-is-required")));
    } else if (body.strip().length() > spec.maxLength()) {
      problems.add(
          new FieldError(
              "body",
              "TOO_LONG",
              ProblemText.of("common.must-be-at-most-characters", spec.maxLength())));
    }
    if (!problems.isEmpty()) {
      throw new SubmissionRefusedException(problems);
    }
    return body.strip();
  }
}
