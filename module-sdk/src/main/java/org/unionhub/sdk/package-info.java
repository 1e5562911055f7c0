/**
 * Public API for UnionHub module authors: a module is a {@link
 * org.unionhub.sdk.ServiceModuleFactory} discovered with {@link java.util.ServiceLoader}, described
 * by a {@link org.unionhub.sdk.ModuleDescriptor} that the platform renders and enforces.
 *
 * <p>Audience: module developers. Everything here is a supported contract.
 */
package org.unionhub.sdk;
