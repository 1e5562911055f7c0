package org.unionhub.platform.config;

/**
 * The result of one rule scenario.
 *
 * @param name the scenario's name
 * @param source {@code module} or the tenant whose scenario it is
 * @param passed whether the rules did what it expects
 * @param detail what happened when it failed; empty when it passed
 */
public record ScenarioResult(String name, String source, boolean passed, String detail) {}
