package org.unionhub.testkit;

import java.time.LocalDate;

/**
 * One step in a {@link TestRequest}'s history.
 *
 * @param action the action, {@code submit} for the submission
 * @param from the state before, null for the submission
 * @param to the state after
 * @param role the role the actor acted as, null for the submission
 * @param on the kit's date when the step was taken
 * @since 0.1
 */
public record Step(String action, String from, String to, String role, LocalDate on) {}
