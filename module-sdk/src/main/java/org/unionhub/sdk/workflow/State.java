package org.unionhub.sdk.workflow;

import org.unionhub.sdk.LocalizedText;

/**
 * A state a request can be in.
 *
 * @param name the state name, for example {@code submitted}
 * @param label what staff see
 * @param terminal whether the request is finished in this state
 * @param workingDays the deadline for leaving this state, in working days; 0 for none
 * @since 0.1
 */
public record State(String name, LocalizedText label, boolean terminal, int workingDays) {}
