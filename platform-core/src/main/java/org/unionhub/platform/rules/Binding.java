package org.unionhub.platform.rules;

/**
 * A variable bound in a rule's conditions.
 *
 * @param name the name, starting with {@code $}
 * @param fact the fact type when the variable holds a fact whose getters may be called; null when
 *     it holds a value (a field, an accumulated number) that may only be passed on or compared
 */
record Binding(String name, FactType fact) {}
