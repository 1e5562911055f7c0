package org.unionhub.sdk.workflow;

import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.Role;

/**
 * A workflow action: who may take it, from which state to which.
 *
 * @param action the action's name, as the API and the rules call it ({@code approve})
 * @param from the state it leaves
 * @param to the state it enters
 * @param role the role that takes it; tenants may change it through configuration
 * @param label the button's text
 * @since 0.1 (role as {@link Role} since 1.0)
 */
public record Transition(String action, String from, String to, Role role, LocalizedText label) {}
