/**
 * Reusable pieces of the rules console: the model behind the decision table grid ({@code
 * uh:decisionTable}) and the DRL code editor ({@code uh:ruleEditor}). Pages hold a {@link
 * org.unionhub.ui.rules.DecisionTableEditor} and pass it, and a list of problems, to the composites
 * in {@code META-INF/resources/uh/}.
 */
package org.unionhub.ui.rules;
