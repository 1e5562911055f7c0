package org.unionhub.sdk.workflow;

import org.unionhub.sdk.LocalizedText;

/**
 * A move from one state to another, taken by an action of a person with a role.
 *
 * @param action the action name in the API, for example {@code approve}
 * @param from the state the request must be in
 * @param to the state it moves to
 * @param role the role that may take it: {@code staff}, {@code tenant-admin} or {@code member}
 * @param label what the button says
 * @since 0.1
 */
public record Transition(String action, String from, String to, String role, LocalizedText label) {}
