/**
 * The module test kit: runs a module's descriptor, default rules and workflow in memory with a
 * clock the test controls, through the same request lifecycle, rule engine and working-day calendar
 * as the server. Start with {@link org.unionhub.testkit.ModuleTestKit#of}.
 *
 * <p>Audience: module developers, in test scope.
 */
package org.unionhub.testkit;
